// Registration round trip vs a bare Temporal baseline, and worker memory with many open cases:
//   node scripts/run-ts.js bench/registration/main.ts [--requests 600] [--seconds 20] [--concurrency 16] [--open 10000] [--seed 1]
// The baseline is an empty workflow that answers one Update, timed two ways: as the target
// states it (start the workflow, then send the Update: two calls) and, stricter, both in one
// update-with-start call (as the API sends a registration). The ratios are printed against both.
// Starts its own PostgreSQL and headless Temporal dev server (persisted to a SQLite file, as
// npm start runs it) on free loopback ports in a temp dir, migrates and seeds, runs the
// compiled application worker as a child process (dist/apps/worker/main.js, so its RSS can
// be read from /proc), the API in-process and a second in-process worker for the baseline
// workflow. Stops everything and removes the temp dir when done (or on Ctrl-C). Also prints
// both workers' own SDK timings over the latency run (schedule-to-start, workflow task,
// local activity; the application worker serves them at WORKER_METRICS_ADDRESS), and the CPU
// each process spent per call over the throughput run.
// For digging: BENCH_SAMPLES=file.json writes every latency sample; BENCH_WORKER_NODE_ARGS
// passes node flags to the worker, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { Client, Connection, WithStartWorkflowOperation } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApiApp } from '../../apps/api/app.factory';
import { workflowBundlerOptions } from '../../apps/worker/bundler-options';
import { workflowsPath } from '../../apps/worker/worker.factory';
import { DEFAULT_DEMO_PASSWORD, loadConfig } from '../../libs/config/config';
import type { ApplicationWorkflowInput } from '../../libs/contracts/application';
import { APPLICATION_WORKFLOW_TYPE, registrationUpdate } from '../../libs/contracts/workflow';
import { createDataSource } from '../../libs/persistence/data-source';
import { migrateAndSeed } from '../../libs/persistence/migrate.cli';
import { baselineUpdate } from './baseline.workflow';

/* eslint-disable @typescript-eslint/no-require-imports */
const tools = require('../../scripts/lib/tools');
const { freePort, startChild, stopChild, sleep } = require('../../scripts/lib/proc');
const { startPostgres } = require('../../scripts/lib/postgres');
const { startTemporal } = require('../../scripts/lib/temporal');
/* eslint-enable @typescript-eslint/no-require-imports */

const root = resolve(__dirname, '..', '..');

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v < 0) throw new Error(`--${name}: expected a non-negative integer, got ${process.argv[i + 1]}`);
  return v;
}
// Rounds of the latency run: a p95 of 200 samples moved by about 0.1 in the ratio from run to run.
const REQUESTS = flag('requests', 600);
const SECONDS = flag('seconds', 20);
const CONCURRENCY = flag('concurrency', 16);
const OPEN = flag('open', 10_000);
const OPEN_CONCURRENCY = flag('open-concurrency', 32);
const SEED = flag('seed', 1);
const WARMUP = 20;

const log = (s: string) => console.log(`[bench] ${s}`);
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

interface Latency {
  n: number;
  p50: number;
  p95: number;
  max: number;
}
/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so a run's order can be repeated. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Latency of each op, n calls each, interleaved: every round calls each op once, in a
 * shuffled order, so that a slow moment of the VM lands on all of them, and no op always
 * follows the same one. (With a fixed order, an op that follows the baseline meets the
 * server still closing that workflow, and one that follows a registration meets its
 * search-attribute and timer writes; either swings a p95 by a third.)
 */
async function latencies(n: number, ops: (() => Promise<void>)[], seed: number): Promise<Latency[]> {
  const t: number[][] = ops.map(() => []);
  const next = random(seed);
  const order = ops.map((_, k) => k);
  for (let i = 0; i < n; i++) {
    for (let j = order.length - 1; j > 0; j--) {
      const r = Math.floor(next() * (j + 1));
      [order[j], order[r]] = [order[r], order[j]];
    }
    for (const k of order) {
      const s = performance.now();
      await ops[k]();
      t[k].push(performance.now() - s);
    }
  }
  if (process.env.BENCH_SAMPLES) writeFileSync(process.env.BENCH_SAMPLES, JSON.stringify(t));
  return t.map((x) => {
    x.sort((a, b) => a - b);
    return { n, p50: pct(x, 50), p95: pct(x, 95), max: x[x.length - 1] };
  });
}

/** `concurrency` loops calling op until `seconds` have passed; completed ops per second. */
async function throughput(seconds: number, concurrency: number, op: () => Promise<void>): Promise<{ ops: number; perSecond: number }> {
  const until = performance.now() + seconds * 1000;
  let ops = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        await op();
        ops++;
      }
    }),
  );
  return { ops, perSecond: ops / ((performance.now() - start) / 1000) };
}

/** Sum and count of every histogram a Prometheus endpoint serves, by metric name (all label sets added up). */
async function histograms(url: string): Promise<Map<string, { sum: number; count: number }>> {
  const text = await (await fetch(url)).text();
  const out = new Map<string, { sum: number; count: number }>();
  for (const line of text.split('\n')) {
    const m = /^(\w+)_(sum|count)(?:\{[^}]*\})? ([\d.eE+-]+)$/.exec(line);
    if (!m) continue;
    const h = out.get(m[1]) ?? { sum: 0, count: 0 };
    h[m[2] as 'sum' | 'count'] += Number(m[3]);
    out.set(m[1], h);
  }
  return out;
}

function rssOf(pid: number): { rssMiB: number; hwmMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(/(\d+)\s*kB/.exec(status.split('\n').find((l) => l.startsWith(k)) ?? '')?.[1] ?? NaN);
  return { rssMiB: kb('VmRSS:') / 1024, hwmMiB: kb('VmHWM:') / 1024 };
}

const CLOCK_TICK_MS = 10; // USER_HZ is 100 on Linux

/** CPU time (user + system, ms) of a process and its descendants, from /proc. */
function treeCpuMs(root: number): number {
  const procs: { pid: number; ppid: number; ticks: number }[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${d}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // Fields after the command name (which may hold spaces): state ppid ... utime(14) stime(15),
    // then cutime(16) cstime(17): its children that have exited (PostgreSQL's backends come and go).
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    procs.push({ pid: Number(d), ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]) });
  }
  const inTree = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of procs) if (!inTree.has(p.pid) && inTree.has(p.ppid)) grew = inTree.add(p.pid) !== undefined;
  }
  return procs.filter((p) => inTree.has(p.pid)).reduce((a, p) => a + p.ticks * CLOCK_TICK_MS, 0);
}

/** An application handed in today, as the API would pass it to the workflow. */
const openCaseInput = (id: string): ApplicationWorkflowInput => ({
  applicationId: id,
  officeCode: 'LINYI',
  arrivedAt: new Date().toISOString(),
  submittedBy: { username: 'clerk', role: 'clerk' },
  submission: {
    channel: 'in_person',
    receivedOn: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
    applicant: { type: 'natural_person', name: '张三', contact: {} },
    request: { description: '某项目征收补偿方案' },
  },
});

const fmt = (l: Latency) => `p50 ${l.p50.toFixed(1)} ms, p95 ${l.p95.toFixed(1)} ms, max ${l.max.toFixed(1)} ms (n=${l.n})`;
const verdict = (ok: boolean) => (ok ? 'OK' : 'MISSED');

async function main(): Promise<void> {
  // This process's runtime serves the baseline worker's SDK metrics, to set beside the application worker's.
  const baselineMetricsPort: number = await freePort();
  Runtime.install({
    logger: new DefaultLogger('ERROR'),
    telemetryOptions: { metrics: { prometheus: { bindAddress: `127.0.0.1:${baselineMetricsPort}` } } },
  });
  const dir = mkdtempSync(join(tmpdir(), 'bench-registration-'));
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
    const [pgPort, temporalPort, apiPort, metricsPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
    log(`temp dir ${dir}; starting PostgreSQL :${pgPort}, Temporal dev server :${temporalPort}, bundling workflows`);
    const bundlePath = join(dir, 'workflow-bundle.js');
    const [pg, temporal, , baselineBundle] = await Promise.all([
      startPostgres({ binDir: tools.findPostgresBin(), dataDir: join(dir, 'pg'), port: pgPort, logFile: join(dir, 'postgres.log') }),
      // Persisted to a SQLite file, as npm start runs it (data survives a restart), not in memory.
      startTemporal({
        cli: tools.ensureTemporalCli(),
        port: temporalPort,
        headless: true,
        dbFile: join(dir, 'temporal.db'),
        logFile: join(dir, 'temporal.log'),
      }),
      bundleWorkflowCode({ workflowsPath: workflowsPath(), ...workflowBundlerOptions, logger: new DefaultLogger('ERROR') }).then(
        ({ code }) => writeFileSync(bundlePath, code),
      ),
      bundleWorkflowCode({ workflowsPath: require.resolve('./baseline.workflow'), logger: new DefaultLogger('ERROR') }),
    ]);
    cleanups.push(
      () => pg.stop(),
      () => temporal.stop(),
    );
    await migrateAndSeed(pg.url, { seedDemo: true, officeCode: 'LINYI', prefix: 'LYZF', demoPassword: DEFAULT_DEMO_PASSWORD });

    const env = {
      DATABASE_URL: pg.url,
      TEMPORAL_ADDRESS: temporal.address,
      JWT_SECRET: randomBytes(24).toString('hex'),
      TEMPORAL_TASK_QUEUE: 'bench-applications',
      PORT: String(apiPort),
      LOG_LEVEL: 'warn',
      WORKER_METRICS_ADDRESS: `127.0.0.1:${metricsPort}`,
    };
    const config = loadConfig(env);

    // The application worker, as its own process, compiled as npm start runs it.
    log('compiling to dist/ (tsc -p tsconfig.build.json --incremental)');
    const tsc = spawnSync(
      process.execPath,
      [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--incremental', '--tsBuildInfoFile', 'dist/.tsbuildinfo'],
      { cwd: root, stdio: 'inherit' },
    );
    if (tsc.status !== 0) throw new Error('tsc failed');
    const worker: ChildProcess & { exited: Promise<unknown> } = startChild(
      'worker',
      process.execPath,
      [...(process.env.BENCH_WORKER_NODE_ARGS?.split(' ').filter(Boolean) ?? []), join(root, 'dist/apps/worker/main.js')],
      { cwd: root, env: { ...process.env, ...env, WORKFLOW_BUNDLE_PATH: bundlePath }, logFile: join(dir, 'worker.log'), passthrough: true },
    );
    cleanups.push(() => stopChild(worker, 'SIGTERM', 15_000));

    const connection = await Connection.connect({ address: temporal.address });
    cleanups.push(() => connection.close());
    const client = new Client({ connection, namespace: config.temporal.namespace });
    const untilPolled = Date.now() + 120_000;
    for (;;) {
      const r = await connection.workflowService.describeTaskQueue({
        namespace: config.temporal.namespace,
        taskQueue: { name: config.temporal.taskQueue },
        taskQueueType: 1,
      });
      if (r.pollers?.length) break;
      if (worker.exitCode !== null) throw new Error(`worker exited with code ${worker.exitCode}; see its output above`);
      if (Date.now() > untilPolled) throw new Error('the worker does not poll its task queue after 120 s');
      await sleep(250);
    }

    // The baseline worker, in this process.
    const baselineConnection = await NativeConnection.connect({ address: temporal.address });
    const baselineWorker = await Worker.create({
      connection: baselineConnection,
      taskQueue: 'bench-baseline',
      workflowBundle: { code: baselineBundle.code },
    });
    const baselineRunning = baselineWorker.run();
    cleanups.push(async () => {
      baselineWorker.shutdown();
      await baselineRunning;
      await baselineConnection.close();
    });

    // The API, in this process.
    const dataSource = createDataSource(config.databaseUrl, { applicationName: 'bench-api' });
    await dataSource.initialize();
    cleanups.push(() => dataSource.destroy());
    const app: INestApplication = await createApiApp({ config, dataSource, temporal: client });
    await app.listen(apiPort, '127.0.0.1');
    cleanups.push(() => app.close());
    const base = `http://127.0.0.1:${apiPort}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'clerk', password: DEFAULT_DEMO_PASSWORD }),
    });
    if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
    const { accessToken } = (await login.json()) as { accessToken: string };

    let registered = 0;
    // node:http with a keep-alive agent rather than fetch: undici's fetch adds about 1.2 ms
    // of client CPU per request here, which is the measuring tool's cost, not the system's.
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const submission = JSON.stringify({
      channel: 'in_person',
      applicant: { type: 'natural_person', name: '张三', contact: { phone: '13800000000' } },
      request: { description: '申请公开某项目征收补偿方案' },
    });
    const register = () =>
      new Promise<void>((done, fail) => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port: apiPort,
            method: 'POST',
            path: '/api/applications',
            agent,
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(submission),
              authorization: `Bearer ${accessToken}`,
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('error', fail);
            res.on('end', () => {
              const text = Buffer.concat(chunks).toString('utf8');
              const body = JSON.parse(text) as { registrationNumber?: string };
              if (res.statusCode !== 201 || !body.registrationNumber)
                return fail(new Error(`POST /api/applications: ${res.statusCode} ${text}`));
              registered++;
              done();
            });
          },
        );
        req.on('error', fail);
        req.end(submission);
      });
    cleanups.push(async () => agent.destroy());
    /** The baseline in one call: update-with-start, as the API sends a registration. */
    const baselineOneCall = async () => {
      const id = randomUUID();
      const r = await client.workflow.executeUpdateWithStart(baselineUpdate, {
        args: [id],
        startWorkflowOperation: new WithStartWorkflowOperation('baselineWorkflow', {
          workflowId: `baseline-${id}`,
          taskQueue: 'bench-baseline',
          workflowIdConflictPolicy: 'USE_EXISTING',
        }),
      });
      if (r !== id) throw new Error('baseline update answered wrongly');
    };

    /** The baseline as the target states it: start the empty workflow, then send it the Update. */
    const baselineTwoCalls = async () => {
      const id = randomUUID();
      const handle = await client.workflow.start('baselineWorkflow', { workflowId: `baseline-${id}`, taskQueue: 'bench-baseline' });
      const r = await handle.executeUpdate(baselineUpdate, { args: [id] });
      if (r !== id) throw new Error('baseline update answered wrongly');
    };

    /** The same registration without the API: the workflow, its local activity and PostgreSQL (also opens the memory run's cases). */
    const registerDirect = async () => {
      const id = randomUUID();
      await client.workflow.executeUpdateWithStart(registrationUpdate, {
        startWorkflowOperation: new WithStartWorkflowOperation(APPLICATION_WORKFLOW_TYPE, {
          workflowId: `application-${id}`,
          taskQueue: config.temporal.taskQueue,
          args: [openCaseInput(id)],
          workflowIdConflictPolicy: 'USE_EXISTING',
        }),
      });
      registered++;
    };

    log(`warm-up (${WARMUP} of each)`);
    for (let i = 0; i < WARMUP; i++) {
      await baselineTwoCalls();
      await baselineOneCall();
      await register();
    }
    log(`latency, concurrency 1, ${REQUESTS} requests each, interleaved in a shuffled order (--seed ${SEED})`);
    const metricsUrls = [`http://127.0.0.1:${metricsPort}/metrics`, `http://127.0.0.1:${baselineMetricsPort}/metrics`];
    const metricsBefore = await Promise.all(metricsUrls.map(histograms));
    const [twoCallLat, oneCallLat, regLat, directLat] = await latencies(
      REQUESTS,
      [baselineTwoCalls, baselineOneCall, register, registerDirect],
      SEED,
    );
    const metricsAfter = await Promise.all(metricsUrls.map(histograms));
    log('SDK metrics over the latency run, mean ms: application worker | baseline worker (both baselines)');
    for (const name of [
      'temporal_workflow_task_schedule_to_start_latency',
      'temporal_workflow_task_execution_latency',
      'temporal_local_activity_execution_latency',
    ]) {
      const mean = (k: number) => {
        const [a, b] = [metricsBefore[k].get(name) ?? { sum: 0, count: 0 }, metricsAfter[k].get(name) ?? { sum: 0, count: 0 }];
        return b.count > a.count ? `${((b.sum - a.sum) / (b.count - a.count)).toFixed(1)} (n=${b.count - a.count})` : '-';
      };
      log(`  ${name.replace('temporal_', '')}: ${mean(0)} | ${mean(1)}`);
    }
    log(`throughput, concurrency ${CONCURRENCY}, ${SECONDS} s each in two alternating halves`);
    // Alternating halves (two-call baseline, one-call baseline, registration, then again), summed.
    const throughputOps = [baselineTwoCalls, baselineOneCall, register];
    const half = SECONDS / 2;
    const rounds: { ops: number; perSecond: number }[][] = [];
    // CPU per call by process, over the throughput halves: where a registration's extra cost goes.
    const processes: [string, () => number][] = [
      ['worker', () => treeCpuMs(worker.pid!)],
      ['Temporal server', () => treeCpuMs(temporal.child.pid!)],
      ['PostgreSQL', () => treeCpuMs(pg.child.pid!)],
      [
        'bench process (API, clients, baseline worker)',
        () => {
          const u = process.cpuUsage();
          return (u.user + u.system) / 1000;
        },
      ],
    ];
    const cpu = throughputOps.map(() => processes.map(() => 0));
    for (let r = 0; r < 2; r++) {
      const round: { ops: number; perSecond: number }[] = [];
      for (const [k, op] of throughputOps.entries()) {
        const before = processes.map(([, f]) => f());
        round.push(await throughput(half, CONCURRENCY, op));
        processes.forEach(([, f], i) => (cpu[k][i] += f() - before[i]));
      }
      rounds.push(round);
    }
    const sum = (k: number) => {
      const ops = rounds.reduce((a, r) => a + r[k].ops, 0);
      return { ops, perSecond: ops / SECONDS };
    };
    const [twoCallTp, oneCallTp, regTp] = [sum(0), sum(1), sum(2)];
    const tps = [twoCallTp, oneCallTp, regTp];
    log('CPU per call over the throughput run, ms: baseline in two calls | baseline in one call | registration');
    const perCall = (k: number, ms: number) => (ms / tps[k].ops).toFixed(2);
    processes.forEach(([name], i) => log(`  ${name}: ${tps.map((_, k) => perCall(k, cpu[k][i])).join(' | ')}`));
    log(
      `  all: ${tps
        .map((_, k) =>
          perCall(
            k,
            cpu[k].reduce((a, b) => a + b, 0),
          ),
        )
        .join(' | ')}`,
    );

    const tpLine = (tp: { ops: number; perSecond: number }) =>
      `${tp.perSecond.toFixed(1)} /s (${tp.ops} in ${SECONDS} s, concurrency ${CONCURRENCY})`;
    /** The baseline's figures and the registration's ratios to them. */
    const against = (title: string, lat: Latency, tp: { ops: number; perSecond: number }, judged: string) => {
      const p95Ratio = regLat.p95 / lat.p95;
      const tpRatio = regTp.perSecond / tp.perSecond;
      console.log(title);
      console.log(`  latency    ${fmt(lat)}`);
      console.log(`  throughput ${tpLine(tp)}`);
      console.log(`  p95 ratio        ${p95Ratio.toFixed(2)}x (${judged} <= 1.5x): ${verdict(p95Ratio <= 1.5)}`);
      console.log(`  throughput ratio ${tpRatio.toFixed(2)}x (${judged} >= 0.5x): ${verdict(tpRatio >= 0.5)}`);
      // The p95 ratio moves with the baseline's tail from run to run; the p50 ratio shows the steady cost.
      console.log(`  p50 ratio        ${(regLat.p50 / lat.p50).toFixed(2)}x (for reference)`);
    };
    console.log('');
    console.log('registration round trip (HTTP POST /api/applications -> workflow -> PostgreSQL -> 201)');
    console.log(`  latency    ${fmt(regLat)}`);
    console.log(`  throughput ${tpLine(regTp)}`);
    console.log(`  without the API (client update-with-start, same workflow): ${fmt(directLat)}`);
    against(
      'bare Temporal baseline, as the target states it (start an empty workflow, then one Update; same server)',
      twoCallLat,
      twoCallTp,
      'target',
    );
    against(
      'stricter baseline: the same start and Update in one call (update-with-start, as the API sends a registration)',
      oneCallLat,
      oneCallTp,
      'stricter check',
    );
    console.log('');

    // Worker memory with OPEN open cases waiting on their timers (registration path, via the client).
    const before = rssOf(worker.pid!);
    const toStart = Math.max(0, OPEN - registered);
    log(
      `worker RSS with ${registered} open cases: ${before.rssMiB.toFixed(0)} MiB; starting ${toStart} more (concurrency ${OPEN_CONCURRENCY})`,
    );
    const started = performance.now();
    let next = 0;
    let lastReport = started;
    await Promise.all(
      Array.from({ length: OPEN_CONCURRENCY }, async () => {
        while (next < toStart) {
          next++;
          await registerDirect();
          if (performance.now() - lastReport > 15_000) {
            lastReport = performance.now();
            log(`  ${registered} open, worker RSS ${rssOf(worker.pid!).rssMiB.toFixed(0)} MiB`);
          }
        }
      }),
    );
    const took = (performance.now() - started) / 1000;
    await sleep(5000); // let the workers settle their first timers
    const after = rssOf(worker.pid!);
    const underTarget = after.rssMiB < 1024;
    console.log('');
    console.log(`worker memory with ${registered} open cases waiting on their timers (child process dist/apps/worker/main.js)`);
    console.log(`  started ${toStart} cases in ${took.toFixed(0)} s (${(toStart / took).toFixed(1)} /s, concurrency ${OPEN_CONCURRENCY})`);
    console.log(
      `  VmRSS ${after.rssMiB.toFixed(0)} MiB (peak VmHWM ${after.hwmMiB.toFixed(0)} MiB), target < 1024 MiB: ${verdict(underTarget)}`,
    );
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
