import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { ConfigError, loadConfig } from '../../libs/config/config';
import { jsonLine } from '../../libs/logging/json-line';
import { createDataSource } from '../../libs/persistence/data-source';
import { createApiApp } from './app.factory';

async function main(): Promise<void> {
  const config = loadConfig();
  const dataSource = createDataSource(config.databaseUrl, { applicationName: 'disclosure-api' });
  await dataSource.initialize();
  // Lazy: the API starts (and /health answers 503) even while Temporal is down.
  const connection = Connection.lazy({ address: config.temporal.address });
  const temporal = new Client({ connection, namespace: config.temporal.namespace });
  const app = await createApiApp({ config, dataSource, temporal });
  await app.listen(config.port, process.env.HOST ?? '127.0.0.1');
  if (config.testClock) new Logger('api').warn('TEST_CLOCK=on (NODE_ENV=test): new cases accept the testClock signal');
  new Logger('api').log(`api: listening on http://127.0.0.1:${config.port} (OpenAPI at /api/docs)`);
  const stop = async () => {
    await app.close();
    await connection.close();
    await dataSource.destroy();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((err) => {
  const message = err instanceof ConfigError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err);
  process.stderr.write(`${jsonLine({ level: 'fatal', message, context: 'api' })}\n`);
  process.exit(1);
});
