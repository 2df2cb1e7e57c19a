#!/usr/bin/env node
'use strict';
// `npm start`: the whole system on embedded defaults. Installs what is missing,
// starts PostgreSQL and the Temporal dev server (unless DATABASE_URL /
// TEMPORAL_ADDRESS point elsewhere), migrates and seeds, then runs worker and API.
// Ctrl-C or SIGTERM stops every child, in order, within seconds. If this process
// dies otherwise (even SIGKILL), each child gets a signal from the kernel and
// stops too; the next start recovers from what a crash leaves (lib/recover.js).
//
// `npm run start:cluster` (--cluster): the same system on a real Temporal cluster
// instead of the dev server: Temporal Server built from source (lib/cluster-tools.js)
// on the embedded PostgreSQL, frontend, two history hosts, matching and worker as
// separate processes (lib/cluster.js), two application workers and two API instances
// (PORT and PORT+1). A process of the cluster that dies is started again.
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const { spawnSync } = require('node:child_process');
// The cluster keeps its own data (.data/cluster/): the application's database of `npm start`
// names workflows that live in the dev server's SQLite file, which the cluster cannot see.
if (process.argv.includes('--cluster') && !process.env.DISCLOSURE_DATA_DIR)
  process.env.DISCLOSURE_DATA_DIR = path.join(__dirname, '..', '.data', 'cluster');
const { ensureNodeModules, ensureTools } = require('./lib/ensure');
const { root, data } = require('./lib/paths');
const { step, fail } = require('./lib/log');

ensureNodeModules();
const tools = ensureTools();
const clusterMode = process.argv.includes('--cluster');
// The fault tests' clock switch never reaches a system started here (libs/config refuses it outside NODE_ENV=test too).
if (process.env.TEST_CLOCK) fail('TEST_CLOCK: a switch of the fault tests only; npm start does not run with it set');
let clusterBuild;
if (clusterMode) {
  if (process.env.TEMPORAL_ADDRESS) fail('TEMPORAL_ADDRESS: start:cluster starts its own Temporal cluster; unset it or use `npm start`');
  if (process.env.DATABASE_URL) fail('DATABASE_URL: start:cluster keeps Temporal and the application in the embedded PostgreSQL; unset it');
  try {
    clusterBuild = require('./lib/cluster-tools').ensureTemporalServer();
  } catch (e) {
    fail(e.message);
  }
}
const { startChild, stopChild, portInUse, sleep, withDeathSignal } = require('./lib/proc');
const { recoverAfterCrash, AnotherInstance } = require('./lib/recover');
const { startPostgres } = require('./lib/postgres');
const { buildWebIfStale } = require('./lib/web');
const { startTemporal } = require('./lib/temporal');
const { startCluster, allPorts, highestMembershipPort, MAX_MEMBERSHIP_PORT } = require('./lib/cluster');

const shown = (p) => (p.startsWith(root + path.sep) ? path.relative(root, p) : p);

function intEnv(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 65535) fail(`${name}: must be a port number from 1 to 65535, got "${raw}"`);
  return Number(raw);
}

const ports = {
  api: intEnv('PORT', 3000),
  pg: intEnv('EMBEDDED_PG_PORT', 54329),
  temporal: intEnv('TEMPORAL_PORT', 7233),
  ui: intEnv('TEMPORAL_UI_PORT', 8233),
};
if (clusterMode && highestMembershipPort(ports.temporal) > MAX_MEMBERSHIP_PORT)
  fail(
    `TEMPORAL_PORT: the cluster uses it and ports up to TEMPORAL_PORT+106 as membership ports, which Temporal stores as a ` +
      `PostgreSQL smallint; it must be at most ${MAX_MEMBERSHIP_PORT - 106}, got ${ports.temporal}`,
  );
const embeddedPg = !process.env.DATABASE_URL;
const embeddedTemporal = !process.env.TEMPORAL_ADDRESS;
const children = [];
let stopping = false;
// Cluster mode: how many application workers and API instances (API i on PORT+i).
const replicas = clusterMode ? 2 : 1;
let cluster;

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  step('stopping…');
  // Reverse start order: API and worker first, then the servers they use.
  for (const c of [...children].reverse()) {
    const signal = c.label === 'postgres' ? 'SIGINT' : 'SIGTERM';
    await (c.stop ? c.stop() : stopChild(c, signal));
  }
  step('stopped');
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
process.on('SIGHUP', () => void shutdown(0));

function jwtSecret() {
  if (process.env.JWT_SECRET) return process.env.JWT_SECRET;
  if (!embeddedPg) fail('JWT_SECRET: is required when DATABASE_URL is set (at least 16 characters)');
  // Embedded mode: one random secret kept with the data, so logins survive a restart.
  const file = path.join(data, 'jwt-secret');
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString('hex'), { mode: 0o600 });
  return fs.readFileSync(file, 'utf8').trim();
}

async function waitForHealth(url, timeoutMs) {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    if (stopping) return;
    try {
      const res = await fetch(url);
      if (res.ok) return;
      last = `${res.status} ${await res.text()}`;
    } catch (e) {
      last = e.message;
    }
    await sleep(500);
  }
  throw new Error(`${url} not healthy within ${timeoutMs / 1000} s: ${last}`);
}

/** The worker is ready when Temporal sees it polling the task queue. */
async function waitForWorker(address, namespace, taskQueue, timeoutMs) {
  const { Connection } = require('@temporalio/client');
  const conn = await Connection.connect({ address });
  try {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until && !stopping) {
      const r = await conn.workflowService.describeTaskQueue({ namespace, taskQueue: { name: taskQueue }, taskQueueType: 1 });
      if (r.pollers && r.pollers.length > 0) return;
      await sleep(500);
    }
    if (!stopping) throw new Error(`no worker polls task queue ${taskQueue} after ${timeoutMs / 1000} s`);
  } finally {
    await conn.close();
  }
}

// Cluster mode brings a process that died back, unless it keeps dying (5 times in a minute).
const restarts = new Map();
function mayRestart(label) {
  const recent = (restarts.get(label) || []).filter((t) => t > Date.now() - 60_000);
  restarts.set(label, [...recent, Date.now()]);
  return clusterMode && recent.length < 5;
}

function watch(child, again) {
  children.push(child);
  child.exited.then(({ code, signal }) => {
    if (stopping) return;
    children.splice(children.indexOf(child), 1);
    if (again && mayRestart(child.label)) {
      step(`${child.label} exited unexpectedly (code ${code}, signal ${signal}); starting it again`);
      setTimeout(() => !stopping && watch(again(), again), 1000);
      return;
    }
    step(`${child.label} exited unexpectedly (code ${code}, signal ${signal}); stopping the rest`);
    void shutdown(1);
  });
}

async function main() {
  fs.mkdirSync(data, { recursive: true });
  let afterCrash = false;
  try {
    const r = await recoverAfterCrash({
      data,
      pgDataDir: embeddedPg ? path.join(data, 'postgres') : undefined,
      dbFile: embeddedTemporal && !clusterMode ? path.join(data, 'temporal.db') : undefined,
      step,
    });
    process.on('exit', r.release);
    afterCrash = r.afterCrash;
  } catch (e) {
    if (e instanceof AnotherInstance) fail(e.message);
    throw e;
  }
  for (const [name, port, needed] of [
    ['PORT', ports.api, true],
    ['EMBEDDED_PG_PORT', ports.pg, embeddedPg],
    ['TEMPORAL_PORT', ports.temporal, embeddedTemporal && !clusterMode],
    ['TEMPORAL_UI_PORT', ports.ui, embeddedTemporal && !clusterMode],
    ...(clusterMode
      ? [
          ['PORT (+1, the second API)', ports.api + 1, true],
          ...allPorts(ports.temporal).map((p) => [`TEMPORAL_PORT (the cluster uses it and fixed offsets from it)`, p, true]),
        ]
      : []),
  ]) {
    // After a crash the old API and worker may still be on their way out.
    for (let i = 0; afterCrash && needed && i < 40 && (await portInUse(port)); i++) await sleep(250);
    if (needed && (await portInUse(port)))
      fail(`port ${port} (${name}) is already in use: is another \`npm start\` running? Set ${name} to another port.`);
  }

  let databaseUrl = process.env.DATABASE_URL;
  if (embeddedPg) {
    step(`starting PostgreSQL on 127.0.0.1:${ports.pg} (data in ${shown(path.join(data, 'postgres'))})`);
    const pg = await startPostgres({
      binDir: tools.pgBin,
      dataDir: path.join(data, 'postgres'),
      port: ports.pg,
      logFile: path.join(data, 'postgres.log'),
    });
    children.push(Object.assign(pg.child, { stop: pg.stop }));
    pg.child.exited.then(() => !stopping && (step('postgres exited unexpectedly; see .data/postgres.log'), void shutdown(1)));
    databaseUrl = pg.url;
  }
  let temporalAddress = process.env.TEMPORAL_ADDRESS;
  if (clusterMode) {
    const dir = path.join(data, 'temporal-cluster');
    fs.mkdirSync(dir, { recursive: true });
    step(
      `starting the Temporal cluster (Temporal Server ${clusterBuild.version}: frontend on 127.0.0.1:${ports.temporal}, ` +
        `2 history hosts, matching, worker; each its own process, logs in ${shown(dir)}/)`,
    );
    cluster = await startCluster({
      ...clusterBuild,
      pgPort: ports.pg,
      adminUrl: databaseUrl.replace(/\/[^/]*$/, '/postgres'),
      dir,
      frontendPort: ports.temporal,
      namespace: process.env.TEMPORAL_NAMESPACE || 'default',
      logLevel: process.env.TEMPORAL_LOG_LEVEL || 'warn',
      step,
      onExit: (host, { code, signal, why }, restart) => {
        if (stopping) return;
        if (mayRestart(`temporal-${host.name}`)) {
          step(`temporal-${host.name} exited unexpectedly (code ${code}, signal ${signal}${why ? `: ${why}` : ''}); starting it again`);
          setTimeout(() => !stopping && restart(), 1000);
        } else {
          step(`temporal-${host.name} keeps exiting (see ${shown(path.join(dir, host.name + '.log'))}); stopping the rest`);
          void shutdown(1);
        }
      },
    });
    // Stopped after the workers and APIs, before PostgreSQL (children stop in reverse order).
    children.push({ label: 'temporal-cluster', stop: () => cluster.stop() });
    temporalAddress = cluster.address;
  } else if (embeddedTemporal) {
    step(
      `starting the Temporal dev server on 127.0.0.1:${ports.temporal} with its Web UI on ${ports.ui} (data in ${shown(path.join(data, 'temporal.db'))})`,
    );
    const t = await startTemporal({
      cli: tools.temporal,
      port: ports.temporal,
      uiPort: ports.ui,
      dbFile: path.join(data, 'temporal.db'),
      logFile: path.join(data, 'temporal.log'),
    });
    children.push(Object.assign(t.child, { stop: t.stop }));
    t.child.exited.then(() => !stopping && (step('temporal exited unexpectedly; see .data/temporal.log'), void shutdown(1)));
    temporalAddress = t.address;
  }

  step('compiling TypeScript (incremental)');
  const tsc = spawnSync(
    ...withDeathSignal(process.execPath, [
      require.resolve('typescript/bin/tsc'),
      '-p',
      'tsconfig.build.json',
      '--incremental',
      '--tsBuildInfoFile',
      'dist/.tsbuildinfo',
    ]),
    { cwd: root, stdio: 'inherit' },
  );
  if (tsc.status !== 0) {
    step('TypeScript compilation failed');
    return shutdown(1);
  }

  if (!buildWebIfStale(withDeathSignal)) return shutdown(1);

  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    JWT_SECRET: jwtSecret(),
    PORT: String(ports.api),
  };
  step(embeddedPg ? 'migrating the database and seeding the demo office, departments and users' : 'migrating the database');
  const mig = spawnSync(
    ...withDeathSignal(process.execPath, ['dist/libs/persistence/migrate.cli.js', ...(embeddedPg ? ['--seed-demo'] : [])]),
    {
      cwd: root,
      env,
      stdio: 'inherit',
    },
  );
  if (mig.status !== 0) {
    step('migration failed');
    return shutdown(1);
  }

  step(clusterMode ? 'starting 2 workers and 2 API instances' : 'starting worker and API');
  for (let i = 0; i < replicas; i++) {
    const suffix = clusterMode ? `-${i + 1}` : '';
    const worker = () =>
      startChild(`worker${suffix}`, process.execPath, ['dist/apps/worker/main.js'], { cwd: root, env, passthrough: true });
    watch(worker(), clusterMode && worker);
    const apiEnv = { ...env, PORT: String(ports.api + i) };
    const api = () =>
      startChild(`api${suffix}`, process.execPath, ['dist/apps/api/main.js'], { cwd: root, env: apiEnv, passthrough: true });
    watch(api(), clusterMode && api);
  }
  const base = `http://127.0.0.1:${ports.api}`;
  try {
    for (let i = 0; i < replicas; i++) await waitForHealth(`http://127.0.0.1:${ports.api + i}/health`, 180_000);
  } catch (e) {
    step(e.message);
    return shutdown(1);
  }
  try {
    await waitForWorker(
      temporalAddress,
      process.env.TEMPORAL_NAMESPACE || 'default',
      process.env.TEMPORAL_TASK_QUEUE || 'disclosure-applications',
      120_000,
    );
  } catch (e) {
    step(e.message);
    return shutdown(1);
  }
  if (stopping) return;
  const password = process.env.DEMO_PASSWORD || 'demo-Passw0rd';
  const lines = [
    '',
    '  disclosure-engine is running',
    `    Workbench    ${base}/`,
    `    API          ${base}/api${clusterMode ? ` (second instance: http://127.0.0.1:${ports.api + 1}/api)` : ''}`,
    `    OpenAPI      ${base}/api/docs`,
    `    Health       ${base}/health`,
    clusterMode
      ? `    Temporal     ${temporalAddress} (cluster: Temporal Server ${clusterBuild.version}, no Web UI; use \`temporal --address ${temporalAddress} workflow list\`)`
      : embeddedTemporal
        ? `    Temporal UI  http://127.0.0.1:${ports.ui}`
        : `    Temporal     ${temporalAddress}`,
    embeddedPg ? `    PostgreSQL   ${databaseUrl}` : '',
    '',
    embeddedPg
      ? `  Demo logins (password: ${password}${process.env.DEMO_PASSWORD ? '' : ', set DEMO_PASSWORD to change it on a fresh database'}):`
      : '',
    embeddedPg ? '    clerk, reviewer, supervisor, auditor, admin' : '',
    embeddedPg
      ? `    curl -s -X POST ${base}/api/auth/login -H 'content-type: application/json' -d '{"username":"clerk","password":"${password}"}'`
      : '',
    '',
    embeddedPg || embeddedTemporal
      ? `  Ctrl-C stops everything; data stays in ${shown(data)}/ for the next start.`
      : '  Ctrl-C stops worker and API.',
    '',
  ].filter((l, i, a) => l !== '' || a[i - 1] !== '');
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((e) => {
  step(`start failed: ${e.message}`);
  void shutdown(1);
});
