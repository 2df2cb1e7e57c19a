import { type NativeConnection, Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createActivities } from '../../activities';
import type { DeadlineCalculator } from '../../activities/deadline-calculator';

export interface WorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  dataSource: DataSource;
  deadlines: DeadlineCalculator;
  /** A prebuilt bundle (bundleWorkflowCode); otherwise the workflows are bundled at start. */
  workflowBundlePath?: string;
}

export function workflowsPath(): string {
  return require.resolve('../../workflows');
}

export async function createWorker(o: WorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: o.connection,
    namespace: o.namespace,
    taskQueue: o.taskQueue,
    ...(o.workflowBundlePath ? { workflowBundle: { codePath: o.workflowBundlePath } } : { workflowsPath: workflowsPath() }),
    activities: createActivities({ ds: o.dataSource, deadlines: o.deadlines }),
  });
}
