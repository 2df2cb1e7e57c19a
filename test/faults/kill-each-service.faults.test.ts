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
import { inPersonSubmission } from '../support/http-session';

/* eslint-disable @typescript-eslint/no-require-imports */
const { freePort, sleep, startChild, stopChild, waitForPort } = require('../../scripts/lib/proc');
const { startPostgres } = require('../../scripts/lib/postgres');
const { startTemporal } = require('../../scripts/lib/temporal');
const { ensureTemporalCli, findPostgresBin } = require('../../scripts/lib/tools');
/* eslint-enable @typescript-eslint/no-require-imports */

jest.setTimeout(240_000);

const root = join(__dirname, '..', '..');
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

  it('loses, duplicates and 500s nothing', async () => {
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

    let stopLoad = false;
    const client = async (n: number) => {
      for (let i = 0; !stopLoad; i++) {
        // A registration is retried with its Idempotency-Key until acknowledged, as a careful client does.
        const key = `fault-${n}-${i}-${randomBytes(4).toString('hex')}`;
        let r: Awaited<ReturnType<typeof send>>;
        for (let attempt = 0; attempt < 60; attempt++) {
          r = await send('/api/applications', inPersonSubmission(`故障${n}`, `故障测试 ${n}-${i}`), key);
          if (r) break;
          counts.retries++;
          await sleep(500);
        }
        if (r?.status === 201) {
          counts.acknowledged++;
          registered.set(r.body.id as string, r.body.registrationNumber as string);
          const t = await send(`/api/applications/${r.body.id}/actions/triage`, { outcome: 'accept' });
          if (t?.status === 200) {
            counts.acknowledged++;
            triaged.add(r.body.id as string);
          }
        } else await sleep(200);
      }
    };
    const load = Promise.all([0, 1, 2, 3].map(client));

    const downFor = 3_000;
    const phases: string[] = [];
    for (const name of ['worker', 'api', 'temporal', 'postgres']) {
      await sleep(3_000);
      await kill9(name);
      const t0 = Date.now();
      await sleep(downFor);
      if (name === 'postgres') await startPg();
      else if (name === 'temporal') await startTemporalServer();
      else await startNode(name as 'worker' | 'api');
      phases.push(`${name} down ${Date.now() - t0} ms`);
    }
    await sleep(5_000);
    stopLoad = true;
    await load;

    // PostgreSQL: each acknowledged registration exactly once, with its number; each acknowledged triage there.
    const pg = new PgClient({ connectionString: env.DATABASE_URL });
    await pg.connect();
    const rows = (
      await pg.query(
        `SELECT a.id, a.registration_number, a.workflow_id, a.status,
                (SELECT count(*)::int FROM case_events e WHERE e.application_id = a.id AND e.type = 'registered') AS registered_events,
                (SELECT count(*)::int FROM case_events e WHERE e.application_id = a.id AND e.type = 'triage') AS triage_events
         FROM applications a`,
      )
    ).rows as {
      id: string;
      registration_number: string;
      workflow_id: string;
      status: string;
      registered_events: number;
      triage_events: number;
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
    // Numbers: unique, and without gaps per prefix (office and year) in their serial part.
    const numbers = rows.map((r) => r.registration_number);
    expect(new Set(numbers).size).toBe(numbers.length);
    const serials = new Map<string, number[]>();
    for (const n of numbers) {
      const m = /^(.*?)(\d+)$/.exec(n)!;
      serials.set(m[1], [...(serials.get(m[1]) ?? []), Number(m[2])]);
    }
    const gaps: string[] = [];
    for (const [prefix, list] of serials) {
      list.sort((x, y) => x - y);
      list.forEach((s, i) => s !== list[0] + i && gaps.push(`${prefix}${s}`));
    }

    // Temporal agrees: each case's workflow exists, and each acknowledged triage is in its history.
    const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS! });
    const temporal = new Client({ connection });
    let disagree = 0;
    for (const row of rows) {
      const history = await temporal.workflow.getHandle(row.workflow_id).fetchHistory();
      const updates = (history.events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length;
      if ((row.triage_events > 0 ? 1 : 0) > updates) disagree++;
    }
    await connection.close();

    process.stdout.write(
      `faults: ${phases.join(', ')}; requests sent ${counts.sent}, acknowledged ${counts.acknowledged}, lost ${lost}, duplicated ${duplicated}; ` +
        `503 ${counts.retryable503}, refused connections ${counts.refusedConnection}, timeouts ${counts.timeouts}, statuses ${JSON.stringify(statuses)}; ` +
        `registration retries ${counts.retries}, cases ${rows.length}, unacknowledged cases ${unacknowledged}, number gaps ${gaps.length}, PostgreSQL/Temporal disagreements ${disagree}\n`,
    );
    expect(counts.acknowledged).toBeGreaterThan(20);
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);
    expect(unacknowledged).toBe(0);
    expect(gaps).toEqual([]);
    expect(disagree).toBe(0);
    expect(badResponses).toEqual([]);
  });
});
