import 'reflect-metadata';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { ConfigError, loadConfig } from '../../libs/config/config';
import { createDataSource } from '../../libs/persistence/data-source';
import { createDeadlineCalculator } from '../../activities/calendar-deadline-calculator';
import { createWorker } from './worker.factory';

async function main(): Promise<void> {
  const config = loadConfig();
  // The SDK logs every bundle and state change at INFO; keep that for LOG_LEVEL=debug.
  Runtime.install({
    logger: new DefaultLogger(config.logLevel === 'debug' ? 'INFO' : config.logLevel === 'info' ? 'WARN' : 'ERROR'),
    // The SDK's own metrics (task latencies, slots, cache, polls) for Prometheus, when asked for.
    ...(config.workerMetricsAddress ? { telemetryOptions: { metrics: { prometheus: { bindAddress: config.workerMetricsAddress } } } } : {}),
  });
  const dataSource = createDataSource(config.databaseUrl, { applicationName: 'disclosure-worker' });
  await dataSource.initialize();
  const connection = await NativeConnection.connect({ address: config.temporal.address });
  const worker = await createWorker({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    dataSource,
    deadlines: await createDeadlineCalculator(dataSource),
    workflowBundlePath: process.env.WORKFLOW_BUNDLE_PATH || undefined,
    maxCachedWorkflows: config.workerMaxCachedWorkflows,
  });
  console.log(`worker: polling task queue ${config.temporal.taskQueue} on ${config.temporal.address}`);
  // run() resolves after SIGINT/SIGTERM, once in-flight tasks are done.
  await worker.run();
  await connection.close();
  await dataSource.destroy();
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
