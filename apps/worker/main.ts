import 'reflect-metadata';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime } from '@temporalio/worker';
import { ConfigError, loadConfig } from '../../libs/config/config';
import { jsonLine } from '../../libs/logging/json-line';
import { TemporalJsonLogger } from '../../libs/logging/temporal-json-logger';
import { createDataSource } from '../../libs/persistence/data-source';
import { createDeadlineCalculator } from '../../activities/calendar-deadline-calculator';
import { transportsFrom } from '../../libs/messages/transports';
import { createWorker, ensureOutboxDelivery, messageSettingsOf } from './worker.factory';

async function main(): Promise<void> {
  const config = loadConfig();
  // JSON lines like the API's. The SDK logs every bundle and state change at INFO; keep that
  // for LOG_LEVEL=debug. The workflows' and activities' own logs follow LOG_LEVEL.
  const level = ({ debug: 'DEBUG', info: 'INFO', warn: 'WARN', error: 'ERROR' } as const)[config.logLevel];
  Runtime.install({
    logger: new TemporalJsonLogger(level, config.logLevel === 'debug' ? 'INFO' : config.logLevel === 'info' ? 'WARN' : 'ERROR'),
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
    workflowBundlePath: config.temporal.workflowBundlePath,
    maxCachedWorkflows: config.workerMaxCachedWorkflows,
    messages: {
      messages: messageSettingsOf(config),
      transports: transportsFrom(config.messages),
      outboxPollMs: config.messages.outboxPollMs,
    },
  });
  // The outbox delivery of this task queue (kept if another worker started it already).
  const clientConnection = await Connection.connect({ address: config.temporal.address });
  await ensureOutboxDelivery(new Client({ connection: clientConnection, namespace: config.temporal.namespace }), config.temporal.taskQueue);
  await clientConnection.close();
  const started = `worker: polling task queue ${config.temporal.taskQueue} on ${config.temporal.address}`;
  process.stdout.write(`${jsonLine({ level: 'info', message: started, context: 'worker' })}\n`);
  // run() resolves after SIGINT/SIGTERM, once in-flight tasks are done.
  await worker.run();
  await connection.close();
  await dataSource.destroy();
}

main().catch((err) => {
  const message = err instanceof ConfigError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err);
  process.stderr.write(`${jsonLine({ level: 'fatal', message, context: 'worker' })}\n`);
  process.exit(1);
});
