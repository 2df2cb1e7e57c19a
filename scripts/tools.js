#!/usr/bin/env node
'use strict';
// Installs the pinned Temporal binaries into .tools/ (run by `npm install` as
// postinstall, and again, as a no-op when present, by `npm start` and `npm test`).
const { ensureTemporalCli, ensureTestServer } = require('./lib/tools');
const { step } = require('./lib/log');

if (process.env.DISCLOSURE_SKIP_TOOLS === '1') process.exit(0);
try {
  const cli = ensureTemporalCli();
  const ts = ensureTestServer();
  if (!process.argv.includes('--quiet-if-present')) step(`temporal: ${cli}\n  test server: ${ts}`);
} catch (e) {
  // postinstall must not break `npm ci` for someone who only wants to read the
  // code; `npm start` / `npm test` run the same check and fail loudly.
  step(`warning: ${e.message}`);
}
