'use strict';
// First step of `npm start` and `npm test`: install whatever a fresh clone lacks.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { root, nodeModules } = require('./paths');
const { step, fail } = require('./log');

function nodeModulesStale() {
  const marker = path.join(nodeModules, '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (!fs.existsSync(marker)) return 'absent';
  if (fs.statSync(marker).mtimeMs < fs.statSync(lock).mtimeMs) return 'older than package-lock.json';
  return undefined;
}

function ensureNodeModules() {
  const why = nodeModulesStale();
  if (!why) return;
  step(`node_modules ${why}: running npm ci (a minute or two on a fresh clone)`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) fail('npm ci failed (see above)');
  // npm ci keeps the lock file's mtime; touch the marker so the check above is stable.
  const now = new Date();
  fs.utimesSync(path.join(nodeModules, '.package-lock.json'), now, now);
}

function ensureTools({ testServer = false } = {}) {
  const tools = require('./tools');
  try {
    const temporal = tools.ensureTemporalCli();
    const testServerPath = testServer ? tools.ensureTestServer() : undefined;
    const pgBin = process.env.DATABASE_URL ? undefined : tools.findPostgresBin();
    return { temporal, testServer: testServerPath, pgBin };
  } catch (e) {
    return fail(e.message);
  }
}

module.exports = { ensureNodeModules, ensureTools };
