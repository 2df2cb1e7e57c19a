import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { DATA_SOURCE } from '../common/tokens';
import type { LitigationRoute, RemedyDto, RemedyKind, RemedyOutcome } from './remedy.dto';

/** Either the data source or a transaction's manager. */
type Db = Pick<EntityManager, 'query'>;

/** The case as the remedy rules need it. */
export interface RemedyCase {
  id: string;
  status: string;
  /** the day the reply notice was issued; null while unanswered */
  answeredOn: string | null;
  /** receipt day, or the arrival day while receipt is unconfirmed */
  receivedOn: string;
}

export interface NewRemedy {
  id: string;
  applicationId: string;
  kind: RemedyKind;
  route: LitigationRoute | null;
  filedOn: string;
  organ: string;
  caseNumber: string | null;
  outcome: RemedyOutcome | null;
  outcomeOn: string | null;
  note: string | null;
  createdBy: string;
}

export type RemedyChanges = Partial<Pick<RemedyDto, 'outcome' | 'outcomeOn' | 'caseNumber' | 'note'>>;

const COLUMNS = `r.id, r.application_id, r.kind, r.route, to_char(r.filed_on, 'YYYY-MM-DD') AS filed_on, r.organ, r.case_number,
  r.outcome, to_char(r.outcome_on, 'YYYY-MM-DD') AS outcome_on, r.note, r.created_by, r.created_at, r.updated_by, r.updated_at`;

const toDto = (r: Record<string, unknown>): RemedyDto => ({
  id: r.id as string,
  applicationId: r.application_id as string,
  kind: r.kind as RemedyKind,
  route: r.route as LitigationRoute | null,
  filedOn: r.filed_on as string,
  organ: r.organ as string,
  caseNumber: r.case_number as string | null,
  outcome: r.outcome as RemedyOutcome | null,
  outcomeOn: r.outcome_on as string | null,
  note: r.note as string | null,
  createdBy: r.created_by as string,
  createdAt: new Date(r.created_at as string).toISOString(),
  updatedBy: r.updated_by as string | null,
  updatedAt: r.updated_at ? new Date(r.updated_at as string).toISOString() : null,
});

@Injectable()
export class RemediesRepository {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.ds.transaction(work);
  }

  /** The facts of a case a remedy needs (its scope is checked first by CaseAccess). */
  async remedyCase(id: string, db: Db = this.ds): Promise<RemedyCase> {
    const [row] = await db.query(
      `SELECT a.id, a.status, to_char(a.answered_on, 'YYYY-MM-DD') AS answered_on,
              to_char(COALESCE(a.received_on, (a.arrived_at AT TIME ZONE 'Asia/Shanghai')::date), 'YYYY-MM-DD') AS received_on
       FROM applications a WHERE a.id = $1`,
      [id],
    );
    return { id: row.id, status: row.status, answeredOn: row.answered_on, receivedOn: row.received_on };
  }

  async find(remedyId: string, db: Db = this.ds): Promise<RemedyDto | undefined> {
    const [row] = await db.query(`SELECT ${COLUMNS} FROM remedies r WHERE r.id = $1`, [remedyId]);
    return row ? toDto(row) : undefined;
  }

  async listForCase(applicationId: string, db: Db = this.ds): Promise<RemedyDto[]> {
    const rows: Record<string, unknown>[] = await db.query(
      `SELECT ${COLUMNS} FROM remedies r WHERE r.application_id = $1 ORDER BY r.filed_on, r.created_at, r.id`,
      [applicationId],
    );
    return rows.map(toDto);
  }

  /**
   * The remedies of the office's cases within the caller's scope (caseScope's SQL on alias a), filed
   * in `year` when given, pending only when asked, by filing day; with the case's registration number.
   */
  async listForOffice(
    scope: { sql: string; params: unknown[] },
    filter: { year?: number; kind?: RemedyKind; pending?: boolean },
    limit: number,
  ): Promise<(RemedyDto & { registrationNumber: string })[]> {
    const n = scope.params.length;
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT ${COLUMNS}, a.registration_number
       FROM remedies r JOIN applications a ON a.id = r.application_id
       WHERE ${scope.sql}
         AND ($${n + 1}::int IS NULL OR r.filed_on BETWEEN make_date($${n + 1}::int, 1, 1) AND make_date($${n + 1}::int, 12, 31))
         AND ($${n + 2}::text IS NULL OR r.kind = $${n + 2})
         AND (NOT $${n + 3}::boolean OR r.outcome IS NULL)
       ORDER BY r.filed_on DESC, r.created_at DESC, r.id
       LIMIT $${n + 4}`,
      [...scope.params, filter.year ?? null, filter.kind ?? null, filter.pending ?? false, limit],
    );
    return rows.map((r) => ({ ...toDto(r), registrationNumber: r.registration_number as string }));
  }

  async insert(db: Db, r: NewRemedy): Promise<void> {
    await db.query(
      `INSERT INTO remedies (id, application_id, kind, route, filed_on, organ, case_number, outcome, outcome_on, note, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [r.id, r.applicationId, r.kind, r.route, r.filedOn, r.organ, r.caseNumber, r.outcome, r.outcomeOn, r.note, r.createdBy],
    );
  }

  async update(db: Db, remedyId: string, after: RemedyDto, by: string): Promise<void> {
    await db.query(
      `UPDATE remedies SET outcome = $2, outcome_on = $3, case_number = $4, note = $5, updated_by = $6, updated_at = now()
       WHERE id = $1`,
      [remedyId, after.outcome, after.outcomeOn, after.caseNumber, after.note, by],
    );
  }

  /**
   * Takes the audit chain head's lock first, in the same order as every other append
   * (appendCaseEvent locks the head before anything else), so remedy writes of one case
   * are serialised without risking a deadlock with the workflow's projections.
   */
  async lockAuditChain(db: Db): Promise<void> {
    await db.query('SELECT 1 FROM audit_chain_head WHERE id = 1 FOR UPDATE');
  }

  /**
   * The seq of the case's next remedy event: -1, -2, ... The workflow numbers its own steps
   * 1, 2, 3, ... from its in-memory history and skips a seq that already exists, so a remedy
   * must never take a positive seq (the workflow's step would be silently dropped).
   */
  async nextRemedySeq(db: Db, applicationId: string): Promise<number> {
    const [row] = await db.query('SELECT COALESCE(MIN(seq), 0) - 1 AS seq FROM case_events WHERE application_id = $1 AND seq < 0', [
      applicationId,
    ]);
    return Number(row.seq);
  }
}
