import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Inject,
  Injectable,
  NotFoundException,
  ServiceUnavailableException,
} from '@nestjs/common';
import { ApplicationFailure, type Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { isActionName, validateActionBody } from '../../../libs/case';
import { workflowIdFor } from '../../../libs/contracts/application';
import { ACTION_NAMES, type ActionRequest, type ActionResult, type AvailableAction } from '../../../libs/contracts/case';
import { actionUpdate, availableActionsQuery } from '../../../libs/contracts/workflow';
import type { AuthUser } from '../auth/current-user';
import { DATA_SOURCE, TEMPORAL_CLIENT } from '../common/tokens';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Sends a case step to the application's workflow as the caller, and maps its refusal to HTTP. */
@Injectable()
export class ActionsService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
  ) {}

  async take(id: string, name: string, body: unknown, user: AuthUser, requestId?: string): Promise<ActionResult> {
    if (!isActionName(name)) throw new NotFoundException(`action ${name} does not exist; actions: ${ACTION_NAMES.join(', ')}`);
    if (requestId !== undefined && !/^[\x21-\x7e]{8,128}$/.test(requestId)) {
      throw new BadRequestException('Idempotency-Key: must be 8-128 printable ASCII characters');
    }
    const problems = validateActionBody(name, body ?? {});
    if (problems.length) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: problems });
    const { workflowId, status } = await this.caseOf(id, user);
    // A closed case's workflow has completed and takes no Updates.
    if (status === 'closed') throw new ConflictException(`${name}: not allowed in status closed`);
    const request = { action: name, actor: { username: user.username, role: user.role }, body, requestId } as ActionRequest;
    try {
      return await this.temporal.withDeadline(Date.now() + 30_000, () =>
        this.temporal.workflow.getHandle(workflowId).executeUpdate(actionUpdate, {
          args: [request],
          // A retried request with the same key is the same Update: applied once.
          ...(requestId ? { updateId: `${name}-${requestId}` } : {}),
        }),
      );
    } catch (err) {
      throw this.mapFailure(err, id);
    }
  }

  async available(id: string, user: AuthUser): Promise<AvailableAction[]> {
    const { workflowId, status } = await this.caseOf(id, user);
    if (status === 'closed') return [];
    try {
      return await this.temporal.workflow.getHandle(workflowId).query(availableActionsQuery, { username: user.username, role: user.role });
    } catch (err) {
      // A closed case's workflow still answers queries; a missing one has no actions.
      if (err instanceof WorkflowNotFoundError) return [];
      throw err;
    }
  }

  private async caseOf(id: string, user: AuthUser): Promise<{ workflowId: string; status: string }> {
    if (!UUID.test(id)) throw new BadRequestException('id: must be a UUID');
    const [row] = await this.ds.query('SELECT workflow_id, status FROM applications WHERE id = $1 AND office_id = $2', [id, user.officeId]);
    if (!row) throw new NotFoundException(`application ${id} not found`);
    return { workflowId: row.workflow_id ?? workflowIdFor(id), status: row.status };
  }

  private mapFailure(err: unknown, id: string): Error {
    // The row exists (checked before sending), so a workflow that takes no Updates has completed.
    if (err instanceof WorkflowNotFoundError) return new ConflictException(`application ${id} is closed`);
    if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
      const { type, message } = err.cause;
      if (type === 'WrongState') return new ConflictException(message);
      if (type === 'Forbidden') return new ForbiddenException(message);
      if (type === 'BadRequest') return new BadRequestException(message);
      return new ConflictException(message);
    }
    return new ServiceUnavailableException(`the step did not complete (${(err as Error).message}); retry with the same Idempotency-Key`);
  }
}
