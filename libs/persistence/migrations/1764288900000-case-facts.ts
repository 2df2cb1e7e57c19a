import { type MigrationInterface, type QueryRunner } from 'typeorm';

// One source of truth for the case rules on the read side: the projection writes the facts the
// step rules of libs/case read (StepFacts) and the facts the screens need as columns, so the
// inbox asks libs/case instead of digging in event payloads; and every projected step keeps the
// workflow's state after it (case_events.state_after, part of the event's hash), which the
// case-at-a-moment view returns instead of rebuilding the case a third way.
export class CaseFacts1764288900000 implements MigrationInterface {
  name = 'CaseFacts1764288900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE applications
        ADD COLUMN triaged_by text,
        ADD COLUMN reasons_requested_on date,
        ADD COLUMN drafted_by text,
        ADD COLUMN confidentiality_approved boolean NOT NULL DEFAULT false,
        ADD COLUMN confidentiality_reviewed_by text,
        ADD COLUMN decision_approved boolean NOT NULL DEFAULT false,
        ADD COLUMN decision_approved_by text,
        ADD COLUMN withholding_grounds text[] NOT NULL DEFAULT '{}',
        ADD COLUMN clock_paused_for text,
        ADD CONSTRAINT ck_applications_clock_paused_for
          CHECK (clock_paused_for IS NULL OR clock_paused_for IN ('correction', 'consultation', 'fee'))`);
    await q.query(`ALTER TABLE case_events ADD COLUMN state_after jsonb`);
    // Open cases projected before this migration: the step facts from their recorded steps, once;
    // every later step writes them from the workflow's state.
    await q.query(`
      UPDATE applications a SET
        triaged_by = (SELECT e.actor FROM case_events e WHERE e.application_id = a.id AND e.type = 'triage' ORDER BY e.seq DESC LIMIT 1),
        reasons_requested_on = (SELECT (e.payload ->> 'sentOn')::date FROM case_events e
                                WHERE e.application_id = a.id AND e.type = 'request-reasons' ORDER BY e.seq DESC LIMIT 1),
        decision_approved = a.status IN ('approval', 'fee_pending', 'notice_issued')
      WHERE a.status <> 'closed'`);
    await q.query(`
      UPDATE applications a SET
        drafted_by = d.actor,
        confidentiality_approved = EXISTS (SELECT 1 FROM case_events r WHERE r.application_id = a.id
          AND r.type = 'review-confidentiality' AND r.seq > d.seq AND (r.payload ->> 'approve')::boolean)
      FROM (SELECT DISTINCT ON (e.application_id) e.application_id, e.actor, e.seq FROM case_events e
            WHERE e.type = 'draft-decision' ORDER BY e.application_id, e.seq DESC) d
      WHERE d.application_id = a.id
        AND a.status IN ('decision_drafted', 'confidentiality_review', 'approval', 'fee_pending', 'notice_issued')`);
    // Every case, closed ones too: the annual report counts the withheld parts' grounds of
    // the last drafted decision, and reads them from this column from now on.
    await q.query(`
      UPDATE applications a SET withholding_grounds = g.grounds
      FROM (SELECT DISTINCT ON (e.application_id) e.application_id,
                   ARRAY(SELECT COALESCE(p ->> 'exemption', '') FROM jsonb_array_elements(e.payload -> 'parts') p
                         WHERE p ->> 'disposition' = 'withhold') AS grounds
            FROM case_events e WHERE e.type = 'draft-decision' AND jsonb_typeof(e.payload -> 'parts') = 'array'
            ORDER BY e.application_id, e.seq DESC) g
      WHERE g.application_id = a.id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_events DROP COLUMN state_after`);
    await q.query(`
      ALTER TABLE applications
        DROP CONSTRAINT ck_applications_clock_paused_for,
        DROP COLUMN triaged_by, DROP COLUMN reasons_requested_on, DROP COLUMN drafted_by,
        DROP COLUMN confidentiality_approved, DROP COLUMN confidentiality_reviewed_by, DROP COLUMN decision_approved,
        DROP COLUMN decision_approved_by, DROP COLUMN withholding_grounds, DROP COLUMN clock_paused_for`);
  }
}
