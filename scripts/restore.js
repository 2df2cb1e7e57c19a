#!/usr/bin/env node
'use strict';
// `npm run restore -- <folder>`: brings a STOPPED system (.data/ or
// DISCLOSURE_DATA_DIR) back to a backup written by `npm run backup`. Refuses while
// the system runs, and when a file does not match the manifest's SHA-256. Data
// already there is moved aside (…-replaced-<time>), never deleted.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { data } = require('./lib/paths');
const { step, fail } = require('./lib/log');
const { refuseIfRunning, sha256 } = require('./backup');

function main() {
  if (!process.argv[2]) fail('restore: name the backup folder: npm run restore -- <folder>');
  const from = path.resolve(process.argv[2]);
  const manifestFile = path.join(from, 'manifest.json');
  if (!fs.existsSync(manifestFile)) fail(`restore: ${manifestFile} not found: not a backup folder`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  if (manifest.format !== 'disclosure-engine-backup/1') fail(`restore: unknown backup format ${manifest.format}`);
  for (const f of manifest.files) {
    const p = path.join(from, f.name);
    if (!fs.existsSync(p) || fs.statSync(p).size !== f.size || sha256(p) !== f.sha256)
      fail(`restore: ${f.name} does not match the manifest (size or SHA-256): the backup is damaged`);
  }
  fs.mkdirSync(data, { recursive: true });
  refuseIfRunning('restore');

  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  for (const name of ['postgres', 'temporal.db', 'temporal.db-wal', 'temporal.db-shm', 'jwt-secret']) {
    const p = path.join(data, name);
    if (fs.existsSync(p)) {
      fs.renameSync(p, `${p}-replaced-${stamp}`);
      step(`moved the current ${name} aside to ${path.basename(p)}-replaced-${stamp}`);
    }
  }
  const tar = spawnSync('tar', ['-xzf', path.join(from, 'postgres.tar.gz'), '-C', data], { encoding: 'utf8' });
  if (tar.status !== 0) fail(`restore: tar failed: ${tar.stderr}`);
  fs.chmodSync(path.join(data, 'postgres'), 0o700);
  fs.copyFileSync(path.join(from, 'temporal.db'), path.join(data, 'temporal.db'));
  if (fs.existsSync(path.join(from, 'jwt-secret'))) fs.copyFileSync(path.join(from, 'jwt-secret'), path.join(data, 'jwt-secret'));
  step(`restored ${data} from the backup of ${manifest.createdAt} (${manifest.versions.app}, PostgreSQL ${manifest.versions.postgres})`);
  step('start the system with `npm start`');
}

main();
