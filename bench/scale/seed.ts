// Seeds N synthetic cases into the demo office, set-based: per chunk of cases one staging
// table built from generate_series (STAGE_LAYERS), then one INSERT ... SELECT per table
// (applicants, applications, case_events, notices). No workflow runs; the rows satisfy the
// schema's constraints (the case_events hash chain is not valid, which only audit-verify checks).
import type { Client } from 'pg';
import { DEMO_DEPARTMENTS } from '../../libs/persistence/seed';
import { performance } from 'node:perf_hooks';
import {
  APPLICANT_COLUMNS,
  APPLICATION_COLUMNS,
  BENCH_DEPARTMENTS,
  clerkName,
  DEMO_OFFICE,
  CASE_EVENT_COLUMNS,
  CLERKS_PER_DEPARTMENT,
  INACTIVE_CLERKS,
  lit,
  NOTICE_COLUMNS,
  NOTICE_KINDS,
  OFFICES,
  OPTIONAL_NOTICE_COLUMNS,
  STAGE_LAYERS,
} from './columns';

export const FIRST_DAY = '2019-01-01';

export interface SeedResult {
  cases: number;
  rows: Record<string, number>;
  seconds: number;
  /** optional columns found and filled (e.g. notices.pdf) */
  optional: string[];
}

interface ColumnInfo {
  name: string;
  required: boolean;
  type: string;
}

async function columnsOf(db: Client, table: string): Promise<ColumnInfo[]> {
  const r = await db.query(
    `SELECT column_name AS name, data_type AS type,
            (is_nullable = 'NO' AND column_default IS NULL AND is_identity = 'NO') AS required
     FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  return r.rows as ColumnInfo[];
}

/** The spec's columns checked against the table: a required column missing from it is an error, a nullable one a warning. */
async function checkColumns(db: Client, table: string, spec: Record<string, string>, log: (s: string) => void): Promise<void> {
  const cols = await columnsOf(db, table);
  const known = new Set(cols.map((c) => c.name));
  const unknown = Object.keys(spec).filter((c) => !known.has(c));
  if (unknown.length) throw new Error(`bench/scale/columns.ts: ${table} has no column ${unknown.join(', ')}`);
  const missing = cols.filter((c) => !(c.name in spec));
  const required = missing.filter((c) => c.required).map((c) => c.name);
  if (required.length)
    throw new Error(`${table}.${required.join(', ')}: NOT NULL without a default; add an expression for it in bench/scale/columns.ts`);
  const left = missing.filter((c) => !c.required && !['id', 'docx_hash'].includes(c.name)).map((c) => c.name);
  if (left.length) log(`note: ${table} columns left to their default/NULL: ${left.join(', ')}`);
}

const insert = (table: string, cols: Record<string, string>, from: string) =>
  `INSERT INTO ${table} (${Object.keys(cols).join(', ')}) SELECT ${Object.values(cols).join(',\n  ')} ${from}`;

/** The nested SELECT that computes the staging rows of cases lo..hi (each layer sees the ones before it). */
function stageSql(n: number, lo: number, hi: number, today: string, firstDay: string): string {
  let sql = `SELECT i, ${n}::int AS n, date '${firstDay}' AS first_day, (date '${today}' - date '${firstDay}') AS span
    FROM generate_series(${lo}, ${hi}) i`;
  STAGE_LAYERS.forEach((layer, k) => {
    sql = `SELECT s${k}.*, ${Object.entries(layer)
      .map(([c, e]) => `${e} AS ${c}`)
      .join(',\n  ')} FROM (${sql}) s${k}`;
  });
  return sql;
}

/** $1 office id and $2 today, as literals (CREATE TABLE AS takes no parameters). */
const bind = (sql: string, officeId: string, today: string) =>
  sql.replace(/\$1(?!\d)/g, `${lit(officeId)}::uuid`).replace(/\$2(?!\d)/g, `date ${lit(today)}`);

/** The days of the year y are cases first_i..; registration numbers count from 1 in each year. */
function yearStarts(n: number, today: string, firstDay: string): { year: number; firstI: number }[] {
  const day = (s: string) => Date.parse(`${s}T00:00:00Z`) / 86_400_000;
  const first = day(firstDay);
  const span = day(today) - first;
  const out: { year: number; firstI: number }[] = [];
  for (let y = Number(firstDay.slice(0, 4)); y <= Number(today.slice(0, 4)); y++) {
    // smallest i with first + floor((i - 1) * span / n) >= day(y-01-01)
    const d = day(`${y}-01-01`) - first;
    let i = Math.max(1, Math.ceil((d * n) / span) + 1);
    while (i > 1 && Math.floor(((i - 2) * span) / n) >= d) i--;
    while (Math.floor(((i - 1) * span) / n) < d) i++;
    out.push({ year: y, firstI: i });
  }
  return out;
}

/** Tables the bench loads in bulk: their secondary indexes and unique/foreign-key constraints are dropped meanwhile. */
const BULK_TABLES = ['applicants', 'applications', 'case_events', 'notices'];

/**
 * Drops the bulk tables' secondary indexes and their unique and foreign-key constraints (the
 * primary keys stay), runs `load`, then creates them again from their own definitions, as
 * pg_dump restores a table: building an index once is far cheaper than growing it row by row.
 */
async function withoutSecondaryIndexes(db: Client, log: (s: string) => void, load: () => Promise<void>): Promise<void> {
  const constraints = (
    await db.query(
      `SELECT conrelid::regclass::text AS tbl, conname, contype, pg_get_constraintdef(oid) AS def FROM pg_constraint
       WHERE conrelid = ANY ($1::regclass[]) AND contype IN ('u', 'f') ORDER BY contype DESC, conname`,
      [BULK_TABLES],
    )
  ).rows as { tbl: string; conname: string; contype: string; def: string }[];
  const indexes = (
    await db.query(
      `SELECT i.indexname, i.indexdef FROM pg_indexes i
       WHERE i.schemaname = 'public' AND i.tablename = ANY ($1::text[])
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
      [BULK_TABLES],
    )
  ).rows as { indexname: string; indexdef: string }[];
  for (const c of constraints) await db.query(`ALTER TABLE ${c.tbl} DROP CONSTRAINT ${c.conname}`);
  for (const i of indexes) await db.query(`DROP INDEX ${i.indexname}`);
  const rebuild = async () => {
    const started = performance.now();
    await db.query(`SET maintenance_work_mem = '1GB'`);
    for (const i of indexes) await db.query(i.indexdef);
    // Unique constraints first ('u' sorts before 'f' descending), then the foreign keys that check against them.
    for (const c of constraints) await db.query(`ALTER TABLE ${c.tbl} ADD CONSTRAINT ${c.conname} ${c.def}`);
    log(
      `  ${indexes.length} indexes and ${constraints.length} constraints built again in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
  };
  try {
    await load();
  } catch (e) {
    await db.query('ROLLBACK');
    await rebuild().catch((r) => log(`could not build the indexes and constraints again: ${(r as Error).message}`));
    throw e;
  }
  await rebuild();
}

export async function seedCases(
  db: Client,
  opts: { cases: number; chunk: number; today: string; officeCode: string; log: (s: string) => void; firstDay?: string },
): Promise<SeedResult> {
  const { cases: n, today, log } = opts;
  const firstDay = opts.firstDay ?? FIRST_DAY;
  const started = performance.now();
  const [office] = (await db.query('SELECT id FROM offices WHERE code = $1', [opts.officeCode])).rows as { id: string }[];
  if (!office) throw new Error(`no office ${opts.officeCode}: run the migrations with the demo seed first`);
  const officeId = office.id;

  // The other offices, every office's departments and clerks; the clerks share the demo clerk's password hash.
  for (const o of OFFICES) {
    await db.query(
      `INSERT INTO offices (id, code, name, registration_prefix, reconsideration_organ) VALUES (gen_random_uuid(), $1, $2, $3, '临沂市人民政府')
       ON CONFLICT (code) DO NOTHING`,
      [o.code, o.name, o.prefix],
    );
    for (const d of [...DEMO_DEPARTMENTS, ...BENCH_DEPARTMENTS]) {
      await db.query(
        `INSERT INTO departments (id, office_id, code, name) SELECT gen_random_uuid(), id, $2, $3 FROM offices WHERE code = $1
         ON CONFLICT (office_id, code) DO NOTHING`,
        [o.code, d.code, d.name],
      );
    }
  }
  const [{ count }] = (
    await db.query('SELECT count(*)::int AS count FROM applications a JOIN offices o ON o.id = a.office_id WHERE o.code = ANY ($1)', [
      OFFICES.map((o) => o.code),
    ])
  ).rows;
  if (count > 0) throw new Error(`the bench offices already have ${count} cases: seed into an empty database`);
  const username = clerkName('o.code', 'd.code', 'k');
  await db.query(
    `INSERT INTO users (id, username, display_name, password_hash, role, office_id, department_id, active)
     SELECT gen_random_uuid(), ${username}, d.name || '承办人' || k, c.password_hash, 'clerk', d.office_id, d.id, NOT (${username} = ANY ($2::text[]))
     FROM offices o JOIN departments d ON d.office_id = o.id CROSS JOIN generate_series(0, ${CLERKS_PER_DEPARTMENT - 1}) k
     JOIN users c ON c.username = 'clerk'
     WHERE o.code = ANY ($1) AND NOT (o.code = ${lit(DEMO_OFFICE)} AND d.code = 'OGI' AND k = 0)
     ON CONFLICT (username) DO NOTHING`,
    [OFFICES.map((o) => o.code), INACTIVE_CLERKS],
  );

  await db.query('CREATE TEMP TABLE year_start (year int PRIMARY KEY, first_i int NOT NULL)');
  const starts = yearStarts(n, today, firstDay);
  await db.query(`INSERT INTO year_start VALUES ${starts.map((s) => `(${s.year}, ${s.firstI})`).join(', ')}`);

  // The notices table may have gained a stored PDF (or other optional columns) in a later migration.
  const noticeCols = await columnsOf(db, 'notices');
  const optional = Object.keys(OPTIONAL_NOTICE_COLUMNS).filter((c) => noticeCols.some((x) => x.name === c));
  const notices = { ...NOTICE_COLUMNS, ...Object.fromEntries(optional.map((c) => [c, OPTIONAL_NOTICE_COLUMNS[c]])) };
  await checkColumns(db, 'applicants', APPLICANT_COLUMNS, log);
  await checkColumns(db, 'applications', APPLICATION_COLUMNS, log);
  await checkColumns(db, 'case_events', CASE_EVENT_COLUMNS, log);
  await checkColumns(db, 'notices', notices, log);
  if (optional.length) log(`filling optional notices column(s): ${optional.join(', ')}`);

  const kinds = NOTICE_KINDS.map((k) => `(${lit(k.kind)}, ${lit(k.letterKind)}, ${k.salt}, ${k.date}, ${k.when})`).join(', ');
  const statements: [string, string][] = [
    ['applicants', insert('applicants', APPLICANT_COLUMNS, 'FROM stage c')],
    [
      'applications',
      insert(
        'applications',
        APPLICATION_COLUMNS,
        'FROM stage c JOIN offices o ON o.code = c.office_code LEFT JOIN departments d ON d.office_id = o.id AND d.code = c.department_code',
      ),
    ],
    ['case_events', insert('case_events', CASE_EVENT_COLUMNS, 'FROM stage c CROSS JOIN generate_series(1, c.steps) k')],
    [
      'notices',
      insert(
        'notices',
        notices,
        `FROM stage c JOIN applications a ON a.id = c.id JOIN applicants p ON p.id = c.applicant_id
         CROSS JOIN LATERAL (VALUES ${kinds}) x(kind, letter_kind, salt, date, ok) WHERE x.ok`,
      ),
    ],
  ];
  const rows: Record<string, number> = Object.fromEntries(statements.map(([t]) => [t, 0]));
  const seconds: Record<string, number> = { stage: 0, ...Object.fromEntries(statements.map(([t]) => [t, 0])) };
  const timed = async <T>(key: string, f: () => Promise<T>): Promise<T> => {
    const s = performance.now();
    const r = await f();
    seconds[key] += (performance.now() - s) / 1000;
    return r;
  };
  await withoutSecondaryIndexes(db, log, async () => {
    for (let lo = 1; lo <= n; lo += opts.chunk) {
      const hi = Math.min(n, lo + opts.chunk - 1);
      await db.query('BEGIN');
      await timed('stage', () =>
        db.query(`CREATE TEMP TABLE stage ON COMMIT DROP AS ${bind(stageSql(n, lo, hi, today, firstDay), officeId, today)}`),
      );
      for (const [table, sql] of statements) rows[table] += (await timed(table, () => db.query(bind(sql, officeId, today)))).rowCount ?? 0;
      await db.query('COMMIT');
      const s = (performance.now() - started) / 1000;
      const split = Object.entries(seconds)
        .map(([k, v]) => `${k} ${v.toFixed(0)}`)
        .join(', ');
      log(`  ${hi.toLocaleString('en-US')} cases (${Math.round(hi / s).toLocaleString('en-US')} cases/s, ${s.toFixed(0)} s: ${split})`);
    }
  });
  // Counters as registration and letter numbering would have left them.
  await db.query(
    `INSERT INTO registration_counters (office_id, year, last_seq)
     SELECT office_id, registration_year, max(registration_seq) FROM applications GROUP BY 1, 2
     ON CONFLICT (office_id, year) DO UPDATE SET last_seq = greatest(registration_counters.last_seq, excluded.last_seq)`,
  );
  await db.query(
    `INSERT INTO notice_counters (office_id, year, last_seq)
     SELECT office_id, number_year, max(number_seq) FROM notices GROUP BY 1, 2
     ON CONFLICT (office_id, year) DO UPDATE SET last_seq = greatest(notice_counters.last_seq, excluded.last_seq)`,
  );
  log('  VACUUM ANALYZE');
  for (const t of ['applicants', 'applications', 'case_events', 'notices', 'users', 'departments']) await db.query(`VACUUM ANALYZE ${t}`);
  return { cases: n, rows, seconds: (performance.now() - started) / 1000, optional };
}
