import { type MigrationInterface, type QueryRunner } from 'typeorm';

// The engine's own working-day calendar: the source of truth at run time. One row
// per day that differs from Mon-Fri, per year the notice it came from, and a
// version row for every load or correction so each deadline names the calendar it used.
export class Calendar1764288100000 implements MigrationInterface {
  name = 'Calendar1764288100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_versions (
        id serial PRIMARY KEY,
        version text NOT NULL,
        description text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_calendar_versions_version UNIQUE (version)
      )`);
    await q.query(`
      CREATE TABLE calendar_years (
        year integer PRIMARY KEY,
        official boolean NOT NULL,
        notice text,
        version_id integer NOT NULL CONSTRAINT fk_calendar_years_version REFERENCES calendar_versions(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_calendar_years_range CHECK (year BETWEEN 2000 AND 2100)
      )`);
    await q.query(`
      CREATE TABLE calendar_days (
        day date PRIMARY KEY,
        year integer NOT NULL CONSTRAINT fk_calendar_days_year REFERENCES calendar_years(year) ON DELETE CASCADE,
        kind text NOT NULL,
        name text,
        notice text,
        CONSTRAINT ck_calendar_days_kind CHECK (kind IN ('holiday', 'workday')),
        CONSTRAINT ck_calendar_days_year CHECK (extract(year FROM day) = year)
      )`);
    await q.query(`CREATE INDEX ix_calendar_days_year ON calendar_days (year)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE calendar_days`);
    await q.query(`DROP TABLE calendar_years`);
    await q.query(`DROP TABLE calendar_versions`);
  }
}
