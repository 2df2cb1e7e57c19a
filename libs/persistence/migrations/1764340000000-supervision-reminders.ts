import { type MigrationInterface, type QueryRunner } from 'typeorm';

// A supervisor's reminder (督办) is a notification like the workflow's own reminders and
// escalations, but sent by a person: its kind says so and `sent_by` names the supervisor, so the
// assignee's inbox and an auditor can tell it from the engine's timers.
export class SupervisionReminders1764340000000 implements MigrationInterface {
  name = 'SupervisionReminders1764340000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications ADD COLUMN sent_by text`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT ck_notifications_kind`);
    await q.query(
      `ALTER TABLE notifications ADD CONSTRAINT ck_notifications_kind CHECK (kind IN ('reminder', 'escalation', 'supervision'))`,
    );
    await q.query(
      `ALTER TABLE notifications ADD CONSTRAINT ck_notifications_supervision_sender CHECK (kind <> 'supervision' OR sent_by IS NOT NULL)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notification_reads WHERE notification_id IN (SELECT id FROM notifications WHERE kind = 'supervision')`);
    await q.query(`DELETE FROM notifications WHERE kind = 'supervision'`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT ck_notifications_supervision_sender`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT ck_notifications_kind`);
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT ck_notifications_kind CHECK (kind IN ('reminder', 'escalation'))`);
    await q.query(`ALTER TABLE notifications DROP COLUMN sent_by`);
  }
}
