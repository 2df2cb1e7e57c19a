#!/usr/bin/env node
'use strict';
// `npm test`: installs what is missing, then type-checks, lints, bundles the
// workflows (a non-deterministic import fails here) and runs every jest tier
// against the real pieces. Extra arguments go to jest (e.g. `npm test -- --selectProjects unit`).
const { spawnSync } = require('node:child_process');
const { ensureNodeModules, ensureTools } = require('./lib/ensure');
const { root } = require('./lib/paths');
const { step } = require('./lib/log');

ensureNodeModules();
const tools = ensureTools({ testServer: true });
const env = {
  ...process.env,
  TEMPORAL_CLI_PATH: tools.temporal,
  TEMPORAL_TEST_SERVER_PATH: tools.testServer,
  ...(tools.pgBin ? { POSTGRES_BIN_DIR: tools.pgBin } : {}),
};
// Tests start their own servers; a developer's DATABASE_URL must not leak into them.
delete env.DATABASE_URL;

const jestArgs = process.argv.slice(2);
const quick = jestArgs.length > 0; // a focused run skips the whole-repo checks
const run = (label, cmd, args) => {
  step(label);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit' });
  if (r.status !== 0) {
    step(`${label}: FAILED`);
    process.exit(r.status || 1);
  }
  step(`${label}: ok (${((Date.now() - started) / 1000).toFixed(1)} s)`);
};
const bin = (pkg, rel) => require('node:path').join(root, 'node_modules', pkg, rel);

if (!quick) {
  run('type-check (tsc --noEmit)', process.execPath, [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.json', '--noEmit']);
  run('lint (eslint)', process.execPath, [bin('eslint', 'bin/eslint.js'), '.']);
  run('format (prettier --check)', process.execPath, [bin('prettier', 'bin/prettier.cjs'), '--check', '.', '--log-level', 'warn']);
}
// jest's own summary is not one CI's log reader knows; print the plain closing line too.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jest-report-')), 'report.json');
const { clusterBuildPresent, SERVER_VERSION } = require('./lib/cluster-tools');
step(
  clusterBuildPresent()
    ? `jest: unit, workflow, integration, e2e, browser, faults and cluster tiers (Temporal Server ${SERVER_VERSION} build found in .tools/temporal-server)`
    : 'jest: unit, workflow, integration, e2e, browser and faults tiers (cluster tier skipped: no Temporal Server build in .tools; `npm run build:cluster` adds it)',
);
const started = Date.now();
const r = spawnSync(process.execPath, [bin('jest', 'bin/jest.js'), '--ci', '--json', `--outputFile=${report}`, ...jestArgs], {
  cwd: root,
  env,
  stdio: 'inherit',
});
let summary;
try {
  summary = JSON.parse(fs.readFileSync(report, 'utf8'));
} catch {
  summary = undefined;
}
if (summary) {
  const { numPassedTests: passed, numPendingTests: skipped, numTotalTestSuites: suites } = summary;
  // A suite that fails to run (a syntax error, a throwing import) has no failed test of its
  // own; count it as one, so the closing line never says 0 failed when something did.
  const failed = summary.numFailedTests + summary.numRuntimeErrorTestSuites;
  step(`jest: ${suites} suites in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.stdout.write(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
}
process.exit(r.status === 0 && summary && summary.numTotalTests > 0 ? 0 : r.status || 1);
