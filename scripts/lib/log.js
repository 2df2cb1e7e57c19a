'use strict';
// Progress lines for the set-up steps: one visible line per step, so a user on a
// fresh clone sees what is being installed or started and why it takes time.
const step = (msg) => process.stderr.write(`[disclosure-engine] ${msg}\n`);
const fail = (msg) => {
  process.stderr.write(`[disclosure-engine] ERROR: ${msg}\n`);
  process.exit(1);
};
module.exports = { step, fail };
