'use strict';
// Builds the web app (apps/web, React + Vite) into apps/web/dist when its sources are newer than
// the last build, so `npm start` always serves the current workbench without a manual step.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { root } = require('./paths');
const { step } = require('./log');

const web = path.join(root, 'apps', 'web');
const dist = path.join(web, 'dist');

function newest(p) {
  let st;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  if (p === dist || path.basename(p) === 'node_modules') return 0;
  return Math.max(st.mtimeMs, ...fs.readdirSync(p).map((n) => newest(path.join(p, n))));
}

/** Whether apps/web/dist is missing or older than a source of the app (or the lockfile). */
function webStale() {
  if (!fs.existsSync(path.join(web, 'index.html'))) return false;
  const built = newest(path.join(dist, 'index.html'));
  return built === 0 || Math.max(newest(web), newest(path.join(root, 'package-lock.json'))) > built;
}

/** Builds the web app when stale; returns false when the build failed. */
function buildWebIfStale(withDeathSignal = (cmd, args) => [cmd, args]) {
  if (!fs.existsSync(path.join(web, 'index.html'))) return true;
  if (!webStale()) return true;
  step('building the web app (vite build, apps/web -> apps/web/dist)');
  const started = Date.now();
  const r = spawnSync(
    ...withDeathSignal(process.execPath, [
      path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      path.join(web, 'vite.config.ts'),
      '--logLevel',
      'warn',
    ]),
    { cwd: root, stdio: 'inherit' },
  );
  if (r.status !== 0) {
    step('web app build failed');
    return false;
  }
  step(`web app built (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return true;
}

module.exports = { buildWebIfStale, webStale, webDist: dist };
