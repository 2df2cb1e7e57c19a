// `npm run start:cluster` as a user runs it: Temporal Server (built from source) with
// its frontend, two history hosts, matching and worker as separate processes on the
// embedded PostgreSQL, two application workers and two API instances. The main
// disclosure path runs end to end through both API instances; then, under a stream of
// registrations, one history host and one application worker are killed with SIGKILL
// and brought back by the supervisor, and every acknowledged registration is in
// PostgreSQL and in Temporal exactly once.
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import { Connection, Client as TemporalClient } from '@temporalio/client';
import { DEFAULT_DEMO_PASSWORD } from '../../libs/config/config';
import { shanghaiDate } from '../../libs/time/shanghai';
import { workflowIdFor } from '../../libs/contracts/application';
import { processesOf, start, startEnv, type Running } from '../support/npm-start';

/* eslint-disable @typescript-eslint/no-require-imports */
const { portInUse, sleep } = require('../../scripts/lib/proc');
const { allPorts } = require('../../scripts/lib/cluster');
/* eslint-enable @typescript-eslint/no-require-imports */

jest.setTimeout(900_000);

/** A frontend port P whose cluster ports (P..P+106) are all free; membership ports stay below 32768 (a smallint in Temporal's schema). */
async function freeClusterBase(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const p = 20_000 + Math.floor(Math.random() * 12_000);
    const busy = await Promise.all(allPorts(p).map((x: number) => portInUse(x)));
    if (!busy.some(Boolean)) return p;
  }
  throw new Error('no free range of ports for the cluster');
}

const cmdline = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return [];
  }
};

describe('npm run start:cluster', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'disclosure-cluster-'));
  let env: NodeJS.ProcessEnv;
  let bases: string[];
  let running: Running;
  let pg: PgClient;
  let temporal: TemporalClient;
  let connection: Connection;
  let mainCaseId: string;

  const processes = (match: (args: string[]) => boolean) => processesOf(dataDir).filter((pid) => match(cmdline(pid)));
  const temporalHost = (name: string) => processes((a) => a.some((x) => x.endsWith(`${name}.yaml`)));
  const appWorkers = () => processes((a) => a.includes('dist/apps/worker/main.js'));

  beforeAll(async () => {
    ({ env } = await startEnv(dataDir));
    let api = Number(env.PORT);
    while (await portInUse(api + 1)) api = 20_000 + Math.floor(Math.random() * 30_000);
    env.PORT = String(api);
    env.TEMPORAL_PORT = String(await freeClusterBase());
    bases = [`http://127.0.0.1:${api}`, `http://127.0.0.1:${api + 1}`];
    running = await start(env, ['--cluster']);
    pg = new PgClient({ connectionString: `postgres://postgres@127.0.0.1:${env.EMBEDDED_PG_PORT}/disclosure` });
    await pg.connect();
    connection = await Connection.connect({ address: `127.0.0.1:${env.TEMPORAL_PORT}` });
    temporal = new TemporalClient({ connection, namespace: 'default' });
  });
  afterAll(async () => {
    await pg?.end().catch(() => undefined); // a second end() rejects: ignored
    await connection?.close().catch(() => undefined);
    if (running) {
      running.child.kill('SIGTERM');
      await running.exited;
    }
    for (const pid of processesOf(dataDir)) process.kill(pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  const login = async (base: string, username: string) => {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEFAULT_DEMO_PASSWORD }),
    });
    expect(res.status).toBe(200);
    return `Bearer ${((await res.json()) as { accessToken: string }).accessToken}`;
  };

  it("refuses a TEMPORAL_PORT whose membership ports would not fit Temporal's smallint column, naming the limit", async () => {
    const r = spawnSync(process.execPath, ['scripts/start.js', '--cluster'], {
      cwd: join(__dirname, '..', '..'),
      env: { ...env, TEMPORAL_PORT: '40000' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('TEMPORAL_PORT: the cluster uses it and ports up to TEMPORAL_PORT+106 as membership ports');
    expect(r.stderr).toContain('it must be at most 32661, got 40000');
  });

  it('runs every service as its own process and the main disclosure path through both API instances', async () => {
    const out = running.output();
    expect(out).toContain(`${bases[0]}/api (second instance: ${bases[1]}/api)`);
    expect(out).toMatch(/Temporal\s+127\.0\.0\.1:\d+ \(cluster: Temporal Server v1\.32\.2/);
    expect(out).toContain('clerk, reviewer, supervisor, auditor, admin');
    for (const name of ['frontend', 'history-1', 'history-2', 'matching', 'worker']) expect(temporalHost(name)).toHaveLength(1);
    expect(appWorkers()).toHaveLength(2);
    expect(processes((a) => a.includes('dist/apps/api/main.js'))).toHaveLength(2);
    for (const base of bases) expect((await fetch(`${base}/health/ready`)).status).toBe(200);

    // The cluster's persistence and visibility are the project's PostgreSQL.
    const dbs = await pg.query("SELECT datname FROM pg_database WHERE datname LIKE 'temporal%' ORDER BY 1");
    expect(dbs.rows.map((r) => r.datname)).toEqual(['temporal', 'temporal_visibility']);

    const tokens: Record<string, string[]> = {};
    for (const u of ['clerk', 'reviewer', 'supervisor']) tokens[u] = await Promise.all(bases.map((b) => login(b, u)));
    let turn = 0;
    // Each call goes to the other API instance than the one before.
    const call = async (method: string, url: string, username: string, body?: object) => {
      const i = turn++ % 2;
      const res = await fetch(`${bases[i]}${url}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: tokens[username][i] },
        body: body && JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const created = await call('POST', '/api/applications', 'clerk', {
      channel: 'in_person',
      receivedOn: shanghaiDate(Date.now()),
      applicant: { type: 'natural_person', name: '孙八', contact: { phone: '13800000000' } },
      request: { description: '申请公开集群测试所需的政府信息' },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    mainCaseId = id;
    const act = async (name: string, username: string, body: object) => {
      const r = await call('POST', `/api/applications/${id}/actions/${name}`, username, body);
      expect([name, r.status, r.body]).toEqual([name, 200, expect.anything()]);
      return r.body;
    };
    await act('triage', 'clerk', { outcome: 'accept' });
    await act('assign', 'supervisor', { assignee: 'clerk', department: 'OGI' });
    await act('record-search', 'clerk', { summary: 'found in the archive' });
    await act('draft-decision', 'clerk', {
      replyKind: 'disclose',
      reasons: 'held by this office and not exempt',
      provision: { form: 'paper', method: 'post' },
    });
    await act('approve-decision', 'reviewer', { approve: true });
    await act('review-confidentiality', 'reviewer', { approve: true, comment: 'no secrets' });
    await act('issue-notice', 'clerk', {});
    const closed = await act('record-delivery', 'clerk', { method: 'post', on: shanghaiDate(Date.now()) });
    expect(closed).toMatchObject({ status: 'closed', outcome: 'replied' });

    const [row] = (await pg.query('SELECT status, outcome, reply_kind FROM applications WHERE id = $1', [id])).rows;
    expect(row).toEqual({ status: 'closed', outcome: 'replied', reply_kind: 'disclose' });
    // Temporal's side: the workflow completed, and SQL visibility answers a query on a custom search attribute.
    const handle = temporal.workflow.getHandle(workflowIdFor(id));
    await handle.result();
    expect((await handle.describe()).status.name).toBe('COMPLETED');
    let found: string[] = [];
    for (let i = 0; i < 60 && !found.length; i++) {
      found = [];
      for await (const wf of temporal.workflow.list({ query: `DeStatus = 'closed' AND WorkflowId = '${workflowIdFor(id)}'` }))
        found.push(wf.workflowId);
      if (!found.length) await sleep(500);
    }
    expect(found).toEqual([workflowIdFor(id)]);
  });

  it('loses and duplicates nothing when a history host and an application worker are killed with SIGKILL mid-load', async () => {
    const concurrency = 8;
    const total = 160;
    const runTag = `fault-${Date.now()}`;
    const tokens = await Promise.all(bases.map((b) => login(b, 'clerk')));
    const before = Number((await pg.query('SELECT count(*) FROM applications')).rows[0].count);
    const acknowledged = new Map<string, { id: string; registrationNumber: string }>();
    let attempts = 0;
    let failedAttempts = 0;
    let next = 0;
    let slowestMs = 0;
    let killedMs = Infinity;
    let ackedAfterKill = 0;
    let giveUp = false; // set when the test ends early, so no client keeps retrying after it
    const started = Date.now();

    // A client as the API asks: retry a failed submission with the same Idempotency-Key.
    const submit = async (n: number) => {
      const key = `${runTag}-${n}`;
      const body = {
        channel: 'in_person',
        receivedOn: shanghaiDate(Date.now()),
        applicant: { type: 'natural_person', name: `压测${n}`, contact: {} },
        request: { description: `故障测试申请 ${key}` },
      };
      for (let attempt = 0; !giveUp && Date.now() - started < 300_000; attempt++) {
        const i = (n + attempt) % 2;
        attempts++;
        const sent = Date.now();
        try {
          const res = await fetch(`${bases[i]}/api/applications`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: tokens[i], 'idempotency-key': key },
            body: JSON.stringify(body),
            signal: AbortSignal.timeout(40_000),
          });
          if (res.status === 201) {
            const r = (await res.json()) as { id: string; registrationNumber: string };
            acknowledged.set(key, { id: r.id, registrationNumber: r.registrationNumber });
            slowestMs = Math.max(slowestMs, Date.now() - sent);
            if (sent > killedMs) ackedAfterKill++;
            return;
          }
          failedAttempts++;
          if (res.status < 500) throw new Error(`${key}: ${res.status} ${await res.text()}`);
        } catch (e) {
          if ((e as Error).message.startsWith(key)) throw e;
          failedAttempts++;
        }
        await sleep(500);
      }
    };
    const clients = Array.from({ length: concurrency }, async () => {
      while (next < total && !giveUp) await submit(next++);
    });
    let killedAt = 0;
    let backMs = 0;
    try {
      // Mid-load: kill one history host and one application worker, as a crash would.
      while (acknowledged.size < total / 4) await sleep(50);
      const [history] = temporalHost('history-1');
      const [worker] = appWorkers();
      killedAt = acknowledged.size;
      process.kill(history, 'SIGKILL');
      process.kill(worker, 'SIGKILL');
      killedMs = Date.now();
      // The supervisor brings both back.
      let back: number[] = [];
      for (let i = 0; i < 200; i++) {
        const h = temporalHost('history-1');
        const w = appWorkers();
        if (h.length === 1 && h[0] !== history && w.length === 2 && !w.includes(worker)) {
          back = [h[0], ...w];
          break;
        }
        await sleep(100);
      }
      backMs = Date.now() - killedMs;
      expect(back).toHaveLength(3);
      expect(running.output()).toMatch(/temporal-history-1 exited unexpectedly \(code null, signal SIGKILL\); starting it again/);
      expect(running.output()).toMatch(/worker-\d exited unexpectedly \(code null, signal SIGKILL\); starting it again/);

      await Promise.all(clients);
    } finally {
      giveUp = true;
    }
    const seconds = (Date.now() - started) / 1000;

    // Every acknowledged registration: one row in PostgreSQL with the acknowledged number,
    // and its workflow in Temporal, running (awaiting triage).
    const ids = [...acknowledged.values()].map((a) => a.id);
    const rows = (await pg.query('SELECT id, registration_number FROM applications WHERE id = ANY($1::uuid[])', [ids])).rows as {
      id: string;
      registration_number: string;
    }[];
    const numberOf = new Map(rows.map((r) => [r.id, r.registration_number]));
    let lost = 0;
    for (const a of acknowledged.values()) {
      if (numberOf.get(a.id) !== a.registrationNumber) lost++;
      else {
        const d = await temporal.workflow.getHandle(workflowIdFor(a.id)).describe();
        if (d.status.name !== 'RUNNING') lost++;
      }
    }
    const after = Number((await pg.query('SELECT count(*) FROM applications')).rows[0].count);
    const numbers = Number((await pg.query('SELECT count(DISTINCT registration_number) FROM applications')).rows[0].count);
    const duplicated = after - before - acknowledged.size + (after - numbers);
    process.stdout.write(
      `\ncluster fault test: ${total} registrations (${attempts} attempts, ${failedAttempts} failed and retried), ` +
        `${acknowledged.size} acknowledged, ${lost} lost, ${duplicated} duplicated; history-1 and one worker killed after ` +
        `${killedAt} acknowledged, back in ${(backMs / 1000).toFixed(1)} s, ${ackedAfterKill} sent after the kill acknowledged; ` +
        `slowest acknowledged request ${slowestMs} ms; ${seconds.toFixed(1)} s, ` +
        `${(acknowledged.size / seconds).toFixed(1)} registrations/s at concurrency ${concurrency}\n`,
    );
    expect(acknowledged.size).toBe(total);
    expect(ackedAfterKill).toBeGreaterThan(total / 2);
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);
  });

  it('stops on SIGINT with no process left, keeps the data, and after SIGKILL of the supervisor every process stops', async () => {
    await pg.end();
    await connection.close();
    running.child.kill('SIGINT');
    expect(await running.exited).toBe(0);
    expect(processesOf(dataDir)).toEqual([]);

    running = await start(env, ['--cluster']);
    const res = await fetch(`${bases[1]}/api/applications/${mainCaseId}`, { headers: { authorization: await login(bases[1], 'clerk') } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { status: string }).status).toBe('closed');

    const killed = Date.now();
    running.child.kill('SIGKILL');
    let left = processesOf(dataDir);
    while (left.length && Date.now() - killed < 20_000) {
      await sleep(100);
      left = processesOf(dataDir);
    }
    expect(left).toEqual([]);
    process.stdout.write(`cluster: every process gone ${Date.now() - killed} ms after SIGKILL of the supervisor\n`);
  });
});
