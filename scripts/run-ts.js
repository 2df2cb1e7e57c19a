#!/usr/bin/env node
// Runs a TypeScript entry point without a build step (type-checking is the job of
// `npm run typecheck` and CI; here we only transpile, so start-up stays fast).
'use strict';
const path = require('node:path');
require('ts-node').register({
  transpileOnly: true,
  project: path.join(__dirname, '..', 'tsconfig.json'),
});
const entry = process.argv[2];
if (!entry) {
  console.error('usage: node scripts/run-ts.js <file.ts> [args...]');
  process.exit(2);
}
// The entry point becomes the main module, as with `node file.js`: it sees its own args
// at argv[2..] and `require.main === module` holds in it (the CLIs' main blocks).
process.argv.splice(1, 2, path.resolve(entry));
require('node:module').runMain();
