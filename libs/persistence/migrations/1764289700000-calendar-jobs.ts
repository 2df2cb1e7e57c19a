import { type MigrationInterface, type QueryRunner } from 'typeorm';

// A calendar load or correction reaches the open cases it touches through a workflow that
// pages through them and signals each (calendar_jobs); every case it reached is a row of
// calendar_job_cases with its due day before, so progress and the number of cases whose
// due day changed are counts, and a retried page signals and counts each case once.
export class CalendarJobs1764289700000 implements MigrationInterface {
  name = 'CalendarJobs1764289700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_jobs (
        id text PRIMARY KEY,
        year integer NOT NULL,
        version text NOT NULL,
        started_by text NOT NULL,
        started_at timestamptz NOT NULL DEFAULT now(),
        affected integer NOT NULL,
        finished_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE calendar_job_cases (
        job_id text NOT NULL CONSTRAINT fk_calendar_job_cases_job REFERENCES calendar_jobs(id),
        application_id uuid NOT NULL CONSTRAINT fk_calendar_job_cases_application REFERENCES applications(id),
        due_before date,
        outcome text,
        CONSTRAINT pk_calendar_job_cases PRIMARY KEY (job_id, application_id),
        CONSTRAINT ck_calendar_job_cases_outcome CHECK (outcome IS NULL OR outcome IN ('signalled', 'not_running'))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE calendar_job_cases`);
    await q.query(`DROP TABLE calendar_jobs`);
  }
}
