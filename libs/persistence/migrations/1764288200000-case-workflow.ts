import { type MigrationInterface, type QueryRunner } from 'typeorm';

// The case projection the workflow writes after every accepted step (outcome,
// reply kind, lateness, the last event applied) and the notifications table
// that reminders and escalations go to.
export class CaseWorkflow1764288200000 implements MigrationInterface {
  name = 'CaseWorkflow1764288200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE applications
        ADD COLUMN department_code text,
        ADD COLUMN outcome text,
        ADD COLUMN outcome_reason text,
        ADD COLUMN triage_outcome text,
        ADD COLUMN reply_kind text,
        ADD COLUMN answered_on date,
        ADD COLUMN working_days_late integer,
        ADD COLUMN overdue boolean NOT NULL DEFAULT false,
        ADD COLUMN closed_at timestamptz,
        ADD COLUMN last_event_seq integer NOT NULL DEFAULT 1,
        ADD CONSTRAINT ck_applications_outcome CHECK (outcome IS NULL OR outcome IN ('replied', 'withdrawn', 'abandoned'))`);
    await q.query(`CREATE INDEX ix_applications_overdue ON applications (overdue) WHERE overdue`);
    await q.query(`
      CREATE TABLE notifications (
        id bigserial PRIMARY KEY,
        application_id uuid NOT NULL CONSTRAINT fk_notifications_application REFERENCES applications(id),
        key text NOT NULL,
        kind text NOT NULL,
        recipient_username text,
        recipient_role text,
        message text NOT NULL,
        due_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        CONSTRAINT uq_notifications_application_key UNIQUE (application_id, key),
        CONSTRAINT ck_notifications_kind CHECK (kind IN ('reminder', 'escalation')),
        CONSTRAINT ck_notifications_recipient CHECK (recipient_username IS NOT NULL OR recipient_role IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX ix_notifications_recipient ON notifications (recipient_username, read_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP INDEX ix_applications_overdue`);
    await q.query(`
      ALTER TABLE applications
        DROP CONSTRAINT ck_applications_outcome,
        DROP COLUMN department_code, DROP COLUMN outcome, DROP COLUMN outcome_reason, DROP COLUMN triage_outcome,
        DROP COLUMN reply_kind, DROP COLUMN answered_on, DROP COLUMN working_days_late, DROP COLUMN overdue,
        DROP COLUMN closed_at, DROP COLUMN last_event_seq`);
  }
}
