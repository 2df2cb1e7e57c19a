import { createHash, randomUUID } from 'node:crypto';
import {
  BadRequestException,
  Body,
  ConflictException,
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  ServiceUnavailableException,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import {
  type ClosedCaseKey,
  closedCasesPage,
  parsePeriodBound,
  type ReplayReport,
  verifyReplay,
  type VerifyReplayOptions,
} from '../../worker/replay-verify';
import { CaseAccess } from '../access/case-access';
import { CurrentUser, type AuthUser } from '../auth/current-user';
import { Roles } from '../auth/roles.decorator';
import { CONFIG, DATA_SOURCE, TEMPORAL_CLIENT } from '../common/tokens';
import type { AppConfig } from '../../../libs/config/config';
import { REPLAY_VERIFY_WORKFLOW_TYPE, type ReplayVerifyInput } from '../../../libs/contracts/workflow';
import { claimIdempotencyKey } from '../../../libs/persistence/idempotency.repository';
import { createReplayJob, findReplayJob, listReplayJobs } from '../../../libs/persistence/replay-job.repository';
import { decodeReplayCursor, encodeReplayCursor } from './replay-cursor';
import { REPLAY_DEFAULT_LIMIT, ReplayJobDto, ReplayJobRequestDto, ReplayReportDto, ReplayRequestDto } from './replay.dto';

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
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  /** The worker's prebuilt bundle when one is configured; otherwise the workflows are bundled on first use and cached. */
  private replayCode(): VerifyReplayOptions {
    const codePath = this.config.temporal.workflowBundlePath;
    return codePath ? { workflowBundle: { codePath } } : {};
  }

  @Post('replay-jobs')
  @HttpCode(202)
  @Roles('auditor', 'supervisor')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'a retried request with the same key starts nothing new and answers with the same job',
  })
  @ApiAcceptedResponse({
    type: ReplayJobDto,
    description:
      "started: a workflow replays the histories of the office's cases closed in [closedFrom, closedTo) a page at a time; " +
      'follow it with GET /api/audit/replay-jobs/{id}',
  })
  @ApiBadRequestResponse({
    description: 'closedFrom or closedTo missing or not a day / date-time, or the period is empty; the message names it',
  })
  @ApiConflictResponse({ description: 'the Idempotency-Key was used for another period' })
  @ApiForbiddenResponse({ description: 'only auditors and supervisors' })
  async startJob(
    @Body() body: ReplayJobRequestDto,
    @CurrentUser() user: AuthUser,
    @Headers('idempotency-key') key?: string,
  ): Promise<ReplayJobDto> {
    const from = parsePeriodBound(body.closedFrom) as Date;
    const to = parsePeriodBound(body.closedTo) as Date;
    if (to.getTime() <= from.getTime()) throw badRequest('closedTo: must be after closedFrom');
    if (key !== undefined && !/^[\x21-\x7e]{8,128}$/.test(key))
      throw badRequest('Idempotency-Key: must be 8-128 printable ASCII characters');
    let jobId = `replay-${randomUUID()}`;
    if (key !== undefined) {
      const derived = `replay-${createHash('sha256').update(`${user.id}\u0000${key}`).digest('hex').slice(0, 32)}`;
      const claim = await claimIdempotencyKey(this.ds, {
        userId: user.id,
        route: 'POST /api/audit/replay-jobs',
        key,
        body,
        resultId: derived,
      });
      if (claim.kind === 'conflict')
        throw new ConflictException(`Idempotency-Key: ${key} was already used for another period; send a new key`);
      jobId = claim.resultId;
    }
    await createReplayJob(this.ds, { id: jobId, officeId: user.officeId, from, to, startedBy: user.username });
    const input: ReplayVerifyInput = { jobId, officeId: user.officeId, closedFrom: from.toISOString(), closedTo: to.toISOString() };
    try {
      await this.temporal.workflow.start(REPLAY_VERIFY_WORKFLOW_TYPE, {
        workflowId: jobId,
        taskQueue: this.config.temporal.taskQueue,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
      });
    } catch (err) {
      throw new ServiceUnavailableException(
        `replay job ${jobId} is recorded but could not be started (${(err as Error).message}); send the request again with the same Idempotency-Key`,
      );
    }
    return (await findReplayJob(this.ds, jobId, user.officeId))!;
  }

  @Get('replay-jobs')
  @Roles('auditor', 'supervisor')
  @ApiOkResponse({ type: [ReplayJobDto], description: "the office's latest 20 replay jobs, newest first (failures listed per job)" })
  @ApiForbiddenResponse({ description: 'only auditors and supervisors' })
  jobs(@CurrentUser() user: AuthUser): Promise<ReplayJobDto[]> {
    return listReplayJobs(this.ds, user.officeId);
  }

  @Get('replay-jobs/:jobId')
  @Roles('auditor', 'supervisor')
  @ApiOkResponse({ type: ReplayJobDto, description: 'progress (done of total) and, once completed, the cases that did not replay' })
  @ApiNotFoundResponse({ description: "unknown job, or another office's" })
  @ApiForbiddenResponse({ description: 'only auditors and supervisors' })
  async job(@Param('jobId') id: string, @CurrentUser() user: AuthUser): Promise<ReplayJobDto> {
    const job = await findReplayJob(this.ds, id.slice(0, 100), user.officeId);
    if (!job) throw new NotFoundException(`replay job ${id} not found`);
    return job;
  }

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
      const report = await verifyReplay(this.temporal, [workflowId], this.replayCode());
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
    const report = await verifyReplay(this.temporal, page.workflowIds, this.replayCode());
    return { ...report, truncated: page.next !== null, next: page.next ? encodeReplayCursor({ from, to }, page.next) : null };
  }
}
