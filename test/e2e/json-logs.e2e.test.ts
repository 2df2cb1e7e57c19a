import { Client, Connection } from '@temporalio/client';
import request from 'supertest';
import { createApiApp } from '../../apps/api/app.factory';
import { loadConfig } from '../../libs/config/config';
import { createDataSource } from '../../libs/persistence/data-source';
import { createTestDatabase } from '../support/services';

/* eslint-disable-next-line @typescript-eslint/no-require-imports */
const { freePort } = require('../../scripts/lib/proc');

describe('API logs at LOG_LEVEL=info', () => {
  it('are JSON lines, and a request about a case carries its caseId', async () => {
    const db = await createTestDatabase();
    const config = loadConfig({
      DATABASE_URL: db.url,
      JWT_SECRET: 'x'.repeat(32),
      TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}`,
      LOG_LEVEL: 'info',
    });
    const dataSource = createDataSource(db.url, { poolSize: 1 });
    await dataSource.initialize();
    const written: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const connection = Connection.lazy({ address: config.temporal.address, connectTimeout: 500 });
    const app = await createApiApp({ config, dataSource, temporal: new Client({ connection }) });
    try {
      await app.init();
      const caseId = '00000000-0000-4000-8000-0000000000aa';
      await request(app.getHttpServer()).get(`/api/applications/${caseId}/timeline`).expect(401);
      await request(app.getHttpServer()).get('/health/live').expect(200);
      write.mockRestore();
      const lines = written.join('').split('\n').filter(Boolean);
      const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>); // throws on a line that is not JSON
      for (const r of records)
        expect(r).toMatchObject({ time: expect.any(String), level: expect.any(String), message: expect.any(String) });
      expect(records).toContainEqual(expect.objectContaining({ context: 'RoutesResolver', level: 'info' }));
      expect(records).toContainEqual(
        expect.objectContaining({ message: 'GET /api/applications/{id}/timeline 401', status: 401, caseId, context: 'http' }),
      );
      const live = records.find((r) => r.message === 'GET /health/live 200');
      expect(live).toBeDefined();
      expect(live).not.toHaveProperty('caseId');
    } finally {
      write.mockRestore();
      await app.close();
      await dataSource.destroy();
      await db.drop();
    }
  });
});
