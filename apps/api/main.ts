import 'reflect-metadata';
import { Client, Connection } from '@temporalio/client';
import { ConfigError, loadConfig } from '../../libs/config/config';
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
  console.log(`api: listening on http://127.0.0.1:${config.port} (OpenAPI at /api/docs)`);
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
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
