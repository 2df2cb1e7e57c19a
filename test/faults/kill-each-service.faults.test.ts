// Fault test: a private stack (its own PostgreSQL, Temporal dev server on a file,
// worker and API as separate processes) under a steady stream of registrations
// and steps; kill -9 in turn the worker, the API, the Temporal server and
// PostgreSQL, bring each back, then check that every acknowledged registration and
// step is there exactly once (PostgreSQL and Temporal agree), that registration
// numbers are unique and gapless per office and year, and that no client got a 500.
import { type ChildProcess, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { DEFAULT_DEMO_PASSWORD } from '../../libs/config/config';
import { buildWorkingDayIndex, parseIsoDate } from '../../libs/calendar';
import { workflowIdFor } from '../../libs/contracts/application';
import { startOfShanghaiDay } from '../../libs/case';
import { createDataSource } from '../../libs/persistence/data-source';
import { loadCalendarData } from '../../libs/persistence/calendar.repository';
import { inPersonSubmission } from '../support/http-session';

/* eslint-disable @typescript-eslint/no-require-imports */
const { freePort, sleep, startChild, stopChild, waitForPort } = require('../../scripts/lib/proc');
const { startPostgres } = require('../../scripts/lib/postgres');
const { startTemporal } = require('../../scripts/lib/temporal');
const { ensureTemporalCli, findPostgresBin } = require('../../scripts/lib/tools');
/* eslint-enable @typescript-eslint/no-require-imports */

jest.setTimeout(240_000);

const root = join(__dirname, '..', '..');
const NOTIFY_HOUR = 9;
const HOUR = 3600_000;
type Child = ChildProcess & { exited: Promise<unknown> };

describe('kill -9 of each service under load', () => {
  const dir = mkdtempSync(join(tmpdir(), 'disclosure-faults-'));
  const procs: Record<string, Child | undefined> = {};
  const stops: Record<string, (() => Promise<void>) | undefined> = {};
  let ports: { api: number; pg: number; temporal: number; ui: number };
  let env: NodeJS.ProcessEnv;

  const startPg = async () => {
    const pg = await startPostgres({
      binDir: findPostgresBin(),
      dataDir: join(dir, 'postgres'),
      port: ports.pg,
      logFile: join(dir, 'postgres.log'),
    });
    procs.postgres = pg.child;
    stops.postgres = pg.stop;
  };
  const startTemporalServer = async () => {
    const t = await startTemporal({
      cli: ensureTemporalCli(),
      port: ports.temporal,
      uiPort: ports.ui,
      headless: true,
      dbFile: join(dir, 'temporal.db'),
      logFile: join(dir, 'temporal.log'),
    });
    procs.temporal = t.child;
    stops.temporal = t.stop;
  };
  const startNode = async (name: 'worker' | 'api') => {
    const child = startChild(name, process.execPath, [`dist/apps/${name}/main.js`], { cwd: root, env, logFile: join(dir, `${name}.log`) });
    procs[name] = child;
    stops[name] = () => stopChild(child, 'SIGTERM');
    if (name === 'api') await waitForPort(ports.api, '127.0.0.1', 60_000, child);
  };
  const kill9 = async (name: string) => {
    const c = procs[name]!;
    process.kill(-c.pid!, 'SIGKILL'); // the whole process group: postgres's backends die with the postmaster
    await c.exited;
  };

  beforeAll(async () => {
    ports = { api: await freePort(), pg: await freePort(), temporal: await freePort(), ui: await freePort() };
    const tsc = spawnSync(
      process.execPath,
      [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--incremental', '--tsBuildInfoFile', 'dist/.tsbuildinfo'],
      { cwd: root, encoding: 'utf8' },
    );
    if (tsc.status !== 0) throw new Error(`tsc failed: ${tsc.stdout}`);
    await startPg();
    await startTemporalServer();
    env = {
      ...process.env,
      DATABASE_URL: `postgres://postgres@127.0.0.1:${ports.pg}/disclosure`,
      TEMPORAL_ADDRESS: `127.0.0.1:${ports.temporal}`,
      JWT_SECRET: randomBytes(24).toString('hex'),
      PORT: String(ports.api),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      TEST_CLOCK: 'on',
      NOTIFY_HOUR: String(NOTIFY_HOUR),
    };
    const mig = spawnSync(process.execPath, ['dist/libs/persistence/migrate.cli.js', '--seed-demo'], { cwd: root, env, encoding: 'utf8' });
    if (mig.status !== 0) throw new Error(`migration failed: ${mig.stderr}`);
    await startNode('worker');
    await startNode('api');
  });
  afterAll(async () => {
    for (const name of ['api', 'worker', 'temporal', 'postgres']) await stops[name]?.().catch(() => undefined);
    if (process.env.KEEP_FAULT_LOGS) process.stdout.write(`fault logs kept in ${dir}\n`);
    else rmSync(dir, { recursive: true, force: true });
  });

  it('loses, duplicates and 500s nothing, keeps numbers gapless and fires the timers that fell due while down', async () => {
    const base = `http://127.0.0.1:${ports.api}`;
    const login = async (username: string) => {
      const res = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: DEFAULT_DEMO_PASSWORD }),
      });
      expect(res.status).toBe(200);
      return `Bearer ${((await res.json()) as { accessToken: string }).accessToken}`;
    };
    const token = await login('clerk');
    const counts = { sent: 0, acknowledged: 0, refusedConnection: 0, retryable503: 0, timeouts: 0, other: 0, retries: 0 } as Record<
      string,
      number
    >;
    const statuses: Record<string, number> = {};
    const badResponses: string[] = [];
    const registered = new Map<string, string>(); // id -> number
    const triaged = new Set<string>();
    const corrected = new Set<string>(); // request-correction acknowledged: the case has its correction notice

    const send = async (
      path: string,
      body: object,
      key?: string,
    ): Promise<{ status: number; body: Record<string, unknown> } | undefined> => {
      counts.sent++;
      try {
        const res = await fetch(`${base}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: token, ...(key ? { 'idempotency-key': key } : {}) },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(30_000),
        });
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        const text = await res.text();
        if (res.status === 503) {
          counts.retryable503++;
          if (!res.headers.get('retry-after')) badResponses.push(`503 without Retry-After on ${path}`);
          return undefined;
        }
        if (res.status >= 500) {
          badResponses.push(`${res.status} on ${path}: ${text.slice(0, 200)}`);
          return undefined;
        }
        return { status: res.status, body: JSON.parse(text || '{}') };
      } catch (e) {
        const err = e as Error & { cause?: { code?: string } };
        if (err.name === 'TimeoutError') {
          counts.timeouts++;
          badResponses.push(`no answer within 30 s on ${path}`);
        } else if (err.cause?.code === 'ECONNREFUSED' || err.cause?.code === 'ECONNRESET' || err.cause?.code === 'UND_ERR_SOCKET')
          counts.refusedConnection++;
        else counts.other++;
        return undefined;
      }
    };

    /** A registration, retried with its Idempotency-Key until acknowledged, as a careful client does. */
    const register = async (name: string, description: string): Promise<{ id: string; dueOn: string } | undefined> => {
      const key = `fault-${randomBytes(6).toString('hex')}`;
      let r: Awaited<ReturnType<typeof send>>;
      for (let attempt = 0; attempt < 60; attempt++) {
        r = await send('/api/applications', inPersonSubmission(name, description), key);
        if (r) break;
        counts.retries++;
        await sleep(500);
      }
      if (r?.status !== 201) return undefined;
      counts.acknowledged++;
      registered.set(r.body.id as string, r.body.registrationNumber as string);
      return { id: r.body.id as string, dueOn: r.body.dueOn as string };
    };
    const requestCorrection = async (id: string): Promise<string | undefined> => {
      const c = await send(`/api/applications/${id}/actions/request-correction`, { items: ['请补充申请人身份证明'], periodDays: 1 });
      if (c?.status !== 200) return undefined;
      counts.acknowledged++;
      corrected.add(id);
      return (c.body.correction as { respondBy: string }).respondBy;
    };

    let stopLoad = false;
    const client = async (n: number) => {
      for (let i = 0; !stopLoad; i++) {
        const r = await register(`故障${n}`, `故障测试 ${n}-${i}`);
        if (!r) {
          await sleep(200);
          continue;
        }
        // Every third case gets a correction notice (a numbered letter issued by an activity), the others a triage.
        if (i % 3 === 2) await requestCorrection(r.id);
        else {
          const t = await send(`/api/applications/${r.id}/actions/triage`, { outcome: 'accept' });
          if (t?.status === 200) {
            counts.acknowledged++;
            triaged.add(r.id);
          }
        }
      }
    };
    const load = Promise.all([0, 1, 2, 3].map(client));

    // Timer cases: the working-day calendar the cases use, read where the engine reads it.
    const ds = createDataSource(env.DATABASE_URL!, { poolSize: 1 });
    await ds.initialize();
    const calendar = buildWorkingDayIndex(await loadCalendarData(ds));
    await ds.destroy();
    const atNotifyHour = (day: string) => startOfShanghaiDay(day) + NOTIFY_HOUR * HOUR;
    type TimerCase = {
      id: string;
      kind: 'reminder' | 'escalation' | 'correction';
      key: string;
      at: number;
      phase: string;
      /** when Temporal fires the timer: its TimerStarted event's time plus its duration */
      firesAt?: number;
    };
    const timerCases: TimerCase[] = [];
    const db = async <T>(f: (c: PgClient) => Promise<T>): Promise<T> => {
      const c = new PgClient({ connectionString: env.DATABASE_URL });
      await c.connect();
      try {
        return await f(c);
      } finally {
        await c.end();
      }
    };
    /** How many times each timer case's effect is in PostgreSQL (reminder / escalation row, lapse step + abandonment letter). */
    const effects = (cases: TimerCase[]) =>
      db(async (c) => {
        const out: number[] = [];
        for (const t of cases) {
          if (t.kind === 'correction') {
            const [r] = (
              await c.query(
                `SELECT (SELECT count(*)::int FROM case_events WHERE application_id = $1 AND type = 'correction_period_expired') AS lapsed,
                        (SELECT count(*)::int FROM notices WHERE application_id = $1 AND kind = 'abandonment') AS letters,
                        (SELECT status FROM applications WHERE id = $1) AS status`,
                [t.id],
              )
            ).rows;
            out.push(r.lapsed === r.letters && (r.lapsed === 0 || r.status === 'closed') ? r.lapsed : -1);
          } else {
            const [r] = (
              await c.query(`SELECT count(*)::int AS n FROM notifications WHERE application_id = $1 AND key = $2`, [t.id, t.key])
            ).rows;
            out.push(r.n);
          }
        }
        return out;
      });

    /**
     * Two cases of each kind whose timer falls due `lead` ms from now: a reminder on the due day, the
     * first overdue escalation and a correction window's end. Each case's clock is moved (testClock
     * signal) to just before its timer; returns once every case has armed that timer in Temporal.
     */
    const armTimers = async (phase: string, lead: number): Promise<{ cases: TimerCase[]; dueAt: number }> => {
      const made: TimerCase[] = await Promise.all(
        (['reminder', 'reminder', 'escalation', 'escalation', 'correction', 'correction'] as const).map(async (kind, i) => {
          const r = await register(`定时${i}`, `定时器测试 ${phase} ${kind}`);
          if (!r) throw new Error(`timer case ${kind} not registered`);
          if (kind === 'reminder') return { id: r.id, kind, key: `reminder:${r.dueOn}:0`, at: atNotifyHour(r.dueOn), phase };
          if (kind === 'escalation') {
            const first = calendar.isoDate(calendar.addWorkingDays(parseIsoDate(r.dueOn), 1));
            return { id: r.id, kind, key: `escalation:${first}`, at: atNotifyHour(first), phase };
          }
          const respondBy = await requestCorrection(r.id);
          if (!respondBy) throw new Error('timer case: request-correction not acknowledged');
          return { id: r.id, kind, key: `correction:${respondBy}`, at: startOfShanghaiDay(respondBy) + 24 * HOUR, phase };
        }),
      );
      const dueAt = Date.now() + lead;
      const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS! });
      try {
        const temporal = new Client({ connection });
        for (const t of made) await temporal.workflow.getHandle(workflowIdFor(t.id)).signal('testClock', { offsetMs: t.at - dueAt });
        // Armed: after the signal, the case started a timer that fires at dueAt (to the second).
        for (const t of made) {
          for (let tries = 0; ; tries++) {
            const events = (await temporal.workflow.getHandle(workflowIdFor(t.id)).fetchHistory()).events ?? [];
            const signalled = events.findIndex((e) => e.workflowExecutionSignaledEventAttributes?.signalName === 'testClock');
            const timer = events.slice(signalled + 1).find((e) => e.timerStartedEventAttributes);
            if (signalled >= 0 && timer) {
              const ms = (x: { seconds?: unknown; nanos?: number | null } | null | undefined) =>
                Number(x?.seconds ?? 0) * 1000 + (x?.nanos ?? 0) / 1e6;
              t.firesAt = ms(timer.eventTime) + ms(timer.timerStartedEventAttributes!.startToFireTimeout);
              break;
            }
            if (tries > 40) throw new Error(`${t.kind} case ${t.id}: no timer armed after the testClock signal`);
            await sleep(100);
          }
        }
      } finally {
        await connection.close();
      }
      if (Date.now() > dueAt - 2_000) throw new Error(`${phase}: the timers were armed too late to fall due during the outage`);
      // Not yet: nothing of their effects is there before the outage.
      expect(await effects(made)).toEqual(made.map(() => 0));
      timerCases.push(...made);
      return { cases: made, dueAt };
    };
    const until = (t: number) => sleep(Math.max(0, t - Date.now()));

    const downFor = 3_000;
    const phases: string[] = [];
    const outsideOutage: string[] = []; // timers that Temporal would fire while the service was up
    for (const name of ['worker', 'api', 'temporal', 'postgres']) {
      let restartAt: number;
      let armed: TimerCase[] = [];
      if (name === 'worker' || name === 'temporal') {
        // Down from 3 s before the timers fall due until 4 s after.
        const { dueAt, cases } = await armTimers(name, 8_000);
        armed = cases;
        await until(dueAt - 3_000);
        restartAt = dueAt + 4_000;
      } else {
        await sleep(3_000);
        restartAt = Date.now() + downFor;
      }
      await kill9(name);
      const t0 = Date.now();
      await until(restartAt);
      for (const t of armed) if (!(t.firesAt! > t0 && t.firesAt! < Date.now())) outsideOutage.push(`${name} ${t.kind} ${t.key}`);
      if (name === 'postgres') await startPg();
      else if (name === 'temporal') await startTemporalServer();
      else await startNode(name as 'worker' | 'api');
      phases.push(`${name} down ${Date.now() - t0} ms`);
    }
    await sleep(5_000);
    stopLoad = true;
    await load;

    // Every timer that fell due during an outage takes effect once recovered (within 60 s).
    const fired = async () => (await effects(timerCases)).filter((n) => n === 1).length;
    for (let waited = 0; (await fired()) < timerCases.length && waited < 60_000; waited += 500) await sleep(500);

    // PostgreSQL: each acknowledged registration exactly once, with its number; each acknowledged step there.
    const pg = new PgClient({ connectionString: env.DATABASE_URL });
    await pg.connect();
    const rows = (
      await pg.query(
        `SELECT a.id, a.registration_number, a.workflow_id, a.status, a.office_id, a.registration_year, a.registration_seq,
                (SELECT count(*)::int FROM case_events e WHERE e.application_id = a.id AND e.type = 'registered') AS registered_events,
                (SELECT count(*)::int FROM case_events e WHERE e.application_id = a.id AND e.type = 'triage') AS triage_events,
                (SELECT count(*)::int FROM case_events e WHERE e.application_id = a.id AND e.type = 'request-correction') AS correction_events,
                (SELECT count(*)::int FROM notices n WHERE n.application_id = a.id AND n.kind = 'correction') AS correction_notices
         FROM applications a`,
      )
    ).rows as {
      id: string;
      registration_number: string;
      workflow_id: string;
      status: string;
      office_id: string;
      registration_year: number;
      registration_seq: number;
      registered_events: number;
      triage_events: number;
      correction_events: number;
      correction_notices: number;
    }[];
    const letters = (await pg.query(`SELECT office_id, number_year, number_seq, number, kind FROM notices`)).rows as {
      office_id: string;
      number_year: number;
      number_seq: number;
      number: string;
      kind: string;
    }[];
    await pg.end();
    const byId = new Map(rows.map((r) => [r.id, r]));
    // Every case in PostgreSQL was acknowledged to its client (retries with the key found the first one).
    const unacknowledged = rows.filter((r) => !registered.has(r.id)).length;
    let lost = 0;
    let duplicated = 0;
    for (const [id, number] of registered) {
      const row = byId.get(id);
      if (!row || row.registration_number !== number) lost++;
      else if (row.registered_events !== 1) duplicated++;
    }
    for (const id of triaged) {
      const row = byId.get(id);
      if (!row || row.triage_events === 0) lost++;
      else if (row.triage_events > 1) duplicated++;
    }
    for (const id of corrected) {
      const row = byId.get(id);
      if (!row || row.correction_events === 0 || row.correction_notices === 0) lost++;
      else if (row.correction_events > 1 || row.correction_notices > 1) duplicated++;
    }
    // Registration and letter numbers: unique, and their serials per office and year exactly 1..n.
    const serialProblems = (kind: string, list: { group: string; seq: number; number: string }[]): string[] => {
      const problems: string[] = [];
      if (new Set(list.map((x) => x.number)).size !== list.length) problems.push(`${kind}: a number is repeated`);
      const groups = new Map<string, number[]>();
      for (const x of list) groups.set(x.group, [...(groups.get(x.group) ?? []), x.seq]);
      for (const [group, seqs] of groups) {
        seqs.sort((a, b) => a - b);
        seqs.forEach((seq, i) => seq !== i + 1 && problems.push(`${kind} ${group}: serial ${seq} at position ${i + 1}`));
      }
      return problems;
    };
    const gaps = [
      ...serialProblems(
        'registration',
        rows.map((r) => ({ group: `${r.office_id}/${r.registration_year}`, seq: r.registration_seq, number: r.registration_number })),
      ),
      ...serialProblems(
        'letter',
        letters.map((l) => ({ group: `${l.office_id}/${l.number_year}`, seq: l.number_seq, number: l.number })),
      ),
    ];
    const letterKinds: Record<string, number> = {};
    for (const l of letters) letterKinds[l.kind] = (letterKinds[l.kind] ?? 0) + 1;

    // Temporal agrees: each case's workflow exists, and each acknowledged step is in its history.
    const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS! });
    const temporal = new Client({ connection });
    let disagree = 0;
    for (const row of rows) {
      const history = await temporal.workflow.getHandle(row.workflow_id).fetchHistory();
      const updates = (history.events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length;
      if (row.triage_events + row.correction_events > updates) disagree++;
    }
    await connection.close();

    // The timers, once more after all that: still exactly once.
    const timerEffects = await effects(timerCases);
    const timersFired = timerEffects.filter((n) => n === 1).length;
    const timerProblems = timerCases.flatMap((t, i) =>
      timerEffects[i] === 1 ? [] : [`${t.phase} ${t.kind} ${t.key}: ${timerEffects[i]}`],
    );
    const byPhase = (p: string) => timerCases.filter((t) => t.phase === p).length;

    process.stdout.write(
      `faults: ${phases.join(', ')}; requests sent ${counts.sent}, acknowledged ${counts.acknowledged}, lost ${lost}, duplicated ${duplicated}; ` +
        `503 ${counts.retryable503}, refused connections ${counts.refusedConnection}, timeouts ${counts.timeouts}, statuses ${JSON.stringify(statuses)}; ` +
        `registration retries ${counts.retries}, cases ${rows.length} (${triaged.size} triaged, ${corrected.size} correction notices), unacknowledged cases ${unacknowledged}; ` +
        `timers due during an outage ${timerCases.length} (worker ${byPhase('worker')}, temporal ${byPhase('temporal')}: reminders, escalations, correction windows), fired once after recovery ${timersFired}; ` +
        `numbers checked: ${rows.length} registration, ${letters.length} letter ${JSON.stringify(letterKinds)}, gaps or repeats ${gaps.length}; ` +
        `PostgreSQL/Temporal disagreements ${disagree}\n`,
    );
    expect(counts.acknowledged).toBeGreaterThan(20);
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);
    expect(unacknowledged).toBe(0);
    expect(gaps).toEqual([]);
    expect(corrected.size).toBeGreaterThan(4);
    expect(letters.length).toBeGreaterThan(rows.length); // receipts, correction notices, abandonment letters
    expect(timerCases.length).toBe(12);
    expect(outsideOutage).toEqual([]);
    expect(timerProblems).toEqual([]);
    expect(disagree).toBe(0);
    expect(badResponses).toEqual([]);
  });
});
