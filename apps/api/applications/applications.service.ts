import { createHash, randomUUID } from 'node:crypto';
import {
  BadRequestException,
  ConflictException,
  Inject,
  Injectable,
  NotFoundException,
  ServiceUnavailableException,
  UnprocessableEntityException,
} from '@nestjs/common';
import {
  ApplicationFailure,
  type Client,
  WithStartWorkflowOperation,
  WorkflowNotFoundError,
  isGrpcServiceError,
  ServiceError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import type { AppConfig } from '../../../libs/config/config';
import {
  type ApplicationWorkflowInput,
  type RegistrationResult,
  type SubmissionInput,
  workflowIdFor,
} from '../../../libs/contracts/application';
import {
  APPLICATION_WORKFLOW_TYPE,
  deadlineExplanationQuery,
  type DeadlineExplanationView,
  registrationUpdate,
} from '../../../libs/contracts/workflow';
import { CaseAccess } from '../access/case-access';
import type { AuthUser } from '../auth/current-user';
import { CONFIG, TEMPORAL_CLIENT } from '../common/tokens';
import { WORKFLOW_ANSWER_DEADLINE_MS } from '../common/unavailable';
import type { ApplicationViewDto, CaseStepDto, CreateApplicationDto } from './application.dto';
import type { ApplicationListDto, ListApplicationsQueryDto, PendingConfirmationListDto } from './application-list.dto';
import { ApplicationsRepository } from './applications.repository';
import { type CaseAtMoment, caseAtMoment, caseEntry, mergeTimeline, type TimelineEntry, temporalEntries } from './case-history';

/** A stable application id for a retried submission (same office, same user, same Idempotency-Key). */
export function applicationIdFor(officeCode: string, userId: string, idempotencyKey: string): string {
  const h = createHash('sha256').update(`${officeCode}\u0000${userId}\u0000${idempotencyKey}`).digest('hex');
  // Laid out as a version-8 (custom) UUID.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

@Injectable()
export class ApplicationsService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(CONFIG) private readonly config: AppConfig,
    @Inject(ApplicationsRepository) private readonly repo: ApplicationsRepository,
    @Inject(CaseAccess) private readonly access: CaseAccess,
  ) {}

  /**
   * Starts the application's workflow and waits, through the registration Update
   * sent with the start, until the workflow has registered it in PostgreSQL.
   */
  async submit(dto: CreateApplicationDto, user: AuthUser, idempotencyKey?: string): Promise<RegistrationResult> {
    if (idempotencyKey !== undefined && !/^[\x21-\x7e]{8,128}$/.test(idempotencyKey)) {
      throw new BadRequestException('Idempotency-Key: must be 8-128 printable ASCII characters');
    }
    // The case belongs to the clerk's own office (its numbering, letterhead and staff).
    const officeCode = (await this.repo.officeCodeOf(user.officeId)) ?? this.config.officeCode;
    const applicationId = idempotencyKey
      ? await this.claimKey(user, idempotencyKey, dto, applicationIdFor(officeCode, user.id, idempotencyKey))
      : randomUUID();
    return this.register(
      applicationId,
      officeCode,
      { username: user.username, role: user.role },
      dto,
      'retry with the same Idempotency-Key to get the same application',
    );
  }

  /**
   * Starts an application's workflow (or attaches to the one already started under this id) and
   * waits for its registration. Shared by the clerk's intake and the public online submission.
   */
  async register(
    applicationId: string,
    officeCode: string,
    submittedBy: ApplicationWorkflowInput['submittedBy'],
    submission: SubmissionInput,
    retryHint: string,
  ): Promise<RegistrationResult> {
    const input: ApplicationWorkflowInput = {
      applicationId,
      officeCode,
      arrivedAt: new Date().toISOString(),
      submittedBy,
      settings: {
        reminderOffsets: this.config.reminderOffsets,
        notifyHour: this.config.notifyHour,
        ...(this.config.testClock ? { testClock: true } : {}),
      },
      submission: JSON.parse(JSON.stringify(submission)),
    };
    const startWorkflowOperation = new WithStartWorkflowOperation(APPLICATION_WORKFLOW_TYPE, {
      workflowId: workflowIdFor(applicationId),
      taskQueue: this.config.temporal.taskQueue,
      args: [input],
      // A retried submission attaches to the case it already started.
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    try {
      return await this.temporal.withDeadline(Date.now() + WORKFLOW_ANSWER_DEADLINE_MS, () =>
        this.temporal.workflow.executeUpdateWithStart(registrationUpdate, {
          startWorkflowOperation,
          updateId: `registration-${applicationId}`,
        }),
      );
    } catch (err) {
      if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
        throw new UnprocessableEntityException(err.cause.message);
      }
      throw new ServiceUnavailableException(`registration did not complete (${(err as Error).message}); ${retryHint}`);
    }
  }

  /** The application id a keyed submission stands for; 409 when the key was used with another body. */
  private async claimKey(user: AuthUser, key: string, body: unknown, applicationId: string): Promise<string> {
    const claim = await this.repo.claimIdempotencyKey({
      userId: user.id,
      route: 'POST /api/applications',
      key,
      body,
      resultId: applicationId,
    });
    if (claim.kind === 'conflict')
      throw new ConflictException(
        `Idempotency-Key: ${key} was already used for a different application; send a new key for a new application`,
      );
    return claim.resultId;
  }

  async get(id: string, user: AuthUser): Promise<ApplicationViewDto> {
    await this.access.require(user, id, 'read');
    const view = await this.repo.findView(id);
    if (!view) throw new NotFoundException(`application ${id} not found`);
    return view;
  }

  pendingConfirmation(user: AuthUser): Promise<PendingConfirmationListDto> {
    return this.repo.pendingConfirmation(user);
  }

  list(query: ListApplicationsQueryDto, user: AuthUser): Promise<ApplicationListDto> {
    return this.repo.list(query, user);
  }

  /** The recorded steps of the case, for everyone who may read it. */
  async history(id: string, user: AuthUser): Promise<CaseStepDto[]> {
    await this.access.require(user, id, 'read');
    return (await this.repo.events(id)).map((e) => ({
      seq: e.seq,
      type: e.type,
      actor: e.actor,
      actorRole: e.actorRole,
      occurredAt: e.occurredAt,
      comment: typeof e.payload.comment === 'string' ? e.payload.comment : null,
      details: e.payload,
    }));
  }

  /** The case steps merged with the workflow's Temporal event history, in time order. */
  async timeline(id: string, user: AuthUser): Promise<{ id: string; temporalHistory: boolean; entries: TimelineEntry[] }> {
    const { workflowId } = await this.access.require(user, id, 'audit');
    const steps = (await this.repo.events(id)).map(caseEntry);
    let events: TimelineEntry[] = [];
    let temporalHistory = true;
    try {
      events = temporalEntries(await this.temporal.workflow.getHandle(workflowId).fetchHistory());
    } catch (err) {
      // History past the namespace retention is gone; the recorded steps remain.
      if (!isHistoryGone(err)) throw err;
      temporalHistory = false;
    }
    return { id, temporalHistory, entries: mergeTimeline(steps, events) };
  }

  /**
   * Why the case's due day is what it is, as its workflow computes it now: regime, day 0, the
   * working days counted, the holidays and weekends skipped and make-up days counted, pauses,
   * extension, later reply day and calendar version. Null until the receipt day is known.
   */
  async deadline(id: string, user: AuthUser): Promise<{ id: string; deadline: DeadlineExplanationView | null }> {
    const { workflowId } = await this.access.require(user, id, 'read');
    try {
      // A worker answers the query (replaying a closed case); without one, the request ends here.
      const deadline = await this.temporal.withDeadline(Date.now() + 10_000, () =>
        this.temporal.workflow.getHandle(workflowId).query(deadlineExplanationQuery),
      );
      return { id, deadline };
    } catch (err) {
      if (isHistoryGone(err)) {
        throw new NotFoundException(
          `application ${id}: its workflow is past the retention period, so its deadline can no longer be explained`,
        );
      }
      throw new ServiceUnavailableException(`the case's workflow did not answer (${(err as Error).message}); try again`);
    }
  }

  /** The case as it stood at a past moment: the workflow's state after the last step recorded by then. */
  async at(id: string, moment: string | undefined, user: AuthUser): Promise<CaseAtMoment> {
    if (!moment || !/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(moment) || Number.isNaN(Date.parse(moment))) {
      throw new BadRequestException('moment: must be an ISO date-time, e.g. 2026-11-27T10:00:00+08:00');
    }
    await this.access.require(user, id, 'audit');
    const when = new Date(moment);
    return caseAtMoment(when.toISOString(), await this.repo.events(id, when));
  }
}

/**
 * The workflow's history is gone (past the namespace's retention, or never started there):
 * the client says so as WorkflowNotFoundError for a handle's calls, but fetchHistory passes
 * the server's gRPC NOT_FOUND through as it is.
 */
function isHistoryGone(err: unknown): boolean {
  const cause = err instanceof ServiceError ? err.cause : err;
  return err instanceof WorkflowNotFoundError || (isGrpcServiceError(cause) && cause.code === GRPC_NOT_FOUND);
}
const GRPC_NOT_FOUND = 5;
