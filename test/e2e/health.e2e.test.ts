import { Client, Connection } from '@temporalio/client';
import request from 'supertest';
import { createApiApp } from '../../apps/api/app.factory';
import { loadConfig } from '../../libs/config/config';
import { createDataSource } from '../../libs/persistence/data-source';
import { createTestDatabase } from '../support/services';

/* eslint-disable-next-line @typescript-eslint/no-require-imports */
const { freePort } = require('../../scripts/lib/proc');

describe('GET /health when Temporal is unreachable', () => {
  it('answers 503 and says which piece is down, while the database is up', async () => {
    const db = await createTestDatabase();
    const deadPort: number = await freePort();
    const config = loadConfig({
      DATABASE_URL: db.url,
      JWT_SECRET: 'x'.repeat(32),
      TEMPORAL_ADDRESS: `127.0.0.1:${deadPort}`,
      LOG_LEVEL: 'error',
    });
    const dataSource = createDataSource(db.url, { poolSize: 2 });
    await dataSource.initialize();
    const connection = Connection.lazy({ address: config.temporal.address, connectTimeout: 500 });
    const app = await createApiApp({ config, dataSource, temporal: new Client({ connection }) });
    await app.init();
    try {
      const res = await request(app.getHttpServer()).get('/health').expect(503);
      expect(res.body).toMatchObject({ status: 'unavailable', database: { ok: true }, temporal: { ok: false } });
      expect(res.body.temporal.error).toEqual(expect.any(String));
    } finally {
      await app.close();
      await dataSource.destroy();
      await db.drop();
    }
  });
});
