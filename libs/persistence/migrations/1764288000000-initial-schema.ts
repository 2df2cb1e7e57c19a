import { type MigrationInterface, type QueryRunner } from 'typeorm';

// Offices, departments, users, applicants, applications (the read model the API
// lists and reports from), the per-office registration counters and the
// append-only, hash-chained case event log.
export class InitialSchema1764288000000 implements MigrationInterface {
  name = 'InitialSchema1764288000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE offices (
        id uuid PRIMARY KEY,
        code text NOT NULL,
        name text NOT NULL,
        registration_prefix text NOT NULL,
        reconsideration_organ text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_offices_code UNIQUE (code)
      )`);
    await q.query(`
      CREATE TABLE departments (
        id uuid PRIMARY KEY,
        office_id uuid NOT NULL CONSTRAINT fk_departments_office REFERENCES offices(id),
        code text NOT NULL,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_departments_office_code UNIQUE (office_id, code)
      )`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        username text NOT NULL,
        display_name text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL,
        office_id uuid NOT NULL CONSTRAINT fk_users_office REFERENCES offices(id),
        department_id uuid CONSTRAINT fk_users_department REFERENCES departments(id),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_users_username UNIQUE (username),
        CONSTRAINT ck_users_role CHECK (role IN ('clerk', 'reviewer', 'supervisor', 'auditor', 'admin'))
      )`);
    await q.query(`
      CREATE TABLE applicants (
        id uuid PRIMARY KEY,
        type text NOT NULL,
        category text,
        name text NOT NULL,
        id_number text,
        phone text,
        email text,
        address text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_applicants_type CHECK (type IN ('natural_person', 'legal_person')),
        CONSTRAINT ck_applicants_category CHECK (
          (type = 'natural_person' AND category IS NULL) OR
          (type = 'legal_person' AND category IN ('business', 'research', 'nonprofit', 'law_firm', 'other')))
      )`);
    await q.query(`
      CREATE TABLE registration_counters (
        office_id uuid NOT NULL CONSTRAINT fk_registration_counters_office REFERENCES offices(id),
        year integer NOT NULL,
        last_seq integer NOT NULL,
        CONSTRAINT pk_registration_counters PRIMARY KEY (office_id, year)
      )`);
    await q.query(`
      CREATE TABLE applications (
        id uuid PRIMARY KEY,
        office_id uuid NOT NULL CONSTRAINT fk_applications_office REFERENCES offices(id),
        department_id uuid CONSTRAINT fk_applications_department REFERENCES departments(id),
        applicant_id uuid NOT NULL CONSTRAINT fk_applications_applicant REFERENCES applicants(id),
        workflow_id text NOT NULL,
        registration_number text NOT NULL,
        registration_year integer NOT NULL,
        registration_seq integer NOT NULL,
        channel text NOT NULL,
        arrived_at timestamptz NOT NULL,
        received_on date,
        regime text,
        due_on date,
        status text NOT NULL,
        description text NOT NULL,
        document_number text,
        requested_form text,
        requested_delivery text,
        assignee text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_applications_registration UNIQUE (office_id, registration_number),
        CONSTRAINT uq_applications_workflow UNIQUE (workflow_id),
        CONSTRAINT ck_applications_channel CHECK (channel IN ('in_person', 'post', 'mail', 'online', 'fax')),
        CONSTRAINT ck_applications_regime CHECK (regime IS NULL OR regime IN ('2008', '2019'))
      )`);
    await q.query(`CREATE INDEX ix_applications_status_due ON applications (status, due_on)`);
    await q.query(`CREATE INDEX ix_applications_department ON applications (department_id)`);
    await q.query(`
      CREATE TABLE case_events (
        id bigserial PRIMARY KEY,
        application_id uuid NOT NULL CONSTRAINT fk_case_events_application REFERENCES applications(id),
        seq integer NOT NULL,
        type text NOT NULL,
        actor text NOT NULL,
        actor_role text NOT NULL,
        occurred_at timestamptz NOT NULL,
        payload jsonb NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_case_events_application_seq UNIQUE (application_id, seq),
        CONSTRAINT uq_case_events_hash UNIQUE (hash)
      )`);
    // The chain head is one row; appending locks it, so the global chain stays linear.
    await q.query(`
      CREATE TABLE audit_chain_head (
        id smallint PRIMARY KEY DEFAULT 1,
        last_event_id bigint,
        last_hash text NOT NULL,
        CONSTRAINT ck_audit_chain_head_single CHECK (id = 1)
      )`);
    await q.query(`INSERT INTO audit_chain_head (id, last_event_id, last_hash) VALUES (1, NULL, 'genesis')`);
    // Append-only: the database itself refuses UPDATE and DELETE on the event log.
    await q.query(`
      CREATE FUNCTION case_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'case_events is append-only';
      END $$`);
    await q.query(`
      CREATE TRIGGER tr_case_events_append_only BEFORE UPDATE OR DELETE ON case_events
      FOR EACH ROW EXECUTE FUNCTION case_events_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER tr_case_events_append_only ON case_events`);
    await q.query(`DROP FUNCTION case_events_append_only()`);
    for (const t of [
      'audit_chain_head',
      'case_events',
      'applications',
      'registration_counters',
      'applicants',
      'users',
      'departments',
      'offices',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
