'use strict';
// A real Temporal cluster on this machine: Temporal Server (built by cluster-tools.js)
// with PostgreSQL persistence and SQL visibility in the project's PostgreSQL, each
// service its own process with its own gRPC and membership ports: one frontend, two
// history hosts, one matching, one (internal) worker. Hosts find each other through
// the cluster_membership table. Used by `npm run start:cluster` and the cluster tests.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { startChild, stopChild, waitForPort, sleep } = require('./proc');
const { searchAttributes } = require('../../libs/contracts/search-attributes.json');

// Fixed for the life of the databases: Temporal cannot change it after the first start.
const NUM_HISTORY_SHARDS = 8;

/**
 * The hosts and their ports, derived from the frontend's gRPC port P (default 7233, as
 * Temporal's own defaults): gRPC P+1.. and membership P+100.., frontend HTTP P+10.
 */
function clusterHosts(frontendPort) {
  const P = frontendPort;
  return [
    { name: 'frontend', service: 'frontend', grpc: P, membership: P + 100, http: P + 10 },
    { name: 'history-1', service: 'history', grpc: P + 1, membership: P + 101 },
    { name: 'history-2', service: 'history', grpc: P + 3, membership: P + 103 },
    { name: 'matching', service: 'matching', grpc: P + 2, membership: P + 102 },
    { name: 'worker', service: 'worker', grpc: P + 6, membership: P + 106 },
  ];
}
// Temporal keeps a host's membership port in cluster_membership.rpc_port, a PostgreSQL
// smallint: a port above 32767 makes every host fail at start ("out of range for type smallint").
const MAX_MEMBERSHIP_PORT = 32767;
const highestMembershipPort = (frontendPort) => Math.max(...clusterHosts(frontendPort).map((h) => h.membership));

/** Why a host's process ended, from what it wrote to its log after `offset` (the server logs a fatal line). */
function fatalSince(logFile, offset) {
  let text;
  try {
    const fd = fs.openSync(logFile, 'r');
    try {
      const size = fs.fstatSync(fd).size;
      const buf = Buffer.alloc(Math.max(0, size - offset));
      fs.readSync(fd, buf, 0, buf.length, offset);
      text = buf.toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return undefined; // no log yet
  }
  for (const line of text.trim().split('\n').reverse()) {
    if (!line.includes('"level":"fatal"') && !line.startsWith('Unable')) continue;
    let why = line;
    try {
      const j = JSON.parse(line);
      why = `${j.msg}: ${j.error || ''}`;
    } catch {
      /* a plain line */
    }
    // Go wraps errors outside-in: the cause is at the end.
    why = why.trim();
    return why.length > 240 ? `…${why.slice(-240)}` : why;
  }
  return undefined;
}

const allPorts = (frontendPort) => clusterHosts(frontendPort).flatMap((h) => [h.grpc, h.membership, ...(h.http ? [h.http] : [])]);

function configYaml({ host, hosts, pgPort, logLevel, dynamicConfigFile }) {
  const store = (db, conns) => `      sql:
        pluginName: postgres12
        databaseName: ${db}
        connectAddr: 127.0.0.1:${pgPort}
        connectProtocol: tcp
        user: postgres
        password: ""
        maxConns: ${conns}
        maxIdleConns: ${conns}
        maxConnLifetime: 1h`;
  const svc = (name) => {
    // Every process reads only its own service's entry; for history that is this host's.
    const h = host.service === name ? host : hosts.find((x) => x.service === name);
    return `  ${name}:
    rpc:
      grpcPort: ${h.grpc}
      membershipPort: ${h.membership}
      bindOnLocalHost: true${h.http ? `\n      httpPort: ${h.http}` : ''}`;
  };
  const frontend = hosts.find((h) => h.service === 'frontend');
  return `# Written by scripts/lib/cluster.js for the ${host.name} process; regenerated at every start.
log:
  stdout: true
  level: ${logLevel}
persistence:
  defaultStore: default
  visibilityStore: visibility
  numHistoryShards: ${NUM_HISTORY_SHARDS}
  datastores:
    default:
${store('temporal', 10)}
    visibility:
${store('temporal_visibility', 4)}
global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: 127.0.0.1
  pprof:
    port: 0
services:
${['frontend', 'history', 'matching', 'worker'].map(svc).join('\n')}
clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: active
  currentClusterName: active
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: frontend
      rpcAddress: 127.0.0.1:${frontend.grpc}
      httpAddress: 127.0.0.1:${frontend.http}
dcRedirectionPolicy:
  policy: noop
publicClient:
  hostPort: 127.0.0.1:${frontend.grpc}
dynamicConfigClient:
  filepath: ${dynamicConfigFile}
  pollInterval: 10s
`;
}

// Settings the dev server also uses so a namespace and its search attributes are usable
// within seconds of their creation rather than after the default cache refresh.
const DYNAMIC_CONFIG = `system.forceSearchAttributesCacheRefreshOnRead:
  - value: true
system.namespaceCacheRefreshInterval:
  - value: 2s
limit.maxIDLength:
  - value: 255
`;

async function ensureDatabases(adminUrl, names) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const db of names) {
      const r = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [db]);
      if (r.rowCount === 0) await client.query(`CREATE DATABASE "${db}"`);
    }
  } finally {
    await client.end();
  }
}

async function hasSchemaVersion(adminUrl, db) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: adminUrl.replace(/\/[^/]*$/, `/${db}`) });
  await client.connect();
  try {
    const r = await client.query("SELECT to_regclass('public.schema_version') IS NOT NULL AS present");
    return r.rows[0].present;
  } finally {
    await client.end();
  }
}

/** temporal-sql-tool setup-schema (first time) and update-schema (always; a no-op when current). True when new. */
async function ensureSchemas({ sqlTool, schemaDir, pgPort, adminUrl, step }) {
  let created = false;
  const base = ['--plugin', 'postgres12', '--ep', '127.0.0.1', '-p', String(pgPort), '-u', 'postgres'];
  for (const [db, dir] of [
    ['temporal', 'temporal'],
    ['temporal_visibility', 'visibility'],
  ]) {
    const run = (args) => {
      const r = spawnSync(sqlTool, [...base, '--db', db, ...args], { encoding: 'utf8' });
      if (r.status !== 0)
        throw new Error(`temporal-sql-tool ${args[0]} on ${db} failed: ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' ')}`);
    };
    if (!(await hasSchemaVersion(adminUrl, db))) {
      step(`creating Temporal's ${db} schema (temporal-sql-tool setup-schema)`);
      run(['setup-schema', '-v', '0.0']);
      created = true;
    }
    run(['update-schema', '-d', path.join(schemaDir, dir, 'versioned')]);
  }
  return created;
}

const INDEXED = { Keyword: 2, Text: 1, Int: 3, Double: 4, Bool: 5, Datetime: 6, KeywordList: 7 };

/** The namespace (30 days' retention of closed cases) and the project's custom search attributes. */
async function ensureNamespace(address, namespace, step, timeoutMs = 120_000) {
  const { Connection } = require('@temporalio/client');
  const until = Date.now() + timeoutMs;
  let last;
  while (Date.now() < until) {
    let conn;
    try {
      conn = await Connection.connect({ address, connectTimeout: 2000 });
      try {
        await conn.workflowService.describeNamespace({ namespace });
      } catch (e) {
        if (e.code !== 5) throw e; // 5 = NOT_FOUND
        step(`registering the Temporal namespace "${namespace}"`);
        await conn.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: { seconds: 30 * 24 * 3600 } });
      }
      const have = await conn.operatorService.listSearchAttributes({ namespace });
      const missing = Object.entries(searchAttributes).filter(([name]) => !(name in (have.customAttributes || {})));
      if (missing.length) {
        step(`registering the custom search attributes ${missing.map(([n]) => n).join(', ')}`);
        await conn.operatorService.addSearchAttributes({
          namespace,
          searchAttributes: Object.fromEntries(missing.map(([n, t]) => [n, INDEXED[t]])),
        });
      }
      // Usable = the history hosts own their shards and the namespace is in every cache.
      await conn.workflowService.listWorkflowExecutions({ namespace, pageSize: 1 });
      await conn.workflowService.describeTaskQueue({ namespace, taskQueue: { name: 'cluster-readiness-probe' }, taskQueueType: 1 });
      return;
    } catch (e) {
      last = e;
      await sleep(500);
    } finally {
      if (conn) await conn.close().catch(() => undefined);
    }
  }
  throw new Error(
    `Temporal cluster at ${address}: namespace ${namespace} not usable within ${timeoutMs / 1000} s: ${last && last.message}`,
  );
}

/**
 * Starts the cluster's processes (schemas first), returns {address, hosts, children,
 * startHost(name), stop}. `onExit(host, exit, restart)` is called when a host exits on its own
 * (also while the cluster is still starting).
 */
async function startCluster({
  server,
  sqlTool,
  schemaDir,
  pgPort,
  adminUrl,
  dir,
  frontendPort = 7233,
  namespace = 'default',
  logLevel = 'warn',
  step = () => undefined,
  onExit,
}) {
  await ensureDatabases(adminUrl, ['temporal', 'temporal_visibility']);
  const fresh = await ensureSchemas({ sqlTool, schemaDir, pgPort, adminUrl, step });
  const configDir = path.join(dir, 'config');
  fs.mkdirSync(configDir, { recursive: true });
  const dynamicConfigFile = path.join(configDir, 'dynamicconfig.yaml');
  fs.writeFileSync(dynamicConfigFile, DYNAMIC_CONFIG);
  const hosts = clusterHosts(frontendPort);
  const children = new Map();
  let stopping = false;

  const startHost = (name) => {
    const host = hosts.find((h) => h.name === name);
    const file = path.join(configDir, `${host.name}.yaml`);
    fs.writeFileSync(file, configYaml({ host, hosts, pgPort, logLevel, dynamicConfigFile }));
    const logFile = path.join(dir, `${host.name}.log`);
    const offset = fs.existsSync(logFile) ? fs.statSync(logFile).size : 0;
    const child = startChild(
      `temporal-${host.name}`,
      server,
      ['--config-file', file, '--allow-no-auth', 'start', '--service', host.service],
      {
        cwd: dir,
        logFile,
      },
    );
    child.host = host;
    children.set(name, child);
    child.exited.then(async (exit) => {
      if (stopping || children.get(name) !== child || !onExit) return;
      await sleep(100); // the log stream flushes after the exit event
      onExit(host, { ...exit, why: fatalSince(logFile, offset) }, () => startHost(name));
    });
    return child;
  };
  const address = `127.0.0.1:${frontendPort}`;
  try {
    // On new databases history-1 first and alone: the first host initialises the cluster
    // metadata, and hosts started together race on it (the losers exit and are restarted).
    // Frontend last: it serves clients only once history and matching have joined.
    startHost('history-1');
    if (fresh) await waitForPort(hosts[1].grpc, '127.0.0.1', 120_000);
    for (const h of hosts.filter((x) => x.name !== 'frontend' && x.name !== 'history-1')) startHost(h.name);
    startHost('frontend');
    // No child given: a host that exits is started again (onExit), its port opens later.
    await Promise.all(hosts.map((h) => waitForPort(h.grpc, '127.0.0.1', 120_000)));
    await ensureNamespace(address, namespace, step);
  } catch (e) {
    stopping = true;
    await Promise.all([...children.values()].map((c) => stopChild(c, 'SIGTERM', 10_000)));
    throw e;
  }
  return {
    address,
    namespace,
    hosts,
    children,
    startHost,
    /** Frontend first (no new calls), then the rest together. */
    stop: async () => {
      stopping = true;
      await stopChild(children.get('frontend'), 'SIGTERM', 10_000);
      await Promise.all([...children.values()].map((c) => stopChild(c, 'SIGTERM', 10_000)));
    },
  };
}

module.exports = { startCluster, clusterHosts, allPorts, highestMembershipPort, MAX_MEMBERSHIP_PORT, NUM_HISTORY_SHARDS };
