import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { maskIdNumber } from '../../../libs/contracts/mask';
import type { AuthUser } from '../auth/current-user';
import type { NewCaseEvent } from '../../../libs/persistence/case-event.repository';
import { claimIdempotencyKey, type KeyClaim } from '../../../libs/persistence/idempotency.repository';
import { DATA_SOURCE } from '../common/tokens';
import { officeToday, overdueFilterSql, overdueSql } from '../common/overdue';
import { workingDayIndex, workingDaysLeft } from '../common/working-days';
import type { ApplicationViewDto } from './application.dto';
import {
  type ApplicationListDto,
  type ApplicationListItemDto,
  LIST_COUNT_CAP,
  type ListApplicationsQueryDto,
  type ListSort,
  PENDING_CONFIRMATION_CAP,
  type PendingConfirmationListDto,
} from './application-list.dto';
import { caseScope } from '../access/case-access';
import { caseSearch } from './search';

const SORT_COLUMNS: Record<ListSort, string> = {
  dueOn: 'a.due_on',
  receivedOn: 'a.received_on',
  registrationNumber: 'a.registration_number',
  createdAt: 'a.created_at',
};

/**
 * The sorts that page by keyset: a non-null column plus the registration number (unique in an
 * office). Ordered without NULLS LAST (they have no nulls), so that both directions are a walk of
 * ix_applications_office_created (DESC NULLS FIRST forwards, ASC NULLS LAST backwards).
 */
const KEYSET_SORTS: Partial<Record<ListSort, { column: string; cast: string }>> = {
  createdAt: { column: 'a.created_at', cast: '::timestamptz' },
  registrationNumber: { column: 'a.registration_number', cast: '::text' },
};
/** created_at to the microsecond: a cursor rounded to milliseconds would skip or repeat rows. */
const CREATED_AT_TEXT = `to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

interface Cursor {
  sort: string;
  order: string;
  value: string;
  registrationNumber: string;
}

function encodeCursor(sort: string, order: string, value: string, registrationNumber: string): string {
  return Buffer.from(JSON.stringify([sort, order, value, registrationNumber]), 'utf8').toString('base64url');
}

/** The cursor, when it is one of this list's with the same sort and order. */
function decodeCursor(raw: string, sort: string, order: string): Cursor | undefined {
  try {
    const v: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (!Array.isArray(v) || v.length !== 4 || !v.every((x) => typeof x === 'string')) return undefined;
    const [s, o, value, registrationNumber] = v as string[];
    if (s !== sort || o !== order) return undefined;
    if (sort === 'createdAt' && Number.isNaN(Date.parse(value))) return undefined;
    return { sort: s, order: o, value, registrationNumber };
  } catch {
    return undefined;
  }
}

export type CaseEventRow = Omit<NewCaseEvent, 'applicationId'>;

@Injectable()
export class ApplicationsRepository {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  /** Office codes never change (the admin API refuses it), so each is read once. */
  private readonly officeCodes = new Map<string, string>();

  /** The code of the office a user belongs to: the office that registers what they submit. */
  async officeCodeOf(officeId: string): Promise<string | undefined> {
    const known = this.officeCodes.get(officeId);
    if (known) return known;
    const [row] = await this.ds.query('SELECT code FROM offices WHERE id = $1', [officeId]);
    if (row) this.officeCodes.set(officeId, row.code);
    return row?.code;
  }

  /** Claims a user's Idempotency-Key for a route (libs/persistence/idempotency.repository.ts). */
  claimIdempotencyKey(k: { userId: string; route: string; key: string; body: unknown; resultId: string }): Promise<KeyClaim> {
    return claimIdempotencyKey(this.ds, k);
  }

  /** The case as the API shows it (the caller's scope is checked first by CaseAccess). */
  async findView(id: string): Promise<ApplicationViewDto | undefined> {
    const [r]: Record<string, unknown>[] = await this.ds.query(
      `SELECT a.id, a.registration_number, a.regime, to_char(a.received_on, 'YYYY-MM-DD') AS received_on,
              to_char(a.due_on, 'YYYY-MM-DD') AS due_on, a.status, a.channel, a.arrived_at, a.description, a.document_number,
              a.requested_form, a.requested_delivery, a.assignee, a.created_by, a.created_at,
              a.department_code, a.clock_paused_for, a.reply_kind, a.outcome, a.letter_failed,
              p.type, p.category, p.name, p.id_number, p.phone, p.email, p.address
       FROM applications a JOIN applicants p ON p.id = a.applicant_id WHERE a.id = $1`,
      [id],
    );
    if (!r) return undefined;
    const opt = (v: unknown) => (v as string | null) ?? undefined;
    return {
      id: r.id as string,
      registrationNumber: r.registration_number as string,
      regime: r.regime as ApplicationViewDto['regime'],
      receivedOn: r.received_on as string | null,
      dueOn: r.due_on as string | null,
      status: r.status as ApplicationViewDto['status'],
      channel: r.channel as ApplicationViewDto['channel'],
      arrivedAt: (r.arrived_at as Date).toISOString(),
      applicant: {
        type: r.type as ApplicationViewDto['applicant']['type'],
        category: r.category as ApplicationViewDto['applicant']['category'],
        name: r.name as string,
        idNumberMasked: maskIdNumber(r.id_number as string | null),
        contact: { phone: opt(r.phone), email: opt(r.email), address: opt(r.address) },
      },
      request: {
        description: r.description as string,
        documentNumber: r.document_number as string | null,
        form: r.requested_form as string | null,
        delivery: r.requested_delivery as string | null,
      },
      assignee: r.assignee as string | null,
      department: (r.department_code as string | null) ?? null,
      clockPausedFor: (r.clock_paused_for as ApplicationViewDto['clockPausedFor']) ?? null,
      workingDaysLeft: r.due_on ? workingDaysLeft(await workingDayIndex(this.ds), r.due_on as string, officeToday()) : null,
      replyKind: (r.reply_kind as string | null) ?? null,
      outcome: (r.outcome as string | null) ?? null,
      letterFailed: (r.letter_failed as boolean) ?? false,
      createdBy: r.created_by as string,
      createdAt: (r.created_at as Date).toISOString(),
    };
  }

  /**
   * Submissions (mail, online, fax) whose receipt the office still has to confirm, in the caller's
   * case scope, oldest arrival first. Confirmation is due on the arrival day (Asia/Shanghai), so one
   * still waiting after that day is flagged overdue.
   */
  async pendingConfirmation(user: AuthUser): Promise<PendingConfirmationListDto> {
    const scope = caseScope(user);
    const today = officeToday();
    const n = scope.params.length;
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT a.id, a.registration_number, a.channel, a.arrived_at, a.department_code, a.description,
              to_char((a.arrived_at AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS arrival_day,
              (a.arrived_at AT TIME ZONE 'Asia/Shanghai')::date < $${n + 1}::date AS confirmation_overdue,
              p.type AS applicant_type, p.name AS applicant_name, p.id_number
       FROM applications a JOIN applicants p ON p.id = a.applicant_id
       WHERE ${scope.sql} AND a.status = 'awaiting_confirmation'
       ORDER BY a.arrived_at ASC, a.registration_number ASC
       LIMIT $${n + 2}`,
      [...scope.params, today, PENDING_CONFIRMATION_CAP + 1],
    );
    const truncated = rows.length > PENDING_CONFIRMATION_CAP;
    if (truncated) rows.pop();
    const items = rows.map((r) => ({
      id: r.id as string,
      registrationNumber: r.registration_number as string,
      channel: r.channel as PendingConfirmationListDto['items'][number]['channel'],
      arrivedAt: (r.arrived_at as Date).toISOString(),
      arrivalDay: r.arrival_day as string,
      confirmationOverdue: r.confirmation_overdue as boolean,
      department: r.department_code as string | null,
      applicant: {
        type: r.applicant_type as PendingConfirmationListDto['items'][number]['applicant']['type'],
        name: r.applicant_name as string,
        idNumberMasked: maskIdNumber(r.id_number as string | null),
      },
      description: r.description as string,
    }));
    return { items, overdue: items.filter((i) => i.confirmationOverdue).length, truncated };
  }

  async list(query: ListApplicationsQueryDto, user: AuthUser): Promise<ApplicationListDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const scope = caseScope(user);
    const today = officeToday();
    const where = [scope.sql];
    const params: unknown[] = [...scope.params];
    const add = (sql: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (query.status) add((n) => `a.status = ${n}`, query.status);
    if (query.open === 'true') where.push(`a.status <> 'closed'`);
    if (query.open === 'false') where.push(`a.status = 'closed'`);
    if (query.mine === 'true') add((n) => `(a.assignee = ${n} OR a.assignee IS NULL)`, user.username);
    if (query.channel) add((n) => `a.channel = ${n}`, query.channel);
    if (query.department) add((n) => `a.department_code = ${n}`, query.department);
    if (query.assignee) add((n) => `a.assignee = ${n}`, query.assignee);
    if (query.dueFrom) add((n) => `a.due_on >= ${n}::date`, query.dueFrom);
    if (query.dueTo) add((n) => `a.due_on <= ${n}::date`, query.dueTo);
    if (query.overdue) add((n) => overdueFilterSql(n, query.overdue === 'true'), today);
    if (query.regime) add((n) => `a.regime = ${n}`, query.regime);
    const q = query.q?.trim();
    if (q) {
      const search = caseSearch(q, user.officeId, params.length + 1);
      params.push(...search.params);
      where.push(search.sql);
    }
    // The count is of the whole list, wherever the cursor stands.
    const countWhere = [...where];
    const countParams = [...params];
    const keyset = KEYSET_SORTS[query.sort ?? 'createdAt'];
    const dir = query.order === 'asc' ? 'ASC' : 'DESC';
    if (query.after !== undefined) {
      if (!keyset) throw new BadRequestException('after: keyset paging works with sort=createdAt or sort=registrationNumber');
      if (page !== 1) throw new BadRequestException('after: give either after or page, not both');
      const c = decodeCursor(query.after, query.sort ?? 'createdAt', dir);
      if (!c) throw new BadRequestException('after: not a cursor of this list (give the `next` of the previous page, same sort and order)');
      const cmp = dir === 'DESC' ? '<' : '>';
      params.push(c.value, c.registrationNumber);
      where.push(`(${keyset.column}, a.registration_number) ${cmp} ($${params.length - 1}${keyset.cast}, $${params.length})`);
    }
    // Every filter is on `a`; each case has exactly one applicant, so counting needs no join.
    // Counted up to the cap (one more tells that there are more).
    const [{ n }] = await this.ds.query(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM applications a WHERE ${countWhere.join(' AND ')} LIMIT ${LIST_COUNT_CAP + 1}) c`,
      countParams,
    );
    const totalCapped = n > LIST_COUNT_CAP;
    const total = Math.min(n, LIST_COUNT_CAP);
    const from = `FROM applications a JOIN applicants p ON p.id = a.applicant_id WHERE ${where.join(' AND ')}`;
    const col = SORT_COLUMNS[query.sort ?? 'createdAt'];
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT a.id, a.registration_number, a.status, a.regime, a.channel, to_char(a.received_on, 'YYYY-MM-DD') AS received_on,
              to_char(a.due_on, 'YYYY-MM-DD') AS due_on, ${overdueSql(`$${params.length + 3}`)} AS overdue, a.department_code, a.assignee, a.outcome, a.description, a.clock_paused_for,
              a.created_at, ${CREATED_AT_TEXT} AS created_at_text, p.type AS applicant_type, p.name AS applicant_name, p.id_number
       ${from} ORDER BY ${col} ${dir}${keyset ? '' : ' NULLS LAST'}, a.registration_number ${dir}
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, pageSize + 1, (page - 1) * pageSize, today],
    );
    const more = rows.length > pageSize;
    if (more) rows.pop();
    const last = rows[rows.length - 1];
    const next =
      keyset && more && last
        ? encodeCursor(
            query.sort ?? 'createdAt',
            dir,
            query.sort === 'registrationNumber' ? (last.registration_number as string) : (last.created_at_text as string),
            last.registration_number as string,
          )
        : null;
    const index = await workingDayIndex(this.ds);
    const items: ApplicationListItemDto[] = rows.map((r) => ({
      id: r.id as string,
      registrationNumber: r.registration_number as string,
      status: r.status as ApplicationListItemDto['status'],
      regime: r.regime as ApplicationListItemDto['regime'],
      channel: r.channel as ApplicationListItemDto['channel'],
      receivedOn: r.received_on as string | null,
      dueOn: r.due_on as string | null,
      overdue: r.overdue as boolean,
      workingDaysLeft: workingDaysLeft(index, r.due_on as string | null, today),
      clockPausedFor: (r.clock_paused_for as ApplicationListItemDto['clockPausedFor']) ?? null,
      department: r.department_code as string | null,
      assignee: r.assignee as string | null,
      outcome: r.outcome as string | null,
      applicant: {
        type: r.applicant_type as ApplicationListItemDto['applicant']['type'],
        name: r.applicant_name as string,
        idNumberMasked: maskIdNumber(r.id_number as string | null),
      },
      description: r.description as string,
      createdAt: new Date(r.created_at as string).toISOString(),
    }));
    return { items, total, totalCapped, page, pageSize, next };
  }

  /** Open cases, overdue open cases on `today` (the one overdue rule of the lists and the board) and letters issued, office-wide. */
  async caseCounts(today: string): Promise<{ openCases: number; overdueOpenCases: number; lettersIssued: number }> {
    const [r]: { open_cases: number; overdue_open_cases: number; letters_issued: number }[] = await this.ds.query(
      `SELECT count(*) FILTER (WHERE a.status <> 'closed')::int AS open_cases,
              count(*) FILTER (WHERE a.status <> 'closed' AND ${overdueFilterSql('$1', true)})::int AS overdue_open_cases,
              (SELECT count(*) FROM notices)::int AS letters_issued
         FROM applications a`,
      [today],
    );
    return { openCases: r.open_cases, overdueOpenCases: r.overdue_open_cases, lettersIssued: r.letters_issued };
  }

  /** The case's recorded steps, in order; up to `until` when given. */
  async events(id: string, until?: Date): Promise<CaseEventRow[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT seq, type, actor, actor_role, occurred_at, payload, state_after FROM case_events
       WHERE application_id = $1 ${until ? 'AND occurred_at <= $2' : ''} ORDER BY seq`,
      until ? [id, until.toISOString()] : [id],
    );
    return rows.map((r) => ({
      seq: r.seq as number,
      type: r.type as string,
      actor: r.actor as string,
      actorRole: r.actor_role as string,
      occurredAt: new Date(r.occurred_at as string).toISOString(),
      payload: r.payload as Record<string, unknown>,
      ...(r.state_after ? { stateAfter: r.state_after as object } : {}),
    }));
  }
}
