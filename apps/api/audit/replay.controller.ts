import { BadRequestException, Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { type ClosedCaseKey, closedCasesPage, parsePeriodBound, type ReplayReport, verifyReplay } from '../../worker/replay-verify';
import { CaseAccess } from '../access/case-access';
import { CurrentUser, type AuthUser } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { DATA_SOURCE, TEMPORAL_CLIENT } from '../common/tokens';
import { decodeReplayCursor, encodeReplayCursor } from './replay-cursor';
import { REPLAY_DEFAULT_LIMIT, ReplayReportDto, ReplayRequestDto } from './replay.dto';

export type PagedReplayReport = ReplayReport & { truncated: boolean; next: string | null };

const badRequest = (message: string) => new BadRequestException({ statusCode: 400, error: 'Bad Request', message: [message] });

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit')
export class ReplayController {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(CaseAccess) private readonly access: CaseAccess,
  ) {}

  @Post('replay')
  @HttpCode(200)
  @Roles('auditor', 'supervisor')
  @ApiOkResponse({
    type: ReplayReportDto,
    description:
      "replays the cases' recorded Temporal histories with today's workflow code; failures name the workflow and the divergence. " +
      'A period is replayed at most `limit` cases per call, in closing order; `truncated` and `next` say how to continue',
  })
  @ApiBadRequestResponse({ description: 'give applicationId, or closedFrom and closedTo; the message names the field' })
  @ApiForbiddenResponse({ description: 'only auditors and supervisors' })
  @ApiNotFoundResponse({ description: 'unknown application, or outside the caller’s office' })
  async replay(@Body() body: ReplayRequestDto, @CurrentUser() user: AuthUser): Promise<PagedReplayReport> {
    const { applicationId, closedFrom, closedTo, limit, cursor } = body;
    if (applicationId !== undefined) {
      if (closedFrom !== undefined || closedTo !== undefined)
        throw badRequest(
          `${closedFrom !== undefined ? 'closedFrom' : 'closedTo'}: give either applicationId or closedFrom and closedTo, not both`,
        );
      if (limit !== undefined || cursor !== undefined)
        throw badRequest(`${limit !== undefined ? 'limit' : 'cursor'}: only for a period (closedFrom and closedTo)`);
      const { workflowId } = await this.access.require(user, applicationId, 'audit', undefined, 'applicationId');
      const report = await verifyReplay(this.temporal, [workflowId]);
      return { ...report, truncated: false, next: null };
    }
    if (closedFrom === undefined && closedTo === undefined)
      throw badRequest('applicationId: required unless closedFrom and closedTo are given');
    if (closedFrom === undefined) throw badRequest('closedFrom: required with closedTo');
    if (closedTo === undefined) throw badRequest('closedTo: required with closedFrom');
    const from = parsePeriodBound(closedFrom) as Date;
    const to = parsePeriodBound(closedTo) as Date;
    if (to.getTime() <= from.getTime()) throw badRequest('closedTo: must be after closedFrom');
    let after: ClosedCaseKey | null = null;
    if (cursor !== undefined) {
      const decoded = decodeReplayCursor(cursor, { from, to });
      if ('error' in decoded) throw badRequest(decoded.error);
      after = decoded.key;
    }
    // Bounded work per request: replaying one history takes a while, a period can hold thousands.
    const page = await closedCasesPage(this.ds, { from, to, officeId: user.officeId, limit: limit ?? REPLAY_DEFAULT_LIMIT, after });
    const report = await verifyReplay(this.temporal, page.workflowIds);
    return { ...report, truncated: page.next !== null, next: page.next ? encodeReplayCursor({ from, to }, page.next) : null };
  }
}
