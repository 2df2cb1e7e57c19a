import { type MigrationInterface, type QueryRunner } from 'typeorm';

// Replay verification of the cases closed in a period runs as a workflow (replayVerifyWorkflow)
// that replays a page of histories per activity: replay_jobs is the job as the auditors' page
// shows it, replay_job_cases one row per case replayed (so progress is a count, and a retried
// page records each case once).
export class ReplayJobs1764340200000 implements MigrationInterface {
  name = 'ReplayJobs1764340200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE replay_jobs (
        id text PRIMARY KEY,
        office_id uuid NOT NULL CONSTRAINT fk_replay_jobs_office REFERENCES offices(id),
        closed_from timestamptz NOT NULL,
        closed_to timestamptz NOT NULL,
        total integer NOT NULL,
        started_by text NOT NULL,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX ix_replay_jobs_office_started ON replay_jobs (office_id, started_at DESC)`);
    await q.query(`
      CREATE TABLE replay_job_cases (
        job_id text NOT NULL CONSTRAINT fk_replay_job_cases_job REFERENCES replay_jobs(id),
        application_id uuid NOT NULL CONSTRAINT fk_replay_job_cases_application REFERENCES applications(id),
        ok boolean NOT NULL,
        failure_kind text,
        error text,
        CONSTRAINT pk_replay_job_cases PRIMARY KEY (job_id, application_id),
        CONSTRAINT ck_replay_job_cases_failure CHECK ((ok AND failure_kind IS NULL) OR (NOT ok AND failure_kind IN ('divergence', 'missing', 'error')))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE replay_job_cases`);
    await q.query(`DROP TABLE replay_jobs`);
  }
}
