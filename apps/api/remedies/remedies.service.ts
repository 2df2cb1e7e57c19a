import { createHash, randomUUID } from 'node:crypto';
import { BadRequestException, ConflictException, Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { appendCaseEvent } from '../../../libs/persistence/case-event.repository';
import { CaseAccess, caseScope } from '../access/case-access';
import type { AuthUser } from '../auth/current-user';
import { RemediesRepository } from './remedies.repository';
import { type CreateRemedyDto, REMEDY_KINDS, type RemedyDto, type RemedyKind, type UpdateRemedyDto } from './remedy.dto';

/** At most this many remedies in the office list. */
export const REMEDY_LIST_LIMIT = 500;

const badRequest = (message: string) => new BadRequestException({ statusCode: 400, error: 'Bad Request', message: [message] });

/** A stable remedy id for a retried POST (same case, same user, same Idempotency-Key), laid out as a version-8 UUID. */
export function remedyIdFor(applicationId: string, username: string, idempotencyKey: string): string {
  const h = createHash('sha256').update(`remedy\u0000${applicationId}\u0000${username}\u0000${idempotencyKey}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** What an audit event records of a remedy; nested, so the case fold (case-history.ts) never mistakes it for a case field. */
const snapshot = (r: RemedyDto) => ({
  id: r.id,
  kind: r.kind,
  route: r.route,
  filedOn: r.filedOn,
  organ: r.organ,
  caseNumber: r.caseNumber,
  outcome: r.outcome,
  outcomeOn: r.outcomeOn,
  note: r.note,
});

/**
 * Reconsideration (行政复议) and litigation (行政诉讼) against the office's handling of a case,
 * and their outcomes. Every write appends a hash-chained event to the case's history.
 */
@Injectable()
export class RemediesService {
  constructor(
    @Inject(RemediesRepository) private readonly repo: RemediesRepository,
    @Inject(CaseAccess) private readonly access: CaseAccess,
  ) {}

  async list(id: string, user: AuthUser): Promise<RemedyDto[]> {
    await this.access.require(user, id, 'read');
    return this.repo.listForCase(id);
  }

  /** The remedies of the caller's scope (the one case-access rule's list scope), newest first, at most REMEDY_LIST_LIMIT. */
  async listOffice(
    user: AuthUser,
    query: { year?: string; kind?: string; pending?: string },
  ): Promise<{ items: (RemedyDto & { registrationNumber: string })[]; truncated: boolean }> {
    let year: number | undefined;
    if (query.year !== undefined && query.year !== '') {
      year = Number(query.year);
      if (!/^\d{4}$/.test(query.year) || year < 2008) throw badRequest('year: must be a year YYYY, 2008 or later');
    }
    if (query.kind !== undefined && query.kind !== '' && !(REMEDY_KINDS as readonly string[]).includes(query.kind))
      throw badRequest(`kind: must be one of ${REMEDY_KINDS.join(', ')}`);
    if (query.pending !== undefined && query.pending !== 'true' && query.pending !== 'false')
      throw badRequest('pending: must be true or false');
    const kind = query.kind ? (query.kind as RemedyKind) : undefined;
    const items = await this.repo.listForOffice(caseScope(user), { year, kind, pending: query.pending === 'true' }, REMEDY_LIST_LIMIT + 1);
    return { items: items.slice(0, REMEDY_LIST_LIMIT), truncated: items.length > REMEDY_LIST_LIMIT };
  }

  async create(id: string, dto: CreateRemedyDto, user: AuthUser, idempotencyKey?: string): Promise<RemedyDto> {
    if (idempotencyKey !== undefined && !/^[\x21-\x7e]{8,128}$/.test(idempotencyKey))
      throw badRequest('Idempotency-Key: must be 8-128 printable ASCII characters');
    await this.access.require(user, id, 'remedy');
    const c = await this.repo.remedyCase(id);
    if (!c.answeredOn && c.status !== 'closed')
      throw new ConflictException(
        `application ${id} has not been answered (no reply issued) nor closed; a remedy can only be recorded against a handled case`,
      );
    if (dto.filedOn < c.receivedOn) throw badRequest(`filedOn: must not be before the case was received (${c.receivedOn})`);
    if (dto.outcomeOn !== undefined && dto.outcomeOn < dto.filedOn) throw badRequest('outcomeOn: must not be before filedOn');
    const remedyId = idempotencyKey ? remedyIdFor(id, user.username, idempotencyKey) : randomUUID();

    return this.repo.transaction(async (m) => {
      await this.repo.lockAuditChain(m);
      const existing = await this.repo.find(remedyId, m);
      if (existing) {
        // A retry: the same remedy again returns it as it stands now; another one under the same key is refused.
        const same =
          existing.kind === dto.kind &&
          existing.route === (dto.route ?? null) &&
          existing.filedOn === dto.filedOn &&
          existing.organ === dto.organ;
        if (!same) throw new ConflictException('Idempotency-Key: already used for a different remedy of this case');
        return existing;
      }
      if (dto.route === 'after-reconsideration') {
        const earlier = (await this.repo.listForCase(id, m)).some((r) => r.kind === 'reconsideration' && r.filedOn <= dto.filedOn);
        if (!earlier)
          throw new ConflictException(
            'route: a litigation after reconsideration needs a reconsideration of this case filed on or before filedOn; record it first',
          );
      }
      await this.repo.insert(m, {
        id: remedyId,
        applicationId: id,
        kind: dto.kind,
        route: dto.route ?? null,
        filedOn: dto.filedOn,
        organ: dto.organ,
        caseNumber: dto.caseNumber ?? null,
        outcome: dto.outcome ?? null,
        outcomeOn: dto.outcomeOn ?? null,
        note: dto.note ?? null,
        createdBy: user.username,
      });
      const created = (await this.repo.find(remedyId, m))!;
      await this.audit(m, id, user, 'remedy-filed', { remedy: snapshot(created) });
      return created;
    });
  }

  async update(remedyId: string, dto: UpdateRemedyDto, user: AuthUser): Promise<RemedyDto> {
    const given = (['outcome', 'outcomeOn', 'caseNumber', 'note'] as const).filter((k) => dto[k] !== undefined);
    if (given.length === 0) throw badRequest('body: give at least one of outcome, outcomeOn, caseNumber, note');
    if (dto.outcome === undefined && dto.outcomeOn !== undefined) throw badRequest('outcomeOn: must be given together with outcome');

    return this.repo.transaction(async (m) => {
      await this.repo.lockAuditChain(m);
      await this.access.requireRemedy(user, remedyId, 'remedy', m);
      const before = (await this.repo.find(remedyId, m))!;
      const after: RemedyDto = { ...before };
      if (dto.outcome !== undefined) {
        after.outcome = dto.outcome;
        after.outcomeOn = dto.outcome === null ? null : (dto.outcomeOn ?? null);
      }
      if (dto.caseNumber !== undefined) after.caseNumber = dto.caseNumber;
      if (dto.note !== undefined) after.note = dto.note;
      const outcomeChanged = after.outcome !== before.outcome || after.outcomeOn !== before.outcomeOn;
      if (outcomeChanged && before.outcome !== null && user.role !== 'supervisor')
        throw new ConflictException(
          `outcome: already recorded (${before.outcome} on ${before.outcomeOn}); only a supervisor may correct a recorded outcome`,
        );
      if (after.outcomeOn !== null && after.outcomeOn < after.filedOn)
        throw badRequest(`outcomeOn: must not be before filedOn (${after.filedOn})`);
      const changes = Object.fromEntries(
        (['outcome', 'outcomeOn', 'caseNumber', 'note'] as const)
          .filter((k) => after[k] !== before[k])
          .map((k) => [k, { from: before[k], to: after[k] }]),
      );
      // The same values again (a retried PATCH) change nothing and record nothing.
      if (Object.keys(changes).length === 0) return before;
      await this.repo.update(m, remedyId, after, user.username);
      const updated = (await this.repo.find(remedyId, m))!;
      const type = !outcomeChanged ? 'remedy-updated' : before.outcome === null ? 'remedy-outcome' : 'remedy-outcome-corrected';
      await this.audit(m, before.applicationId, user, type, { remedy: snapshot(updated), changes });
      return updated;
    });
  }

  /** One hash-chained event in the case's history, in the remedies' own (negative) seq range. */
  private async audit(m: EntityManager, applicationId: string, user: AuthUser, type: string, payload: Record<string, unknown>) {
    const seq = await this.repo.nextRemedySeq(m, applicationId);
    const written = await appendCaseEvent(m, {
      applicationId,
      seq,
      type,
      actor: user.username,
      actorRole: user.role,
      occurredAt: new Date().toISOString(),
      payload,
    });
    // The chain head is locked for the whole transaction, so the seq cannot have been taken.
    if (!written) throw new Error(`case event ${applicationId}/${seq} already exists`);
  }
}
