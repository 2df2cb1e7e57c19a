import type { DataSource, EntityManager } from 'typeorm';
import type { CalendarData, CalendarYear } from '../calendar/calendar.types';
import { derivedYear } from '../calendar/derived-holidays';
import { buildOfficialCalendar } from '../calendar/official-seed';
import { DEFAULT_INDEX_FROM_YEAR, DEFAULT_INDEX_TO_YEAR } from '../calendar/working-day-index';

/**
 * The engine's calendar lives in PostgreSQL (calendar_years / calendar_days); the
 * npm package chinese-days only seeds it. Years with no row are filled with the
 * statutory holidays derived from the holiday law and are provisional.
 */
export async function seedOfficialCalendar(ds: DataSource, actor = 'system'): Promise<boolean> {
  return ds.transaction(async (m) => {
    await m.query('LOCK TABLE calendar_years IN EXCLUSIVE MODE');
    const [{ n }] = await m.query('SELECT count(*)::int AS n FROM calendar_years');
    if (n > 0) return false;
    const official = buildOfficialCalendar();
    const versionId = await newVersion(m, official.version, `seeded ${official.years.length} official years from chinese-days`, actor);
    for (const y of official.years) await writeYear(m, y, versionId);
    return true;
  });
}

/** Loads (inserts or replaces) one year's arrangement as a new calendar version. */
export async function saveCalendarYear(ds: DataSource, year: CalendarYear, actor: string, description?: string): Promise<string> {
  return ds.transaction(async (m) => {
    await m.query('LOCK TABLE calendar_years IN EXCLUSIVE MODE');
    const [{ n }] = await m.query('SELECT count(*)::int AS n FROM calendar_versions');
    const version = `db-${n + 1}-${year.year}`;
    const versionId = await newVersion(m, version, description ?? `arrangement for ${year.year} loaded by ${actor}`, actor);
    await m.query('DELETE FROM calendar_days WHERE year = $1', [year.year]);
    await m.query('DELETE FROM calendar_years WHERE year = $1', [year.year]);
    await writeYear(m, year, versionId);
    return version;
  });
}

export async function currentCalendarVersion(ds: DataSource | EntityManager): Promise<string | undefined> {
  const [row] = await ds.query('SELECT version FROM calendar_versions ORDER BY id DESC LIMIT 1');
  return row?.version;
}

export async function loadCalendarData(ds: DataSource | EntityManager): Promise<CalendarData> {
  const version = (await currentCalendarVersion(ds)) ?? 'empty';
  const years: CalendarYear[] = await ds.query('SELECT year, official, notice FROM calendar_years ORDER BY year');
  const days: { day: string; year: number; kind: 'holiday' | 'workday'; name: string | null; notice: string | null }[] = await ds.query(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, year, kind, name, notice FROM calendar_days ORDER BY day`,
  );
  const byYear = new Map<number, CalendarYear>();
  for (const y of years) {
    byYear.set(y.year, { year: y.year, official: y.official, notice: y.notice ?? undefined, days: [] });
  }
  for (const d of days) {
    byYear.get(d.year)!.days.push({ date: d.day, kind: d.kind, name: d.name ?? undefined, notice: d.notice ?? undefined });
  }
  for (let y = DEFAULT_INDEX_FROM_YEAR; y <= DEFAULT_INDEX_TO_YEAR; y++) {
    if (!byYear.has(y)) byYear.set(y, derivedYear(y));
  }
  return { version, years: [...byYear.values()].sort((a, b) => a.year - b.year) };
}

async function newVersion(m: EntityManager, version: string, description: string, actor: string): Promise<number> {
  const [row] = await m.query('INSERT INTO calendar_versions (version, description, created_by) VALUES ($1, $2, $3) RETURNING id', [
    version,
    description,
    actor,
  ]);
  return row.id;
}

async function writeYear(m: EntityManager, y: CalendarYear, versionId: number): Promise<void> {
  await m.query('INSERT INTO calendar_years (year, official, notice, version_id) VALUES ($1, $2, $3, $4)', [
    y.year,
    y.official,
    y.notice ?? null,
    versionId,
  ]);
  if (!y.days.length) return;
  await m.query(
    `INSERT INTO calendar_days (day, year, kind, name, notice)
     SELECT d.day::date, $1, d.kind, d.name, d.notice
     FROM jsonb_to_recordset($2::jsonb) AS d(day text, kind text, name text, notice text)`,
    [y.year, JSON.stringify(y.days.map((d) => ({ day: d.date, kind: d.kind, name: d.name ?? null, notice: d.notice ?? null })))],
  );
}

/** Open cases whose answer period touches `year`: a new arrangement may move their deadlines. */
export async function openCasesTouchingYear(
  ds: DataSource,
  year: number,
): Promise<{ id: string; registrationNumber: string; dueOn: string }[]> {
  return ds.query(
    `SELECT id, registration_number AS "registrationNumber", to_char(due_on, 'YYYY-MM-DD') AS "dueOn"
     FROM applications
     WHERE status NOT IN ('closed', 'withdrawn', 'abandoned') AND received_on IS NOT NULL
       AND received_on <= make_date($1, 12, 31) AND (due_on IS NULL OR due_on >= make_date($1, 1, 1))
     ORDER BY due_on`,
    [year],
  );
}

/** One year as stored, or undefined when the year has no row (derived at run time). */
export async function findCalendarYear(ds: DataSource, year: number): Promise<(CalendarYear & { version: string }) | undefined> {
  const [y] = await ds.query(
    `SELECT y.year, y.official, y.notice, v.version FROM calendar_years y JOIN calendar_versions v ON v.id = y.version_id WHERE y.year = $1`,
    [year],
  );
  if (!y) return undefined;
  const days = await ds.query(
    `SELECT to_char(day, 'YYYY-MM-DD') AS date, kind, name, notice FROM calendar_days WHERE year = $1 ORDER BY day`,
    [year],
  );
  return {
    year: y.year,
    official: y.official,
    notice: y.notice ?? undefined,
    version: y.version,
    days: days.map((d: { date: string; kind: 'holiday' | 'workday'; name: string | null; notice: string | null }) => ({
      date: d.date,
      kind: d.kind,
      ...(d.name ? { name: d.name } : {}),
      ...(d.notice ? { notice: d.notice } : {}),
    })),
  };
}
