import { type NativeConnection, Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createActivities } from '../../activities';
import type { DeadlineCalculator } from '../../activities/deadline-calculator';
import { workflowBundlerOptions } from './bundler-options';

export interface WorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  dataSource: DataSource;
  deadlines: DeadlineCalculator;
  /** A prebuilt bundle (bundleWorkflowCode); otherwise the workflows are bundled at start. */
  workflowBundlePath?: string;
  /** Workflows kept in memory between tasks; a case waiting on a timer is replayed when it wakes. */
  maxCachedWorkflows?: number;
}

export function workflowsPath(): string {
  return require.resolve('../../workflows');
}

export async function createWorker(o: WorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: o.connection,
    namespace: o.namespace,
    taskQueue: o.taskQueue,
    ...(o.workflowBundlePath
      ? { workflowBundle: { codePath: o.workflowBundlePath } }
      : { workflowsPath: workflowsPath(), bundlerOptions: workflowBundlerOptions }),
    activities: createActivities({ ds: o.dataSource, deadlines: o.deadlines }),
    // Most cases sleep for weeks on their timers; holding them all in the cache
    // would grow the worker by ~0.6 MiB per open case.
    maxCachedWorkflows: o.maxCachedWorkflows ?? 500,
  });
}
