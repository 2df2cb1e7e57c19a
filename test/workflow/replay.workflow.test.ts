// Replays the committed histories of test/replay/histories against the current
// workflow code: a change that is not replay-safe (a new or reordered command
// without patched()) fails here. Re-record after an intentional change:
//   node scripts/run-ts.js test/replay/record.ts   (see test/replay/README.md)
import { bundleWorkflowCode, DefaultLogger, Worker, type WorkflowBundle } from '@temporalio/worker';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workflowBundlerOptions } from '../../apps/worker/bundler-options';
import { historyFromJSON } from '../replay/history-json';
import { scenarios } from '../replay/scenarios';

const dir = join(__dirname, '..', 'replay', 'histories');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('applicationWorkflow replays its recorded histories', () => {
  let workflowBundle: WorkflowBundle;
  beforeAll(async () => {
    workflowBundle = await bundleWorkflowCode({
      workflowsPath: require.resolve('../../workflows'),
      ...workflowBundlerOptions,
      logger: new DefaultLogger('WARN'),
    });
  });

  it('has a recorded history for every scenario', () => {
    // <name>.json, plus <name>.<tag>.json recorded after a patched() change (record.ts --as-of <tag>).
    const scenarioOf = (f: string) => f.replace(/(\.[a-z0-9-]+)?\.json$/, '');
    expect([...new Set(files.map(scenarioOf))].sort()).toEqual(scenarios.map((s) => s.name).sort());
    expect(files).toEqual(expect.arrayContaining(scenarios.map((s) => `${s.name}.json`)));
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  it.each(files)('%s', async (file) => {
    const history = historyFromJSON(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    expect(history.events?.length).toBeGreaterThan(10);
    // Throws DeterminismViolationError (or the workflow's own failure) when the code no longer fits the history.
    await Worker.runReplayHistory({ workflowBundle }, history, file.replace(/\.json$/, ''));
  });
});
