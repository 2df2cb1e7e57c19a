import { BadRequestException, HttpException, Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CaseAccess } from '../access/case-access';
import { ActionsService } from '../actions/actions.service';
import type { AuthUser } from '../auth/current-user';
import type { ReassignResponseDto, RemindResponseDto } from './supervision.dto';
import { SupervisionRepository } from './supervision.repository';

/** What a supervisor does to several cases of the board at once. */
@Injectable()
export class SupervisionActionsService {
  constructor(
    @Inject(SupervisionRepository) private readonly repo: SupervisionRepository,
    @Inject(ActionsService) private readonly actions: ActionsService,
    @Inject(CaseAccess) private readonly access: CaseAccess,
  ) {}

  /**
   * Reassigns several cases to one clerk in one request. Each case goes through the `assign` step
   * of its workflow as the supervisor (the same rules as one reassignment: an active clerk of the
   * office with a department, a case in a state that can be assigned, the caller's scope), one
   * after the other; a case that is refused does not stop the others, and says why. With an
   * Idempotency-Key, a retried request assigns nothing twice (each case's step carries the key).
   */
  async reassign(user: AuthUser, ids: string[], assignee: string, key?: string): Promise<ReassignResponseDto> {
    checkKey(key);
    const results: ReassignResponseDto['results'] = [];
    for (const id of ids) {
      try {
        const r = await this.actions.take(id, 'assign', { assignee }, user, key ? `${key}:${id}` : undefined);
        results.push({ applicationId: id, ok: true, status: r.status });
      } catch (err) {
        results.push({ applicationId: id, ok: false, ...refusal(err) });
      }
    }
    const reassigned = results.filter((r) => r.ok).length;
    return { assignee, reassigned, refused: results.length - reassigned, results };
  }

  /**
   * Sends a supervisor's reminder (督办) about each case to whoever handles it: the assignee, or the
   * clerks of its department while it is unassigned. It lands in their notifications like the
   * engine's own reminders, marked as sent by the supervisor. Closed cases are refused.
   */
  async remind(user: AuthUser, ids: string[], word: string | undefined, key?: string): Promise<RemindResponseDto> {
    checkKey(key);
    const sendKey = `supervision:${key ?? randomUUID()}`;
    const results: RemindResponseDto['results'] = [];
    for (const id of ids) {
      try {
        const c = await this.access.require(user, id, 'read');
        if (c.status === 'closed') {
          results.push({
            applicationId: id,
            ok: false,
            httpStatus: 409,
            message: `application ${id} is closed; there is nobody to remind`,
          });
          continue;
        }
        const h = (await this.repo.handler(id))!;
        const due = h.dueOn ? `，答复期限 ${h.dueOn}` : '';
        const extra = word?.trim() ? `：${word.trim()}` : '';
        await this.repo.remind({
          applicationId: id,
          key: sendKey,
          recipientUsername: h.assignee,
          message: `督办提醒（${h.registrationNumber}${due}）${extra}`,
          dueOn: h.dueOn,
          sentBy: user.username,
        });
        results.push({ applicationId: id, ok: true, recipient: h.assignee ?? 'clerk' });
      } catch (err) {
        results.push({ applicationId: id, ok: false, ...refusal(err) });
      }
    }
    const sent = results.filter((r) => r.ok).length;
    return { sent, refused: results.length - sent, results };
  }
}

// A case id (36) and a colon are added to the key for each case's step, within the 128 a step key may have.
function checkKey(key: string | undefined): void {
  if (key !== undefined && !/^[\x21-\x7e]{8,80}$/.test(key))
    throw new BadRequestException('Idempotency-Key: must be 8-80 printable ASCII characters');
}

/** An HTTP refusal of one case in a bulk action, as its result row; anything else is thrown on. */
function refusal(err: unknown): { httpStatus: number; message: string } {
  if (!(err instanceof HttpException)) throw err;
  const body = err.getResponse();
  const m = typeof body === 'object' && body !== null && 'message' in body ? (body as { message: unknown }).message : err.message;
  return { httpStatus: err.getStatus(), message: Array.isArray(m) ? m.join('; ') : String(m) };
}
