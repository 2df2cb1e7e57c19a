// Builds the workflow bundle the way the worker does; CI runs it so that a
// workflow importing something non-deterministic (Node, Nest, TypeORM) fails the build.
import { writeFileSync } from 'node:fs';
import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowBundlerOptions } from './bundler-options';
import { workflowsPath } from './worker.factory';

export async function buildWorkflowBundle(outFile?: string): Promise<string> {
  const { code } = await bundleWorkflowCode({ workflowsPath: workflowsPath(), ...workflowBundlerOptions, logger: undefined });
  if (outFile) writeFileSync(outFile, code);
  return code;
}

if (require.main === module) {
  const out = process.argv[2];
  buildWorkflowBundle(out)
    .then((code) => console.log(`workflow bundle ok (${(code.length / 1024).toFixed(0)} KiB)${out ? ` -> ${out}` : ''}`))
    .catch((e) => {
      console.error(`workflow bundle failed: ${e.message}`);
      process.exit(1);
    });
}
