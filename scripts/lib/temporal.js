'use strict';
// The Temporal CLI's development server: the real Temporal server with SQLite
// (a file for `npm start`, memory for tests) and, for `npm start`, its Web UI.
const { startChild, stopChild, waitForPort } = require('./proc');
const { searchAttributes } = require('../../libs/contracts/search-attributes.json');

async function startTemporal({ cli, port, uiPort, dbFile, headless = false, namespace = 'default', logFile }) {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--namespace', namespace, '--log-level', 'warn'];
  if (dbFile) args.push('--db-filename', dbFile);
  if (headless) args.push('--headless');
  else args.push('--ui-port', String(uiPort), '--ui-ip', '127.0.0.1');
  for (const [name, type] of Object.entries(searchAttributes)) args.push('--search-attribute', `${name}=${type}`);
  const child = startChild('temporal', cli, args, { logFile });
  await waitForPort(port, '127.0.0.1', 90_000, child);
  // The frontend port opens before the namespace is ready; ask the server itself.
  const { Connection } = require('@temporalio/client');
  const address = `127.0.0.1:${port}`;
  const until = Date.now() + 60_000;
  for (;;) {
    try {
      const conn = await Connection.connect({ address, connectTimeout: 2000 });
      await conn.workflowService.describeNamespace({ namespace });
      await conn.close();
      break;
    } catch (e) {
      if (Date.now() > until) throw new Error(`Temporal at ${address} not ready: ${e.message}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  return { address, namespace, child, stop: () => stopChild(child, 'SIGTERM', 10_000) };
}

module.exports = { startTemporal };
