// Re-records every replay history after an intentional workflow change:
//   node scripts/run-ts.js test/replay/record.ts [scenario-name ...]
// Runs each scenario of scenarios.ts on the time-skipping test server with the
// in-memory activities of the workflow tests and writes test/replay/histories/<name>.json.
import { historyToJSON } from './history-json';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RecordingHarness, scenarios } from './scenarios';

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const only = process.argv.slice(2);
  const chosen = only.length ? scenarios.filter((s) => only.includes(s.name)) : scenarios;
  if (only.length && chosen.length !== only.length) throw new Error(`unknown scenario; known: ${scenarios.map((s) => s.name).join(', ')}`);
  for (const s of chosen) {
    // A fresh time-skipping server per case: time skipped for one case never leaks into the next.
    const h = new RecordingHarness();
    await h.start();
    try {
      const started = Date.now();
      const handle = await s.run(h);
      await handle.result(); // every recorded case runs to its end
      const history = await handle.fetchHistory();
      const file = join(__dirname, 'histories', `${s.name}.json`);
      writeFileSync(file, historyToJSON(history) + '\n');
      console.log(`recorded ${s.name}: ${history.events?.length} events in ${Date.now() - started} ms -> ${file}`);
    } finally {
      await h.stop();
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
