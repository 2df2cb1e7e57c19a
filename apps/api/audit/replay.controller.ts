import { BadRequestException, Body, Controller, HttpCode, Inject, NotFoundException, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { workflowIdFor } from '../../../libs/contracts/application';
import { closedCaseWorkflowIds, parsePeriodBound, type ReplayReport, verifyReplay } from '../../worker/replay-verify';
import { ApplicationsRepository } from '../applications/applications.repository';
import { CurrentUser, type AuthUser } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { DATA_SOURCE, TEMPORAL_CLIENT } from '../common/tokens';
import { ReplayReportDto, ReplayRequestDto } from './replay.dto';

const badRequest = (message: string) => new BadRequestException({ statusCode: 400, error: 'Bad Request', message: [message] });

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit')
export class ReplayController {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(ApplicationsRepository) private readonly applications: ApplicationsRepository,
  ) {}

  @Post('replay')
  @HttpCode(200)
  @Roles('auditor', 'supervisor')
  @ApiOkResponse({
    type: ReplayReportDto,
    description: "replays the cases' recorded Temporal histories with today's workflow code; failures name the workflow and the divergence",
  })
  @ApiBadRequestResponse({ description: 'give applicationId, or closedFrom and closedTo; the message names the field' })
  @ApiForbiddenResponse({ description: 'only auditors and supervisors' })
  @ApiNotFoundResponse({ description: 'unknown application, or outside the caller’s office' })
  async replay(@Body() body: ReplayRequestDto, @CurrentUser() user: AuthUser): Promise<ReplayReport> {
    const { applicationId, closedFrom, closedTo } = body;
    if (applicationId !== undefined) {
      if (closedFrom !== undefined || closedTo !== undefined)
        throw badRequest(
          `${closedFrom !== undefined ? 'closedFrom' : 'closedTo'}: give either applicationId or closedFrom and closedTo, not both`,
        );
      const row = await this.applications.inScope(applicationId, user);
      if (!row) throw new NotFoundException(`application ${applicationId} not found`);
      return verifyReplay(this.temporal, [row.workflowId ?? workflowIdFor(applicationId)]);
    }
    if (closedFrom === undefined && closedTo === undefined)
      throw badRequest('applicationId: required unless closedFrom and closedTo are given');
    if (closedFrom === undefined) throw badRequest('closedFrom: required with closedTo');
    if (closedTo === undefined) throw badRequest('closedTo: required with closedFrom');
    const from = parsePeriodBound(closedFrom) as Date;
    const to = parsePeriodBound(closedTo) as Date;
    if (to.getTime() <= from.getTime()) throw badRequest('closedTo: must be after closedFrom');
    return verifyReplay(this.temporal, await closedCaseWorkflowIds(this.ds, from, to, user.officeId));
  }
}
