'use strict';
// A real PostgreSQL server started by the project itself (embedded mode), with its
// data in a folder of our own. PostgreSQL refuses to run as root; when we are root
// we run it in a user namespace where we appear as an ordinary user (our files
// stay owned by us, so any folder we can write works, including 0700 temp dirs).
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { startChild, stopChild, waitForPort, sleep } = require('./proc');

function userNamespacePrefix() {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return [];
  const probe = spawnSync('unshare', ['--user', '--map-user=1000', '--map-group=1000', 'true']);
  if (probe.status === 0) return ['unshare', '--user', '--map-user=1000', '--map-group=1000'];
  throw new Error(
    'running as root: PostgreSQL will not start as root and user namespaces (unshare --user) are unavailable; ' +
      'run as an ordinary user or set DATABASE_URL to an existing server.',
  );
}

function withPrefix(prefix, cmd, args) {
  return prefix.length ? [prefix[0], [...prefix.slice(1), cmd, ...args]] : [cmd, args];
}

/**
 * Starts PostgreSQL on 127.0.0.1:port with data in dataDir (initialised on first
 * use) and returns {url, child, stop}. Creates `database` if it does not exist.
 */
async function startPostgres({ binDir, dataDir, port, database = 'disclosure', logFile, fsync = true }) {
  const prefix = userNamespacePrefix();
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    const [cmd, args] = withPrefix(prefix, path.join(binDir, 'initdb'), [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C',
      ...(fsync ? [] : ['--no-sync']),
    ]);
    const r = spawnSync(cmd, args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`initdb failed: ${r.stderr || r.stdout}`);
  }
  const settings = ['-c', 'unix_socket_directories=', '-c', 'max_connections=200'];
  if (!fsync) settings.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  const [cmd, args] = withPrefix(prefix, path.join(binDir, 'postgres'), [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-h',
    '127.0.0.1',
    ...settings,
  ]);
  // If we die without stopping it: SIGINT, PostgreSQL's fast shutdown (a plain
  // SIGTERM would wait for clients; the postmaster stops its own children).
  const child = startChild('postgres', cmd, args, { logFile, deathSignal: 'SIGINT' });
  await waitForPort(port, '127.0.0.1', 60_000, child);

  const { Client } = require('pg');
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  for (let attempt = 0; ; attempt++) {
    const client = new Client({ connectionString: adminUrl });
    try {
      await client.connect();
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
      await client.end();
      break;
    } catch (e) {
      await client.end().catch(() => undefined);
      // "the database system is starting up" right after the port opens
      if (attempt > 100) throw e;
      await sleep(100);
    }
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/${database}`,
    adminUrl,
    child,
    // SIGINT = PostgreSQL's "fast" shutdown: roll back open transactions, checkpoint, exit.
    stop: () => stopChild(child, 'SIGINT', 15_000),
  };
}

module.exports = { startPostgres };
