// The whole system in one test process: the NestJS API, a Temporal worker on the
// shared dev server, and a fresh PostgreSQL database.
import type { INestApplication } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/app.factory';
import { createWorker } from '../../apps/worker/worker.factory';
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

export async function startStack(): Promise<Stack> {
  const db = await createTestDatabase();
  const config = loadConfig({
    DATABASE_URL: db.url,
    JWT_SECRET: randomBytes(24).toString('hex'),
    TEMPORAL_ADDRESS: temporalAddress(),
    // One task queue per test file, so files never steal each other's tasks.
    TEMPORAL_TASK_QUEUE: `test-${randomBytes(4).toString('hex')}`,
    LOG_LEVEL: 'warn',
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
      workflowBundlePath: workflowBundlePath(),
    });
  let worker = await newWorker();
  let running = worker.run();
  const connection = await Connection.connect({ address: config.temporal.address });
  const temporal = new Client({ connection, namespace: config.temporal.namespace });
  const app = await createApiApp({ config, dataSource, temporal });
  await app.init();
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
      worker.shutdown();
      await running;
      await workerConnection.close();
      await connection.close();
      await dataSource.destroy();
      await db.drop();
    },
  };
}
