import { type MigrationInterface, type QueryRunner } from 'typeorm';

// Browser sessions of the workbench: the cookie carries a random id, the table keeps only its
// SHA-256 (a copy of the table gives no usable session), with the session's CSRF token, the
// user's token version when it began (a password reset or deactivation ends it, as it ends
// bearer tokens), and its idle and absolute limits. Logging out revokes the row.
export class Sessions1764340100000 implements MigrationInterface {
  name = 'Sessions1764340100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sessions (
        id_hash text PRIMARY KEY,
        user_id uuid NOT NULL CONSTRAINT fk_sessions_user REFERENCES users(id),
        csrf_token text NOT NULL,
        token_version integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        address text,
        user_agent text
      )`);
    await q.query(`CREATE INDEX ix_sessions_user ON sessions (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sessions`);
  }
}
