#!/usr/bin/env node
'use strict';
// `npm run backup [-- <folder>]`: a consistent backup of the embedded data of a
// STOPPED system (what `npm start` keeps in .data/, or DISCLOSURE_DATA_DIR):
//   - PostgreSQL: a cold copy of the data directory (tar.gz) taken after a clean
//     shutdown. This is consistent by construction. (A hot pg_dump is not offered:
//     the embedded server is PostgreSQL 17 and pg_dump refuses newer servers; for
//     production see the README, "Backups".)
//   - Temporal dev server: .data/temporal.db copied with `sqlite3 .backup` (SQLite's
//     online backup API; the dev server is stopped anyway, so the copy is exact).
//   - jwt-secret, so that sessions and logins survive a restore.
// A manifest.json lists every file with its size and SHA-256, the versions and the time.
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const { spawnSync } = require('node:child_process');
const { root, data } = require('./lib/paths');
const { step, fail } = require('./lib/log');
const { serversOf, postmasterLock } = require('./lib/recover');

const sha256 = (file) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function refuseIfRunning(what) {
  const pgDataDir = path.join(data, 'postgres');
  const dbFile = path.join(data, 'temporal.db');
  const servers = serversOf({ pgDataDir, dbFile });
  const lock = fs.existsSync(pgDataDir) ? postmasterLock(pgDataDir) : { state: 'none' };
  if (servers.postgres.length || servers.temporal.length || lock.state === 'live')
    fail(
      `${what}: the system is running on ${data} (PostgreSQL ${servers.postgres.join(', ') || '-'}, Temporal ${
        servers.temporal.join(', ') || '-'
      }); stop \`npm start\` (Ctrl-C) first`,
    );
  if (lock.state === 'stale')
    fail(`${what}: ${pgDataDir} was not shut down cleanly (stale postmaster.pid); run \`npm start\` once and stop it with Ctrl-C first`);
}

function versions(pgDataDir) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const git = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' });
  const tools = require('./lib/tools');
  let temporalCli;
  try {
    const r = spawnSync(tools.ensureTemporalCli(), ['--version'], { encoding: 'utf8' });
    temporalCli = (r.stdout || '').trim();
  } catch {
    temporalCli = 'unknown';
  }
  return {
    app: `${pkg.name}@${pkg.version}`,
    commit: git.status === 0 ? git.stdout.trim() : undefined,
    postgres: fs.readFileSync(path.join(pgDataDir, 'PG_VERSION'), 'utf8').trim(),
    temporalCli,
    temporalSdk: require('@temporalio/client/package.json').version,
    node: process.version,
  };
}

function main() {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const out = path.resolve(process.argv[2] || path.join(root, 'backups', stamp));
  const pgDataDir = path.join(data, 'postgres');
  const dbFile = path.join(data, 'temporal.db');
  if (!fs.existsSync(path.join(pgDataDir, 'PG_VERSION'))) fail(`backup: no PostgreSQL data in ${pgDataDir}`);
  if (!fs.existsSync(dbFile)) fail(`backup: no Temporal data in ${dbFile}`);
  refuseIfRunning('backup');
  if (fs.existsSync(out) && fs.readdirSync(out).length) fail(`backup: ${out} is not empty; name a new folder`);
  fs.mkdirSync(out, { recursive: true });

  step(`backing up ${data} to ${out}`);
  step('PostgreSQL: cold copy of the cleanly stopped data directory');
  const tar = spawnSync('tar', ['-czf', path.join(out, 'postgres.tar.gz'), '-C', data, 'postgres'], { encoding: 'utf8' });
  if (tar.status !== 0) fail(`backup: tar failed: ${tar.stderr}`);

  step('Temporal: sqlite3 .backup of temporal.db');
  const sq = spawnSync('sqlite3', [dbFile, `.backup '${path.join(out, 'temporal.db').replace(/'/g, "''")}'`], { encoding: 'utf8' });
  if (sq.error || sq.status !== 0) {
    // No sqlite3 on this machine: the dev server is stopped, so a plain copy is exact.
    step('sqlite3 not available; copying temporal.db (the dev server is stopped)');
    fs.copyFileSync(dbFile, path.join(out, 'temporal.db'));
  }
  const check = spawnSync('sqlite3', [path.join(out, 'temporal.db'), 'PRAGMA integrity_check;'], { encoding: 'utf8' });
  if (check.status === 0 && check.stdout.trim() !== 'ok') fail(`backup: temporal.db integrity check failed: ${check.stdout}`);

  const secret = path.join(data, 'jwt-secret');
  if (fs.existsSync(secret)) fs.copyFileSync(secret, path.join(out, 'jwt-secret'));

  const files = fs
    .readdirSync(out)
    .sort()
    .map((name) => ({ name, size: fs.statSync(path.join(out, name)).size, sha256: sha256(path.join(out, name)) }));
  const manifest = {
    format: 'disclosure-engine-backup/1',
    createdAt: new Date().toISOString(),
    source: data,
    method: {
      postgres: 'cold copy (tar.gz) of the data directory after a clean shutdown',
      temporal: sq.status === 0 ? 'sqlite3 .backup (online backup API), dev server stopped' : 'file copy, dev server stopped',
    },
    versions: versions(pgDataDir),
    files,
  };
  fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  for (const f of files) step(`  ${f.name}  ${f.size} bytes  sha256 ${f.sha256.slice(0, 16)}…`);
  step(`backup written to ${out}`);
  process.stdout.write(out + '\n');
}

if (require.main === module) main();
module.exports = { refuseIfRunning, sha256 };
