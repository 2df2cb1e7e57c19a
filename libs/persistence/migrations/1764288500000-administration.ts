import { type MigrationInterface, type QueryRunner } from 'typeorm';

// Administration of offices, departments and users: an append-only log of every
// administrator's write (before/after, never a password hash), and a token version
// per user so a password reset revokes the tokens issued before it.
// Notifications get a read state per user: a notification to a role is read by each
// of its holders separately, not by all of them when the first one opens it.
export class Administration1764288500000 implements MigrationInterface {
  name = 'Administration1764288500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE admin_audit (
        id bigserial PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor text NOT NULL,
        actor_role text NOT NULL,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_key text NOT NULL,
        before jsonb,
        after jsonb,
        CONSTRAINT ck_admin_audit_entity_type CHECK (entity_type IN ('office', 'department', 'user'))
      )`);
    await q.query(`CREATE INDEX ix_admin_audit_entity ON admin_audit (entity_type, entity_key, id)`);
    await q.query(`
      CREATE FUNCTION admin_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'admin_audit is append-only';
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_admin_audit_append_only BEFORE UPDATE OR DELETE ON admin_audit
      FOR EACH ROW EXECUTE FUNCTION admin_audit_append_only()`);

    // Raised by a password reset; a token carrying an older version is refused.
    await q.query(`ALTER TABLE users ADD COLUMN token_version integer NOT NULL DEFAULT 0`);

    await q.query(`
      CREATE TABLE notification_reads (
        notification_id bigint NOT NULL CONSTRAINT fk_notification_reads_notification REFERENCES notifications(id),
        username text NOT NULL CONSTRAINT fk_notification_reads_user REFERENCES users(username),
        read_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_notification_reads PRIMARY KEY (notification_id, username)
      )`);
    // A notification to one user was read by that user. Who read a notification to a role
    // is not known (the old column says only that someone did), so those start unread.
    await q.query(`
      INSERT INTO notification_reads (notification_id, username, read_at)
      SELECT n.id, n.recipient_username, n.read_at
      FROM notifications n JOIN users u ON u.username = n.recipient_username
      WHERE n.read_at IS NOT NULL`);
    await q.query(
      `COMMENT ON COLUMN notifications.read_at IS 'history only: no longer written; the read state per user is in notification_reads'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`COMMENT ON COLUMN notifications.read_at IS NULL`);
    await q.query(`DROP TABLE notification_reads`);
    await q.query(`ALTER TABLE users DROP COLUMN token_version`);
    await q.query(`DROP TRIGGER tr_admin_audit_append_only ON admin_audit`);
    await q.query(`DROP FUNCTION admin_audit_append_only()`);
    await q.query(`DROP TABLE admin_audit`);
  }
}
