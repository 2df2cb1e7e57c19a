import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { ApplicationFailure, type Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { isActionName, validateActionBody } from '../../../libs/case';
import { ACTION_NAMES, type ActionRequest, type ActionResult, type AvailableAction } from '../../../libs/contracts/case';
import { actionUpdate, availableActionsQuery } from '../../../libs/contracts/workflow';
import { claimIdempotencyKey } from '../../../libs/persistence/idempotency.repository';
import { findStaff } from '../../../libs/persistence/users.repository';
import { CaseAccess, type CaseRef } from '../access/case-access';
import type { AuthUser } from '../auth/current-user';
import { ApiError } from '../common/api-error';
import { DATA_SOURCE, TEMPORAL_CLIENT } from '../common/tokens';
import { WORKFLOW_ANSWER_DEADLINE_MS } from '../common/unavailable';
import { withEngineFeeCount } from './fee-count';

/** Sends a case step to the application's workflow as the caller, and maps its refusal to HTTP. */
@Injectable()
export class ActionsService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(CaseAccess) private readonly access: CaseAccess,
  ) {}

  async take(id: string, name: string, body: unknown, user: AuthUser, requestId?: string): Promise<ActionResult> {
    if (!isActionName(name)) throw new NotFoundException(`action ${name} does not exist; actions: ${ACTION_NAMES.join(', ')}`);
    if (requestId !== undefined && !/^[\x21-\x7e]{8,128}$/.test(requestId)) {
      throw new BadRequestException('Idempotency-Key: must be 8-128 printable ASCII characters');
    }
    const problems = validateActionBody(name, body ?? {});
    if (problems.length) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: problems });
    const c = await this.access.require(user, id, 'act');
    // A closed case's workflow has completed and takes no Updates.
    if (c.status === 'closed') throw new ConflictException(`${name}: not allowed in status closed`);
    const sent =
      name === 'assign'
        ? await this.assignTo(c, body as { assignee: string; department?: string })
        : name === 'draft-decision'
          ? await withEngineFeeCount(this.ds, c.id, body)
          : body;
    // A retried request with the same key (same user, same step, same body) is the same Update: applied once.
    const updateId = requestId ? await this.claimKey(user, c, name, requestId, body) : undefined;
    const request = { action: name, actor: { username: user.username, role: user.role }, body: sent, requestId } as ActionRequest;
    try {
      return await this.temporal.withDeadline(Date.now() + WORKFLOW_ANSWER_DEADLINE_MS, () =>
        this.temporal.workflow.getHandle(c.workflowId).executeUpdate(actionUpdate, {
          args: [request],
          ...(updateId ? { updateId } : {}),
        }),
      );
    } catch (err) {
      throw this.mapFailure(err, id);
    }
  }

  async available(id: string, user: AuthUser): Promise<AvailableAction[]> {
    const { workflowId, status } = await this.access.require(user, id, 'read');
    if (status === 'closed') return [];
    try {
      return await this.temporal.workflow.getHandle(workflowId).query(availableActionsQuery, { username: user.username, role: user.role });
    } catch (err) {
      // A closed case's workflow still answers queries; a missing one has no actions.
      if (err instanceof WorkflowNotFoundError) return [];
      throw err;
    }
  }

  /** The Update id a keyed step stands for; 409 when this user sent the key with another body. */
  private async claimKey(user: AuthUser, c: CaseRef, name: string, key: string, body: unknown): Promise<string> {
    const claim = await claimIdempotencyKey(this.ds, {
      userId: user.id,
      route: `POST /api/applications/${c.id}/actions/${name}`,
      key,
      body,
      resultId: `${name}-${user.id}-${key}`,
    });
    if (claim.kind === 'conflict')
      throw new ConflictException(`Idempotency-Key: ${key} was already used for a different ${name} of this case; send a new key`);
    return claim.resultId;
  }

  /**
   * An assignment names an active clerk of the case's office who belongs to a department; the
   * case moves to the assignee's department (a department given in the body must be that one),
   * so every assigned case has a department and its assignee sees it.
   */
  private async assignTo(c: CaseRef, body: { assignee: string; department?: string }): Promise<{ assignee: string; department: string }> {
    const u = await findStaff(this.ds, body.assignee);
    const refuse = (message: string) => new BadRequestException({ statusCode: 400, error: 'Bad Request', message: [message] });
    if (!u || u.officeId !== c.officeId) throw refuse(`body.assignee: ${body.assignee} is not a user of the case's office`);
    if (!u.active) throw refuse(`body.assignee: ${body.assignee} is deactivated; assign an active clerk`);
    if (u.role !== 'clerk') throw refuse(`body.assignee: ${body.assignee} is a ${u.role}; cases are assigned to clerks`);
    if (!u.departmentCode)
      throw refuse(`body.assignee: ${body.assignee} belongs to no department; an assigned case belongs to its assignee's department`);
    if (body.department !== undefined && body.department !== u.departmentCode)
      throw refuse(
        `body.department: ${body.assignee} belongs to department ${u.departmentCode}, not ${body.department}; leave it out or give ${u.departmentCode}`,
      );
    return { ...body, department: u.departmentCode };
  }

  private mapFailure(err: unknown, id: string): Error {
    // The row exists (checked before sending), so a workflow that takes no Updates has completed.
    if (err instanceof WorkflowNotFoundError) return new ApiError(409, 'CASE_CLOSED', `application ${id} is closed`);
    if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
      const { type, message } = err.cause;
      if (type === 'WrongState') return new ApiError(409, 'ACTION_NOT_ALLOWED', message);
      if (type === 'Forbidden') return new ApiError(403, 'ACTION_FORBIDDEN', message);
      if (type === 'BadRequest') return new ApiError(400, 'UPDATE_REJECTED', message);
      return new ApiError(409, 'UPDATE_REJECTED', message);
    }
    return new ApiError(
      503,
      'SERVICE_UNAVAILABLE',
      `the step did not complete (${(err as Error).message}); retry with the same Idempotency-Key`,
      {
        retryAfterSeconds: 2,
      },
    );
  }
}
