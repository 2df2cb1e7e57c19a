import { type MigrationInterface, type QueryRunner } from 'typeorm';

// Issued letters (registration receipt, correction, extension, fee, reply, not-an-application,
// abandonment, withdrawal): numbered per office and year, stored as rendered (structured JSON,
// HTML, DOCX bytes) with the SHA-256 of the DOCX, and issued exactly once per (case, kind, key).
// notice_templates holds administrators' versions; the bundled templates stay the default.
export class Notices1764288300000 implements MigrationInterface {
  name = 'Notices1764288300000';

  async up(q: QueryRunner): Promise<void> {
    // The 文号 prefix of the office's letters (临政公开〔2026〕第12号); NULL: the built-in default.
    await q.query(`ALTER TABLE offices ADD COLUMN notice_prefix text`);
    await q.query(`
      CREATE TABLE notice_counters (
        office_id uuid NOT NULL CONSTRAINT fk_notice_counters_office REFERENCES offices(id),
        year integer NOT NULL,
        last_seq integer NOT NULL,
        CONSTRAINT pk_notice_counters PRIMARY KEY (office_id, year)
      )`);
    await q.query(`
      CREATE TABLE notices (
        id uuid PRIMARY KEY,
        application_id uuid NOT NULL CONSTRAINT fk_notices_application REFERENCES applications(id),
        office_id uuid NOT NULL CONSTRAINT fk_notices_office REFERENCES offices(id),
        kind text NOT NULL,
        letter_kind text NOT NULL,
        issue_key text NOT NULL,
        number text NOT NULL,
        number_year integer NOT NULL,
        number_seq integer NOT NULL,
        template_id text NOT NULL,
        template_version integer NOT NULL,
        regime text NOT NULL,
        notice_date date NOT NULL,
        issued_at timestamptz NOT NULL DEFAULT now(),
        rendered jsonb NOT NULL,
        html text NOT NULL,
        docx bytea NOT NULL,
        content_hash text NOT NULL,
        created_by text NOT NULL,
        CONSTRAINT uq_notices_issue UNIQUE (application_id, kind, issue_key),
        CONSTRAINT uq_notices_number UNIQUE (office_id, number_year, number_seq),
        CONSTRAINT ck_notices_kind CHECK (kind IN ('receipt', 'correction', 'extension', 'consultation', 'fee', 'reply',
          'not-application', 'abandonment', 'withdrawal')),
        CONSTRAINT ck_notices_regime CHECK (regime IN ('2008', '2019'))
      )`);
    await q.query(`CREATE INDEX ix_notices_application ON notices (application_id, issued_at)`);
    await q.query(`
      CREATE TABLE notice_templates (
        id uuid PRIMARY KEY,
        kind text NOT NULL,
        regime text NOT NULL,
        version integer NOT NULL,
        body jsonb NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        active boolean NOT NULL DEFAULT true,
        CONSTRAINT uq_notice_templates_version UNIQUE (kind, regime, version),
        CONSTRAINT ck_notice_templates_regime CHECK (regime IN ('2008', '2019'))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notice_templates`);
    await q.query(`DROP TABLE notices`);
    await q.query(`DROP TABLE notice_counters`);
    await q.query(`ALTER TABLE offices DROP COLUMN notice_prefix`);
  }
}
