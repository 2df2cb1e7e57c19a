// Per-application fees (国办函〔2020〕109号 Art. 4) count the applicant's applications in the
// calendar month: the engine counts them here, from the applications table, and the draft
// carries the count to the workflow, which computes the amount (libs/case/fees.ts).
import { BadRequestException } from '@nestjs/common';
import type { DataSource } from 'typeorm';

/**
 * The ordinal of this application among its applicant's applications to the same office received in
 * the same calendar month (by receipt day, then arrival, then id), or null when it has no receipt day yet.
 */
export async function applicationOrdinalInMonth(ds: DataSource, applicationId: string): Promise<number | null> {
  // Registration stores an applicant row per application: the same applicant is the same type and
  // identity number, or (without one on either side) the same name and phone or e-mail; counted at
  // the office that charges.
  const rows: { n: string | null }[] = await ds.query(
    `SELECT (SELECT count(*) FROM applications o JOIN applicants q ON q.id = o.applicant_id
              WHERE o.office_id = a.office_id
                AND q.type = p.type
                AND CASE WHEN q.id_number IS NOT NULL AND p.id_number IS NOT NULL THEN q.id_number = p.id_number
                         ELSE q.name = p.name AND (q.phone = p.phone OR q.email = p.email) END
                AND o.received_on >= date_trunc('month', a.received_on)::date
                AND (o.received_on, o.arrived_at, o.id) <= (a.received_on, a.arrived_at, a.id)) AS n
       FROM applications a JOIN applicants p ON p.id = a.applicant_id
      WHERE a.id = $1 AND a.received_on IS NOT NULL`,
    [applicationId],
  );
  return rows.length && rows[0].n !== null ? Number(rows[0].n) : null;
}

/** A draft-decision body with the engine's count for a per-application fee; a typed count is refused. */
export async function withEngineFeeCount(ds: DataSource, applicationId: string, body: unknown): Promise<unknown> {
  const b = body as { fee?: { basis: string; count?: number } };
  if (b.fee?.basis !== 'per-application') return body;
  const refuse = (m: string) => new BadRequestException({ statusCode: 400, error: 'Bad Request', message: [m] });
  if (b.fee.count !== undefined)
    throw refuse(
      "body.fee.count: a per-application fee counts the applicant's applications in the calendar month; the engine counts them, leave it out",
    );
  const count = await applicationOrdinalInMonth(ds, applicationId);
  if (count === null) throw refuse('body.fee: the application has no receipt day yet, so its month cannot be counted');
  return { ...b, fee: { ...b.fee, count } };
}
