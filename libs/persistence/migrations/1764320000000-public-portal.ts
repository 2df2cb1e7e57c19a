import { type MigrationInterface, type QueryRunner } from 'typeorm';

// The applicant's side (issue 19): online submissions with their query code, the public routes'
// rate-limit counters and spent challenges, the transactional outbox of messages to applicants
// and staff, the message templates administrators edit, and staff e-mail addresses.
export class PublicPortal1764320000000 implements MigrationInterface {
  name = 'PublicPortal1764320000000';

  async up(q: QueryRunner): Promise<void> {
    // One row per online submission. The query code is kept only as its SHA-256 (the code has
    // ~72 bits of randomness, so a fast hash is enough); the phone as an HMAC with the server's
    // secret, compared in constant time. No foreign key: the row is written before the workflow
    // registers the application, and a submission whose registration failed stays unreachable.
    await q.query(`
      CREATE TABLE public_submissions (
        application_id uuid PRIMARY KEY,
        code_hash bytea NOT NULL,
        phone_hmac bytea NOT NULL,
        phone_masked text NOT NULL,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_public_submissions_code UNIQUE (code_hash)
      )`);
    // Fixed-window counters shared by every API instance: key = <rule>:<address or phone HMAC>.
    await q.query(`
      CREATE TABLE public_rate_counters (
        key text NOT NULL,
        window_start timestamptz NOT NULL,
        hits integer NOT NULL,
        CONSTRAINT pk_public_rate_counters PRIMARY KEY (key, window_start)
      )`);
    // Spent challenges (single use) until they expire.
    await q.query(`
      CREATE TABLE public_challenges_spent (
        id text PRIMARY KEY,
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_public_challenges_spent_expires ON public_challenges_spent (expires_at)`);

    await q.query(`
      CREATE TABLE message_outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid CONSTRAINT fk_message_outbox_application REFERENCES applications(id),
        source_key text NOT NULL,
        audience text NOT NULL,
        channel text NOT NULL,
        recipient text NOT NULL,
        template_kind text NOT NULL,
        template_version integer NOT NULL,
        subject text,
        body text NOT NULL,
        status text NOT NULL DEFAULT 'pending',
        attempts integer NOT NULL DEFAULT 0,
        not_before timestamptz NOT NULL DEFAULT now(),
        lease_until timestamptz,
        last_error text,
        provider_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CONSTRAINT uq_message_outbox_source UNIQUE (source_key, channel, recipient),
        CONSTRAINT ck_message_outbox_channel CHECK (channel IN ('email', 'sms')),
        CONSTRAINT ck_message_outbox_audience CHECK (audience IN ('applicant', 'staff')),
        CONSTRAINT ck_message_outbox_status CHECK (status IN ('pending', 'sending', 'sent', 'held', 'failed'))
      )`);
    await q.query(`CREATE INDEX ix_message_outbox_due ON message_outbox (not_before) WHERE status IN ('pending', 'sending', 'held')`);
    await q.query(`CREATE INDEX ix_message_outbox_created ON message_outbox (created_at DESC)`);

    await q.query(`
      CREATE TABLE message_templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        channel text NOT NULL,
        version integer NOT NULL,
        subject text,
        body text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_message_templates_version UNIQUE (kind, channel, version),
        CONSTRAINT ck_message_templates_channel CHECK (channel IN ('email', 'sms'))
      )`);
    await q.query(`ALTER TABLE users ADD COLUMN email text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN email`);
    await q.query(`DROP TABLE message_templates`);
    await q.query(`DROP TABLE message_outbox`);
    await q.query(`DROP TABLE public_challenges_spent`);
    await q.query(`DROP TABLE public_rate_counters`);
    await q.query(`DROP TABLE public_submissions`);
  }
}
