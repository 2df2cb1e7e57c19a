// Read routes of the API over a large office:
//   node scripts/run-ts.js bench/scale/main.ts [--cases 1000000] [--calls 200] [--route-seconds 60] [--chunk 50000] [--no-temporal] [--explain-all] [--seed-only]
//                                              [--first-day YYYY-MM-DD] [--screens]
// --screens: instead of the routes, times the supervisors' board and statistics pages in Chromium (screens.ts).
// Seeds N synthetic cases (columns.ts, seed.ts) into the demo office LINYI of a PostgreSQL it
// starts itself in a temp dir (or DATABASE_URL: an empty database, migrated here), starts a
// headless Temporal dev server (the case timeline also reads the workflow history; none exists
// for seeded cases, as for cases past the retention) and the API in-process, logs in as the demo
// clerk, supervisor and auditor, and times each route over --calls GETs (fewer when a route
// takes longer than --route-seconds in all). Prints p50/p95/max beside each target, then
// EXPLAIN (ANALYZE, BUFFERS) of the slowest route's main query (--explain-all: of every route
// that misses its target), captured from the API's own pg pool.
import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { Client as TemporalClient, Connection } from '@temporalio/client';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApiApp } from '../../apps/api/app.factory';
import { DEFAULT_DEMO_PASSWORD, loadConfig } from '../../libs/config/config';
import { createDataSource } from '../../libs/persistence/data-source';
import { migrateAndSeed } from '../../libs/persistence/migrate.cli';
import { shanghaiDate } from '../../libs/time/shanghai';
import { DEMO_OFFICE as OFFICE } from './columns';
import { timeScreens } from './screens';
import { FIRST_DAY, seedCases } from './seed';

/* eslint-disable @typescript-eslint/no-require-imports */
const tools = require('../../scripts/lib/tools');
const { freePort } = require('../../scripts/lib/proc');
const { startPostgres } = require('../../scripts/lib/postgres');
const { startTemporal } = require('../../scripts/lib/temporal');
/* eslint-enable @typescript-eslint/no-require-imports */

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${name}: expected a positive integer, got ${process.argv[i + 1]}`);
  return v;
}
const CASES = flag('cases', 1_000_000);
const CALLS = flag('calls', 200);
const ROUTE_SECONDS = flag('route-seconds', 60);
const CHUNK = flag('chunk', 50_000);
const WITH_TEMPORAL = !process.argv.includes('--no-temporal');
const EXPLAIN_ALL = process.argv.includes('--explain-all');
const SEED_ONLY = process.argv.includes('--seed-only');
const SCREENS = process.argv.includes('--screens');
/** Receipts from this day to yesterday: a later first day gives more open cases among the same number (90% of the last 60 days' are open). */
const FIRST = (() => {
  const i = process.argv.indexOf('--first-day');
  if (i < 0) return FIRST_DAY;
  const v = process.argv[i + 1] ?? '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || v < '2008-05-01')
    throw new Error(`--first-day: expected a day YYYY-MM-DD from 2008-05-01, got ${v}`);
  return v;
})();
const WARMUP = 3;

const log = (s: string) => console.log(`[bench] ${s}`);
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

// ---- the SQL the API sends, captured on pg's Client (the API's pool and TypeORM use it) ----

interface CapturedQuery {
  text: string;
  values: unknown[];
  ms: number;
}
let capturing: CapturedQuery[] | undefined;
const clientProto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
const originalQuery = clientProto.query;
clientProto.query = function (this: unknown, ...args: unknown[]) {
  const sink = capturing;
  if (!sink) return originalQuery.apply(this, args);
  const cfg = args[0] as string | { text: string; values?: unknown[] };
  const text = typeof cfg === 'string' ? cfg : cfg.text;
  const values = (Array.isArray(args[1]) ? args[1] : typeof cfg === 'string' ? undefined : cfg.values) ?? [];
  const started = performance.now();
  const done = () => sink.push({ text, values, ms: performance.now() - started });
  const cb = args.findIndex((a) => typeof a === 'function');
  if (cb >= 0) {
    const inner = args[cb] as (...r: unknown[]) => void;
    args[cb] = (...r: unknown[]) => {
      done();
      inner(...r);
    };
    return originalQuery.apply(this, args);
  }
  const result = originalQuery.apply(this, args);
  if (result instanceof Promise) result.then(done, () => undefined);
  return result;
};

// ---- HTTP as a user would call it ----

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

function request(port: number, method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; body: Buffer }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((done, fail) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: {
          ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', fail);
        res.on('end', () => done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', fail);
    req.end(payload);
  });
}

type User = 'clerk' | 'supervisor' | 'auditor';
interface Route {
  name: string;
  user: User;
  path: string;
  /** p95 target in ms; null: none stated */
  target: number | null;
}
interface Result extends Route {
  n: number;
  p50: number;
  p95: number;
  max: number;
  statuses: string;
  bytes: number;
  /** one more call with its SQL captured: how many queries, and the slowest */
  queries?: number;
  main?: CapturedQuery;
}

async function measure(port: number, token: string, route: Route): Promise<Result> {
  let failing = false;
  for (let i = 0; i < WARMUP; i++) failing = (await request(port, 'GET', route.path, token)).status >= 500;
  const times: number[] = [];
  const statuses = new Map<number, number>();
  let bytes = 0;
  const until = performance.now() + ROUTE_SECONDS * 1000;
  // A route that fails is timed 20 times only: its figures are not the answer's.
  while (times.length < (failing ? Math.min(20, CALLS) : CALLS) && (times.length < 5 || performance.now() < until)) {
    const s = performance.now();
    const r = await request(port, 'GET', route.path, token);
    times.push(performance.now() - s);
    statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    bytes = r.body.length;
  }
  times.sort((a, b) => a - b);
  return {
    ...route,
    n: times.length,
    p50: pct(times, 50),
    p95: pct(times, 95),
    max: times[times.length - 1],
    statuses: [...statuses.keys()].join('/'),
    bytes,
  };
}

const TARGET = { fast: 50, chineseSearch: 200, report: 2000 };

function routes(s: {
  caseId: string;
  noticeId: string;
  number: string;
  today: string;
  dueTo: string;
  year: number;
  /** `next` of page 499 (20 a page) for the clerk and the supervisor, and the clerk's per filter query: page 500 by keyset */
  after: { clerk: string; supervisor: string; byFilter: Record<string, string | null> };
}): Route[] {
  const list = (name: string, query: string): Route[] => {
    const after = s.after.byFilter[query];
    return [
      { name: `list ${name}, page 1`, user: 'clerk', path: `/api/applications${query ? `?${query}` : ''}`, target: TARGET.fast },
      { name: `list ${name}, page 500`, user: 'clerk', path: `/api/applications?${query ? `${query}&` : ''}page=500`, target: TARGET.fast },
      // The same page as a client that follows `next` reads it (when the filter has 500 pages).
      ...(after
        ? [
            {
              name: `list ${name}, page 500 by keyset`,
              user: 'clerk' as const,
              path: `/api/applications?${query ? `${query}&` : ''}after=${after}`,
              target: TARGET.fast,
            },
          ]
        : []),
    ];
  };
  return [
    ...list('(no filter)', ''),
    { name: 'list (no filter, whole office), page 1', user: 'supervisor', path: '/api/applications', target: TARGET.fast },
    { name: 'list (no filter, whole office), page 500', user: 'supervisor', path: '/api/applications?page=500', target: TARGET.fast },
    {
      name: 'list (whole office), page 500 by keyset',
      user: 'supervisor',
      path: `/api/applications?after=${s.after.supervisor}`,
      target: TARGET.fast,
    },
    ...list('status=assigned', 'status=assigned'),
    ...list('status=closed', 'status=closed'),
    ...list('department=OGI', 'department=OGI'),
    ...list('assignee=clerk', 'assignee=clerk'),
    ...list('overdue=true', 'overdue=true'),
    ...list('regime=2019', 'regime=2019'),
    ...list('due range', `dueFrom=${s.today}&dueTo=${s.dueTo}`),
    { name: 'inbox (clerk)', user: 'clerk', path: '/api/me/inbox', target: TARGET.fast },
    { name: 'supervision board', user: 'supervisor', path: '/api/supervision/board', target: TARGET.fast },
    {
      name: `search number q=${s.number}`,
      user: 'clerk',
      path: `/api/applications?q=${encodeURIComponent(s.number)}`,
      target: TARGET.fast,
    },
    {
      name: 'search Chinese q=征收',
      user: 'clerk',
      path: `/api/applications?q=${encodeURIComponent('征收')}`,
      target: TARGET.chineseSearch,
    },
    { name: 'one case', user: 'clerk', path: `/api/applications/${s.caseId}`, target: TARGET.fast },
    { name: 'case timeline', user: 'supervisor', path: `/api/applications/${s.caseId}/timeline`, target: null },
    // The timeline's own read without Temporal: the case folded from its recorded steps.
    {
      name: 'case at a moment (steps only)',
      user: 'supervisor',
      path: `/api/applications/${s.caseId}/at?moment=${s.today}T23:59:59%2B08:00`,
      target: null,
    },
    {
      name: `on-time stats ${s.year}`,
      user: 'supervisor',
      path: `/api/supervision/stats?from=${s.year}-01-01&to=${s.year}-12-31`,
      target: TARGET.report,
    },
    { name: 'annual report 2024', user: 'auditor', path: '/api/reports/annual?year=2024', target: TARGET.report },
    { name: 'notice .html', user: 'clerk', path: `/api/notices/${s.noticeId}.html`, target: TARGET.fast },
    { name: 'notice .pdf', user: 'clerk', path: `/api/notices/${s.noticeId}.pdf`, target: TARGET.fast },
  ];
}

const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)}`);

function table(results: Result[]): void {
  const head = ['route', 'user', 'n', 'HTTP', 'p50 ms', 'p95 ms', 'max ms', 'target p95', '', 'SQL: queries, slowest ms'];
  const rows = results.map((r) => {
    const ok = r.statuses.split('/').every((c) => c.startsWith('2'));
    const verdict = !ok ? 'FAILED' : r.target === null ? '-' : r.p95 <= r.target ? 'OK' : 'MISSED';
    return [
      r.name,
      r.user,
      String(r.n),
      r.statuses,
      ms(r.p50),
      ms(r.p95),
      ms(r.max),
      r.target === null ? '-' : `<= ${ms(r.target)}`,
      verdict,
      `${r.queries ?? '-'}, ${r.main ? ms(r.main.ms) : '-'}`,
    ];
  });
  // Columns as a terminal shows them: a Chinese character takes two.
  const cols = (t: string) => [...t].reduce((a, ch) => a + (ch.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0);
  const width = head.map((h, k) => Math.max(h.length, ...rows.map((r) => cols(r[k]))));
  const pad = (t: string, k: number) => ' '.repeat(width[k] - cols(t));
  const line = (r: string[]) => r.map((c, k) => (k >= 2 && k <= 7 ? pad(c, k) + c : c + pad(c, k))).join('  ');
  console.log(line(head));
  for (const r of rows) console.log(line(r));
}

/** The queries one call of the route sends, and the slowest (its main query). */
async function capture(port: number, token: string, r: Route): Promise<{ count: number; main?: CapturedQuery }> {
  capturing = [];
  await request(port, 'GET', r.path, token);
  const queries = capturing;
  capturing = undefined;
  return { count: queries.length, main: queries.filter((q) => /^\s*(SELECT|WITH)/i.test(q.text)).sort((a, b) => b.ms - a.ms)[0] };
}

async function explain(db: pg.Client, r: Result): Promise<void> {
  const main = r.main;
  console.log('');
  console.log(`== ${r.name} (GET ${r.path} as ${r.user}): ${r.queries} queries; the slowest took ${main ? ms(main.ms) : '-'} ms`);
  if (!main) return;
  console.log(main.text.replace(/\n\s*/g, '\n  '));
  console.log(`  -- parameters: ${JSON.stringify(main.values)}`);
  const plan = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${main.text}`, main.values);
  for (const row of plan.rows as Record<string, string>[]) console.log(`  ${row['QUERY PLAN']}`);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-scale-'));
  const cleanups: (() => Promise<unknown>)[] = [];
  let cleaning: Promise<void> | undefined;
  const cleanup = () =>
    (cleaning ??= (async () => {
      for (const c of cleanups.reverse()) await c().catch((e) => log(`cleanup: ${(e as Error).message}`));
      rmSync(dir, { recursive: true, force: true });
    })());
  const onSignal = () => void cleanup().then(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    let databaseUrl = process.env.DATABASE_URL;
    const ownPostgres = !databaseUrl;
    const [pgPort, temporalPort, apiPort] = [await freePort(), await freePort(), await freePort()];
    log(
      `temp dir ${dir}; ${ownPostgres ? `starting PostgreSQL :${pgPort}` : 'using DATABASE_URL'}${WITH_TEMPORAL ? `, Temporal :${temporalPort}` : ''}`,
    );
    const [pgServer, temporal] = await Promise.all([
      // fsync off: only the seeding is faster; reads do not sync.
      ownPostgres
        ? startPostgres({
            binDir: tools.findPostgresBin(),
            dataDir: join(dir, 'pg'),
            port: pgPort,
            logFile: join(dir, 'postgres.log'),
            fsync: false,
          })
        : undefined,
      WITH_TEMPORAL
        ? startTemporal({ cli: tools.ensureTemporalCli(), port: temporalPort, headless: true, logFile: join(dir, 'temporal.log') })
        : undefined,
    ]);
    if (pgServer) cleanups.push(() => pgServer.stop());
    if (temporal) cleanups.push(() => temporal.stop());
    databaseUrl ??= pgServer.url as string;
    await migrateAndSeed(databaseUrl, { seedDemo: true, officeCode: OFFICE, prefix: 'LYZF', demoPassword: DEFAULT_DEMO_PASSWORD });

    const db = new pg.Client({ connectionString: databaseUrl, application_name: 'bench-scale' });
    await db.connect();
    cleanups.push(() => db.end());
    if (ownPostgres) {
      // Fewer checkpoints while seeding; nothing the reads depend on.
      await db.query(`ALTER SYSTEM SET max_wal_size = '8GB'`);
      await db.query('SELECT pg_reload_conf()');
    }
    await db.query('SET synchronous_commit = off');
    const today = shanghaiDate(Date.now());
    log(`seeding ${CASES.toLocaleString('en-US')} cases into ${OFFICE} (chunks of ${CHUNK.toLocaleString('en-US')}, today ${today})`);
    const seeded = await seedCases(db, { cases: CASES, chunk: CHUNK, today, officeCode: OFFICE, log, firstDay: FIRST });
    const [{ size }] = (await db.query('SELECT pg_size_pretty(pg_database_size(current_database())) AS size')).rows;
    const [mix] = (
      await db.query(
        `SELECT count(*) AS cases, count(*) FILTER (WHERE status <> 'closed') AS open, count(*) FILTER (WHERE overdue) AS overdue,
                count(DISTINCT status) AS statuses, min(received_on) AS first, max(received_on) AS last,
                count(*) FILTER (WHERE a.department_id = u.department_id OR a.department_id IS NULL) AS clerk_sees
         FROM applications a JOIN users u ON u.username = 'clerk' AND u.office_id = a.office_id`,
      )
    ).rows;
    log(
      `seeded in ${seeded.seconds.toFixed(0)} s (${Math.round(CASES / seeded.seconds).toLocaleString('en-US')} cases/s): ` +
        Object.entries(seeded.rows)
          .map(([t, n]) => `${t} ${n.toLocaleString('en-US')}`)
          .join(', ') +
        `; database ${size}`,
    );
    log(
      `demo office ${OFFICE}: ${mix.cases} cases, ${mix.open} open (${mix.overdue} overdue), ${mix.statuses} statuses, ` +
        `received ${shanghaiDate(Date.parse(mix.first))}..${shanghaiDate(Date.parse(mix.last))}; the clerk sees ${mix.clerk_sees}`,
    );

    if (SEED_ONLY) return;

    // The API, in this process, with its own pool (as main.ts builds it).
    const config = loadConfig({
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporal?.address ?? '127.0.0.1:1',
      JWT_SECRET: randomBytes(24).toString('hex'),
      PORT: String(apiPort),
      LOG_LEVEL: 'error',
    });
    const connection = temporal ? await Connection.connect({ address: temporal.address }) : Connection.lazy({ address: '127.0.0.1:1' });
    cleanups.push(() => connection.close());
    const dataSource = createDataSource(config.databaseUrl, { applicationName: 'bench-api' });
    await dataSource.initialize();
    cleanups.push(() => dataSource.destroy());
    const app: INestApplication = await createApiApp({
      config,
      dataSource,
      temporal: new TemporalClient({ connection, namespace: config.temporal.namespace }),
    });
    // The failing timeline would print a stack per call; the bench prints each failing route's answer once.
    app.useLogger(['fatal']);
    await app.listen(apiPort, '127.0.0.1');
    cleanups.push(() => app.close());
    cleanups.push(async () => agent.destroy());

    if (SCREENS) {
      const [office] = (
        await db.query(
          `SELECT count(*) FILTER (WHERE status <> 'closed') AS open, count(*) FILTER (WHERE status = 'closed') AS closed,
                  count(*) FILTER (WHERE overdue) AS overdue
           FROM applications WHERE office_id = (SELECT id FROM offices WHERE code = $1)`,
          [OFFICE],
        )
      ).rows;
      log(
        `timing the supervisor's screens over ${office.open} open (${office.overdue} overdue) and ${office.closed} closed cases of ${OFFICE}`,
      );
      const timings = await timeScreens(`http://127.0.0.1:${apiPort}`, 5, log);
      console.log('');
      console.log(`screen                 cold ms   warm p50 ms   warm max ms   target`);
      for (const t of timings) {
        const warm = t.visits.slice(1).sort((a, b) => a - b);
        console.log(
          `${t.screen.padEnd(22)} ${String(Math.round(t.visits[0])).padStart(7)}   ${String(Math.round(pct(warm, 50))).padStart(11)}   ${String(Math.round(warm[warm.length - 1])).padStart(11)}   1000 ms ${warm[warm.length - 1] <= 1000 ? 'OK' : 'MISSED'}`,
        );
      }
      return;
    }

    const tokens = {} as Record<User, string>;
    for (const user of ['clerk', 'supervisor', 'auditor'] as const) {
      const r = await request(apiPort, 'POST', '/api/auth/login', undefined, { username: user, password: DEFAULT_DEMO_PASSWORD });
      if (r.status !== 200 && r.status !== 201) throw new Error(`login ${user}: ${r.status} ${r.body.toString()}`);
      tokens[user] = (JSON.parse(r.body.toString()) as { accessToken: string }).accessToken;
    }

    // A closed case of the clerk's department with letters, and one of its letters (with a stored PDF if there are any).
    const pdf = seeded.optional.includes('pdf');
    const [sample] = (
      await db.query(
        `SELECT a.id AS case_id, n.id AS notice_id FROM applications a JOIN notices n ON n.application_id = a.id
         WHERE a.office_id = (SELECT id FROM offices WHERE code = $1) AND a.department_code = 'OGI' AND a.status = 'closed'
           AND a.registration_year = 2024 ${pdf ? 'AND n.pdf IS NOT NULL' : ''}
         ORDER BY a.registration_seq LIMIT 1`,
        [OFFICE],
      )
    ).rows;
    if (!sample) throw new Error('no closed 2024 case of OGI with a letter: seed more cases');
    const [number] = (
      await db.query(
        `SELECT registration_number FROM applications
         WHERE office_id = (SELECT id FROM offices WHERE code = $1) AND registration_year = 2024 AND department_code = 'OGI'
         ORDER BY abs(registration_seq - 12345) LIMIT 1`,
        [OFFICE],
      )
    ).rows;
    const dueTo = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
    const nextOfPage499 = async (user: User, query = ''): Promise<string | null> => {
      const r = await request(apiPort, 'GET', `/api/applications?${query ? `${query}&` : ''}page=499`, tokens[user]);
      return (JSON.parse(r.body.toString()) as { next?: string | null }).next ?? null;
    };
    const filters = [
      '',
      'status=assigned',
      'status=closed',
      'department=OGI',
      'assignee=clerk',
      'overdue=true',
      'regime=2019',
      `dueFrom=${today}&dueTo=${dueTo}`,
    ];
    const byFilter: Record<string, string | null> = {};
    for (const f of filters) byFilter[f] = await nextOfPage499('clerk', f);
    const clerkNext = byFilter[''];
    const supervisorNext = await nextOfPage499('supervisor');
    if (!clerkNext || !supervisorNext) throw new Error('no next cursor after page 499: seed more cases');
    const all = routes({
      after: { clerk: clerkNext, supervisor: supervisorNext, byFilter },
      caseId: sample.case_id,
      noticeId: sample.notice_id,
      number: number.registration_number,
      today,
      dueTo,
      year: Number(today.slice(0, 4)),
    });

    log(
      `timing ${all.length} routes, ${CALLS} GETs each (at most ${ROUTE_SECONDS} s a route), one at a time, after ${WARMUP} warm-up calls`,
    );
    const results: Result[] = [];
    for (const r of all) {
      const res = await measure(apiPort, tokens[r.user], r);
      const captured = await capture(apiPort, tokens[r.user], r);
      res.queries = captured.count;
      res.main = captured.main;
      log(`  ${r.name}: p95 ${ms(res.p95)}${res.p95 >= 1000 ? '' : ' ms'} (n=${res.n}, HTTP ${res.statuses}, ${res.bytes} bytes)`);
      results.push(res);
    }
    console.log('');
    console.log(
      `${CASES.toLocaleString('en-US')} cases, seeded in ${seeded.seconds.toFixed(0)} s (${Math.round(CASES / seeded.seconds).toLocaleString('en-US')} cases/s)`,
    );
    table(results);

    const answered = results.filter((r) => r.statuses.split('/').every((c) => c.startsWith('2')));
    // The slowest route that waits on PostgreSQL: the one whose main query takes longest (a PDF printed
    // by Chromium may take longer, but EXPLAIN has nothing to say about it).
    const slowest = [...answered].sort((a, b) => (b.main?.ms ?? 0) - (a.main?.ms ?? 0))[0];
    const toExplain = EXPLAIN_ALL ? answered.filter((r) => r.target !== null && r.p95 > r.target) : slowest ? [slowest] : [];
    for (const r of toExplain) await explain(db, r);
    const failed = results.filter((r) => !answered.includes(r));
    for (const r of failed) {
      const res = await request(apiPort, 'GET', r.path, tokens[r.user]);
      console.log(`\n${r.name}: HTTP ${res.status} ${res.body.toString().slice(0, 300)}`);
    }
  } finally {
    log('stopping');
    await cleanup();
    log('stopped, temp dir removed');
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
