import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE } from '../common/tokens';
import type { ReportCase, ReportRemedy, ResultFacts } from './annual-report';

/**
 * The day a case of `applications a` counts as decided in 三: its reply's issue day, or for a
 * withdrawal or abandonment the day its closing letter was issued (or else the day it closed).
 */
const DECIDED_ON = `CASE
    WHEN a.answered_on IS NOT NULL THEN a.answered_on
    WHEN a.outcome IN ('withdrawn', 'abandoned') THEN COALESCE(
      (SELECT min(n.notice_date) FROM notices n
        WHERE n.application_id = a.id AND n.kind = CASE a.outcome WHEN 'withdrawn' THEN 'withdrawal' ELSE 'abandonment' END),
      (a.closed_at AT TIME ZONE 'Asia/Shanghai')::date)
  END`;

/** The facts of a decided case its row of 三 depends on (annual-report.ts resultRow), and how many cases share them. */
export type DecidedKind = ResultFacts & {
  count: number;
};

@Injectable()
export class ReportsRepository {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  async office(officeId: string): Promise<{ code: string; name: string } | undefined> {
    const [row] = await this.ds.query('SELECT code, name FROM offices WHERE id = $1', [officeId]);
    return row ? { code: row.code as string, name: row.name as string } : undefined;
  }

  /**
   * Every case of the office received up to the end of `year` and not answered before it began,
   * with the ground codes of the withheld parts of its last drafted decision (projected column).
   * decided_on is the day the reply was issued (answered_on), or for a withdrawal or abandonment
   * the day its closing letter was issued (notices.notice_date); a closing whose letter was never
   * made counts on the day it closed. Delivery (and the closing that follows it) does not move it.
   */
  async cases(officeId: string, year: number): Promise<ReportCase[]> {
    return this.casesBetween(officeId, `${year}-01-01`, `${year}-12-31`);
  }

  /**
   * The same for any period [from, to] (the statistics' outcome mix): cases received by `to` and
   * not decided before `from`, of one department when `department` (its code) is given.
   */
  async casesBetween(officeId: string, from: string, to: string, department?: string): Promise<ReportCase[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT c.*, to_char(c.decided_on, 'YYYY-MM-DD') AS decided_day FROM (
         SELECT a.registration_number, p.type, p.category,
                to_char(COALESCE(a.received_on, (a.arrived_at AT TIME ZONE 'Asia/Shanghai')::date), 'YYYY-MM-DD') AS received_on,
                ${DECIDED_ON} AS decided_on,
                a.outcome, a.outcome_reason, a.triage_outcome, a.reply_kind, a.regime, a.withholding_grounds
         FROM applications a JOIN applicants p ON p.id = a.applicant_id
         WHERE a.office_id = $1
           AND COALESCE(a.received_on, (a.arrived_at AT TIME ZONE 'Asia/Shanghai')::date) <= $3::date
           AND ($4::text IS NULL OR a.department_code = $4)
       ) c
       WHERE c.decided_on IS NULL OR c.decided_on >= $2::date`,
      [officeId, from, to, department ?? null],
    );
    return rows.map((r) => ({
      registrationNumber: r.registration_number as string,
      applicantType: r.type as ReportCase['applicantType'],
      applicantCategory: r.category as ReportCase['applicantCategory'],
      receivedOn: r.received_on as string,
      decidedOn: r.decided_day as string | null,
      outcome: r.outcome as ReportCase['outcome'],
      outcomeReason: r.outcome_reason as string | null,
      triageOutcome: r.triage_outcome as string | null,
      replyKind: r.reply_kind as string | null,
      regime: r.regime as ReportCase['regime'],
      grounds: r.withholding_grounds as string[],
    }));
  }

  /**
   * The cases decided in [from, to] (of one department when given), counted by the facts their row
   * of 三 depends on: the outcome mix of the statistics without reading every case. A closing letter
   * is issued by the day the case closed, so a case closed before `from` was decided before it.
   */
  async decidedKinds(officeId: string, from: string, to: string, department?: string): Promise<DecidedKind[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT outcome, outcome_reason, triage_outcome, reply_kind, regime, first_ground, count(*)::int AS count FROM (
         SELECT ${DECIDED_ON} AS decided_on, a.outcome,
                CASE WHEN a.outcome = 'abandoned' THEN a.outcome_reason END AS outcome_reason,
                a.triage_outcome, a.reply_kind, a.regime, a.withholding_grounds[1] AS first_ground
         FROM applications a
         WHERE a.office_id = $1 AND ($4::text IS NULL OR a.department_code = $4)
           AND (a.answered_on BETWEEN $2::date AND $3::date
                OR (a.answered_on IS NULL AND a.outcome IN ('withdrawn', 'abandoned') AND a.closed_at >= ($2::date)::timestamp AT TIME ZONE 'Asia/Shanghai'))
       ) c
       WHERE c.decided_on BETWEEN $2::date AND $3::date
       GROUP BY 1, 2, 3, 4, 5, 6`,
      [officeId, from, to, department ?? null],
    );
    return rows.map((r) => ({
      outcome: r.outcome as ReportCase['outcome'],
      outcomeReason: r.outcome_reason as string | null,
      triageOutcome: r.triage_outcome as string | null,
      replyKind: r.reply_kind as string | null,
      regime: r.regime as ReportCase['regime'],
      grounds: r.first_ground === null ? [] : [r.first_ground as string],
      count: r.count as number,
    }));
  }

  /** Section 四: the office's reconsiderations and suits filed in the year (annual-report.ts remedyCounts). */
  async remedies(officeId: string, year: number): Promise<ReportRemedy[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT r.kind, r.route, to_char(r.filed_on, 'YYYY-MM-DD') AS filed_on, r.outcome, to_char(r.outcome_on, 'YYYY-MM-DD') AS outcome_on
       FROM remedies r JOIN applications a ON a.id = r.application_id
       WHERE a.office_id = $1 AND r.filed_on BETWEEN $2::date AND $3::date`,
      [officeId, `${year}-01-01`, `${year}-12-31`],
    );
    return rows.map((r) => ({
      kind: r.kind as ReportRemedy['kind'],
      route: r.route as ReportRemedy['route'],
      filedOn: r.filed_on as string,
      outcome: r.outcome as ReportRemedy['outcome'],
      outcomeOn: r.outcome_on as string | null,
    }));
  }
}
