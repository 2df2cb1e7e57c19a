import type { Client } from '@temporalio/client';
import { type NativeConnection, Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../libs/config/config';
import type { MessageSettings } from '../../libs/persistence/message-outbox.repository';
import { createActivities, type ActivityDeps } from '../../activities';
import type { DeadlineCalculator } from '../../activities/deadline-calculator';
import { OUTBOX_DELIVERY_WORKFLOW_TYPE, outboxDeliveryWorkflowId } from '../../libs/contracts/outbox';
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
  /** Messages: tracking link, quiet hours, transports and outbox polling (activities/index.ts). */
  messages?: Pick<ActivityDeps, 'messages' | 'transports' | 'outboxPollMs'>;
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
    activities: createActivities({ ds: o.dataSource, deadlines: o.deadlines, workflowBundlePath: o.workflowBundlePath, ...o.messages }),
    // Most cases sleep for weeks on their timers; holding them all in the cache
    // would grow the worker by ~0.6 MiB per open case.
    maxCachedWorkflows: o.maxCachedWorkflows ?? 500,
  });
}

/**
 * Starts the task queue's outbox delivery unless it runs already (every worker calls this at
 * start; the first one starts it, the others find it).
 */
export async function ensureOutboxDelivery(client: Client, taskQueue: string, roundMs?: number): Promise<void> {
  await client.workflow.start(OUTBOX_DELIVERY_WORKFLOW_TYPE, {
    workflowId: outboxDeliveryWorkflowId(taskQueue),
    taskQueue,
    args: [roundMs !== undefined ? { roundMs } : {}],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
}

/** The messages' tracking link and staff quiet hours, from the configuration. */
export const messageSettingsOf = (config: AppConfig): MessageSettings => ({
  publicBaseUrl: config.publicPortal.baseUrl,
  quietHours: config.messages.quietHours,
});
