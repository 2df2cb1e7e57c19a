// Re-records every replay history after an intentional workflow change:
//   node scripts/run-ts.js test/replay/record.ts [--as-of <tag>] [scenario-name ...]
// With --as-of, the histories are written as <name>.<tag>.json next to the older ones,
// so the cases recorded before a patched() change keep being replayed too.
// Runs each scenario of scenarios.ts on the time-skipping test server with the
// in-memory activities of the workflow tests and writes test/replay/histories/<name>.json.
import { historyToJSON } from './history-json';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RecordingHarness, scenarios } from './scenarios';

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const args = process.argv.slice(2);
  const at = args.indexOf('--as-of');
  const tag = at >= 0 ? args.splice(at, 2)[1] : undefined;
  if (at >= 0 && !/^[a-z0-9-]+$/.test(tag ?? '')) throw new Error('--as-of: expected a tag like local-registration');
  const only = args;
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
      const file = join(__dirname, 'histories', tag ? `${s.name}.${tag}.json` : `${s.name}.json`);
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
