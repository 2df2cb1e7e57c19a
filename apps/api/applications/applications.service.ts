import { createHash, randomUUID } from 'node:crypto';
import {
  BadRequestException,
  Inject,
  Injectable,
  NotFoundException,
  ServiceUnavailableException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { ApplicationFailure, type Client, WithStartWorkflowOperation, WorkflowUpdateFailedError } from '@temporalio/client';
import type { AppConfig } from '../../../libs/config/config';
import { type ApplicationWorkflowInput, type RegistrationResult, workflowIdFor } from '../../../libs/contracts/application';
import { APPLICATION_WORKFLOW_TYPE, registrationUpdate } from '../../../libs/contracts/workflow';
import type { AuthUser } from '../auth/current-user';
import { CONFIG, TEMPORAL_CLIENT } from '../common/tokens';
import type { ApplicationViewDto, CreateApplicationDto } from './application.dto';
import { ApplicationsRepository } from './applications.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A stable application id for a retried submission (same office, same Idempotency-Key). */
export function applicationIdFor(officeCode: string, idempotencyKey: string): string {
  const h = createHash('sha256').update(`${officeCode}\u0000${idempotencyKey}`).digest('hex');
  // Laid out as a version-8 (custom) UUID.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

@Injectable()
export class ApplicationsService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(CONFIG) private readonly config: AppConfig,
    @Inject(ApplicationsRepository) private readonly repo: ApplicationsRepository,
  ) {}

  /**
   * Starts the application's workflow and waits, through the registration Update
   * sent with the start, until the workflow has registered it in PostgreSQL.
   */
  async submit(dto: CreateApplicationDto, user: AuthUser, idempotencyKey?: string): Promise<RegistrationResult> {
    if (idempotencyKey !== undefined && !/^[\x21-\x7e]{8,128}$/.test(idempotencyKey)) {
      throw new BadRequestException('Idempotency-Key: must be 8-128 printable ASCII characters');
    }
    const applicationId = idempotencyKey ? applicationIdFor(this.config.officeCode, idempotencyKey) : randomUUID();
    const input: ApplicationWorkflowInput = {
      applicationId,
      officeCode: this.config.officeCode,
      arrivedAt: new Date().toISOString(),
      submittedBy: { username: user.username, role: user.role },
      submission: JSON.parse(JSON.stringify(dto)),
    };
    const startWorkflowOperation = new WithStartWorkflowOperation(APPLICATION_WORKFLOW_TYPE, {
      workflowId: workflowIdFor(applicationId),
      taskQueue: this.config.temporal.taskQueue,
      args: [input],
      // A retried submission attaches to the case it already started.
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    try {
      return await this.temporal.withDeadline(Date.now() + 30_000, () =>
        this.temporal.workflow.executeUpdateWithStart(registrationUpdate, {
          startWorkflowOperation,
          updateId: `registration-${applicationId}`,
        }),
      );
    } catch (err) {
      if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
        throw new UnprocessableEntityException(err.cause.message);
      }
      throw new ServiceUnavailableException(
        `registration did not complete (${(err as Error).message}); retry with the same Idempotency-Key to get the same application`,
      );
    }
  }

  async get(id: string, user: AuthUser): Promise<ApplicationViewDto> {
    if (!UUID.test(id)) throw new BadRequestException('id: must be a UUID');
    const view = await this.repo.findView(id, user.officeId);
    if (!view) throw new NotFoundException(`application ${id} not found`);
    return view;
  }
}
