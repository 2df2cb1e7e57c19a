// The whole system in one test process: the NestJS API, a Temporal worker on the
// shared dev server, and a fresh PostgreSQL database.
import type { INestApplication } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/app.factory';
import { createWorker, ensureOutboxDelivery, messageSettingsOf } from '../../apps/worker/worker.factory';
import { outboxDeliveryWorkflowId } from '../../libs/contracts/outbox';
import { transportsFrom } from '../../libs/messages/transports';
import { createDeadlineCalculator } from '../../activities/calendar-deadline-calculator';
import { loadConfig, type AppConfig } from '../../libs/config/config';
import { createDataSource } from '../../libs/persistence/data-source';
import { createTestDatabase, temporalAddress, workflowBundlePath } from './services';

export interface Stack {
  app: INestApplication;
  http: ReturnType<INestApplication['getHttpServer']>;
  config: AppConfig;
  dataSource: DataSource;
  temporal: Client;
  /** Shuts the worker down (its cached cases are dropped) and starts a fresh one. */
  restartWorker(): Promise<void>;
  stop(): Promise<void>;
}

export interface StackOptions {
  /** Extra environment (e.g. SMTP_URL, SMS_GATEWAY_URL, PUBLIC_CHALLENGE). */
  env?: Record<string, string>;
  /** Start the task queue's outbox delivery workflow (terminated by stop()). */
  outboxDelivery?: boolean;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const db = await createTestDatabase();
  const config = loadConfig({
    PUBLIC_CHALLENGE: 'off',
    DATABASE_URL: db.url,
    JWT_SECRET: randomBytes(24).toString('hex'),
    TEMPORAL_ADDRESS: temporalAddress(),
    // The bundle global setup built once: the worker runs it and the API's replay checks against it.
    WORKFLOW_BUNDLE_PATH: workflowBundlePath(),
    // One task queue per test file, so files never steal each other's tasks.
    TEMPORAL_TASK_QUEUE: `test-${randomBytes(4).toString('hex')}`,
    LOG_LEVEL: 'warn',
    OUTBOX_POLL_MS: '200',
    ...options.env,
  });
  const dataSource = createDataSource(config.databaseUrl, { poolSize: 5 });
  await dataSource.initialize();
  const workerConnection = await NativeConnection.connect({ address: config.temporal.address });
  const deadlines = await createDeadlineCalculator(dataSource);
  const newWorker = (): Promise<Worker> =>
    createWorker({
      connection: workerConnection,
      namespace: config.temporal.namespace,
      taskQueue: config.temporal.taskQueue,
      dataSource,
      deadlines,
      workflowBundlePath: config.temporal.workflowBundlePath,
      messages: {
        messages: messageSettingsOf(config),
        transports: transportsFrom(config.messages),
        outboxPollMs: config.messages.outboxPollMs,
      },
    });
  let worker = await newWorker();
  let running = worker.run();
  const connection = await Connection.connect({ address: config.temporal.address });
  const temporal = new Client({ connection, namespace: config.temporal.namespace });
  const app = await createApiApp({ config, dataSource, temporal });
  await app.init();
  // Rounds of 2 s, so a restarted worker takes the delivery over quickly.
  if (options.outboxDelivery) await ensureOutboxDelivery(temporal, config.temporal.taskQueue, 2000);
  return {
    app,
    http: app.getHttpServer(),
    config,
    dataSource,
    temporal,
    async restartWorker() {
      worker.shutdown();
      await running;
      worker = await newWorker();
      running = worker.run();
    },
    async stop() {
      await app.close();
      {
        // Started by the options or by the test itself.
        await temporal.workflow
          .getHandle(outboxDeliveryWorkflowId(config.temporal.taskQueue))
          .terminate('test over')
          .catch(() => undefined);
      }
      worker.shutdown();
      await running;
      await workerConnection.close();
      await connection.close();
      await dataSource.destroy();
      await db.drop();
    },
  };
}
