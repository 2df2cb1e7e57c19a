import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/current-user';
import { DATA_SOURCE } from '../common/tokens';
import { type AnnualReport, buildAnnualReport, type ReportCase, type ReportRemedy } from './annual-report';

@Injectable()
export class ReportsService {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  async annual(rawYear: string | undefined, user: AuthUser): Promise<AnnualReport> {
    if (!rawYear || !/^\d{4}$/.test(rawYear) || Number(rawYear) < 2008 || Number(rawYear) > 2100) {
      throw new BadRequestException('year: must be a year YYYY (2008-2100)');
    }
    const year = Number(rawYear);
    const [office] = await this.ds.query('SELECT code, name FROM offices WHERE id = $1', [user.officeId]);
    // Every case received up to the end of the year and not closed before it began;
    // the withheld parts' exemptions come from the last drafted decision.
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT a.registration_number, p.type, p.category,
              to_char(COALESCE(a.received_on, (a.arrived_at AT TIME ZONE 'Asia/Shanghai')::date), 'YYYY-MM-DD') AS received_on,
              to_char((a.closed_at AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS closed_on,
              a.outcome, a.outcome_reason, a.triage_outcome, a.reply_kind,
              (SELECT e.payload -> 'parts' FROM case_events e
                WHERE e.application_id = a.id AND e.type = 'draft-decision' ORDER BY e.seq DESC LIMIT 1) AS parts
       FROM applications a JOIN applicants p ON p.id = a.applicant_id
       WHERE a.office_id = $1
         AND COALESCE(a.received_on, (a.arrived_at AT TIME ZONE 'Asia/Shanghai')::date) <= $3::date
         AND (a.closed_at IS NULL OR (a.closed_at AT TIME ZONE 'Asia/Shanghai')::date >= $2::date)`,
      [user.officeId, `${year}-01-01`, `${year}-12-31`],
    );
    const cases: ReportCase[] = rows.map((r) => ({
      registrationNumber: r.registration_number as string,
      applicantType: r.type as ReportCase['applicantType'],
      applicantCategory: r.category as ReportCase['applicantCategory'],
      receivedOn: r.received_on as string,
      closedOn: r.closed_on as string | null,
      outcome: r.outcome as ReportCase['outcome'],
      outcomeReason: r.outcome_reason as string | null,
      triageOutcome: r.triage_outcome as string | null,
      replyKind: r.reply_kind as string | null,
      exemptions: Array.isArray(r.parts)
        ? (r.parts as { disposition?: string; exemption?: string }[])
            .filter((x) => x.disposition === 'withhold' && typeof x.exemption === 'string')
            .map((x) => x.exemption!)
        : [],
    }));
    // Section 四: the office's reconsiderations and suits filed in the year (annual-report.ts remedyCounts).
    const remedies: ReportRemedy[] = await this.ds.query(
      `SELECT r.kind, r.route, to_char(r.filed_on, 'YYYY-MM-DD') AS "filedOn", r.outcome,
              to_char(r.outcome_on, 'YYYY-MM-DD') AS "outcomeOn"
       FROM remedies r JOIN applications a ON a.id = r.application_id
       WHERE a.office_id = $1 AND r.filed_on BETWEEN $2::date AND $3::date`,
      [user.officeId, `${year}-01-01`, `${year}-12-31`],
    );
    return buildAnnualReport(year, { code: office?.code ?? '', name: office?.name ?? '' }, cases, remedies);
  }
}
