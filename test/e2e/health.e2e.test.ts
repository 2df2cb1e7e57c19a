import { Client, Connection } from '@temporalio/client';
import { connect, createServer, type Server, type Socket } from 'node:net';
import request from 'supertest';
import { createApiApp } from '../../apps/api/app.factory';
import { DEFAULT_DEMO_PASSWORD, loadConfig } from '../../libs/config/config';
import { createDataSource } from '../../libs/persistence/data-source';
import { createTestDatabase, temporalAddress } from '../support/services';

import { RETRY_AFTER_SECONDS } from '../../apps/api/common/unavailable';
import { inPersonSubmission } from '../support/http-session';

/** The demo clerk's bearer token (the login reads only PostgreSQL). */
async function bearer(http: Parameters<typeof request>[0]): Promise<string> {
  const res = await request(http).post('/api/auth/login').send({ username: 'clerk', password: DEFAULT_DEMO_PASSWORD }).expect(200);
  return `Bearer ${res.body.accessToken as string}`;
}

/* eslint-disable-next-line @typescript-eslint/no-require-imports */
const { freePort } = require('../../scripts/lib/proc');

describe('GET /health when Temporal is unreachable', () => {
  it('answers 503 and says which piece is down, while the database is up; /health/live still answers 200; a registration gets 503 with Retry-After and writes nothing', async () => {
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
      const answers = await Promise.all(['/health', '/health/ready'].map((path) => request(app.getHttpServer()).get(path)));
      for (const res of answers) {
        expect(res.status).toBe(503);
        expect(res.body).toMatchObject({ status: 'unavailable', database: { ok: true }, temporal: { ok: false } });
        expect(res.body.temporal.error).toEqual(expect.any(String));
      }
      await request(app.getHttpServer()).get('/health/live').expect(200, { status: 'ok' });

      // A registration cannot start its workflow: a clear retryable answer, and nothing written.
      const token = await bearer(app.getHttpServer());
      const reg = await request(app.getHttpServer())
        .post('/api/applications')
        .set('authorization', token)
        .set('idempotency-key', 'health-temporal-down')
        .send(inPersonSubmission());
      expect(reg.status).toBe(503);
      expect(reg.headers['retry-after']).toBe(String(RETRY_AFTER_SECONDS));
      expect(reg.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
      expect(await dataSource.query('SELECT count(*)::int AS n FROM applications')).toEqual([{ n: 0 }]);
    } finally {
      await app.close();
      await dataSource.destroy();
      await db.drop();
    }
  });
});

// PostgreSQL "goes away" by closing a TCP relay that the API's pool connects through:
// the open connections break and new ones are refused, as when the server is down.
function relay(target: { host: string; port: number }): Promise<{ port: number; cut(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    client.pipe(upstream).pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    for (const s of [client, upstream]) sockets.add(s.on('error', end).on('close', end));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: (server.address() as { port: number }).port,
        cut: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            for (const s of sockets) s.destroy();
          }),
      }),
    ),
  );
}

describe('GET /health/ready when PostgreSQL is unreachable', () => {
  it('answers 503 naming the database, while /health/live answers 200; the work list gets 503 with Retry-After', async () => {
    const db = await createTestDatabase();
    const real = new URL(db.url);
    const tcp = await relay({ host: real.hostname, port: Number(real.port) });
    const viaRelay = new URL(db.url);
    viaRelay.hostname = '127.0.0.1';
    viaRelay.port = String(tcp.port);
    const config = loadConfig({
      DATABASE_URL: viaRelay.toString(),
      JWT_SECRET: 'x'.repeat(32),
      TEMPORAL_ADDRESS: temporalAddress(),
      LOG_LEVEL: 'error',
    });
    const dataSource = createDataSource(config.databaseUrl, { poolSize: 2 });
    await dataSource.initialize();
    const connection = await Connection.connect({ address: config.temporal.address });
    const app = await createApiApp({ config, dataSource, temporal: new Client({ connection }) });
    await app.init();
    try {
      await request(app.getHttpServer()).get('/health/ready').expect(200);
      const token = await bearer(app.getHttpServer());
      await tcp.cut();
      const res = await request(app.getHttpServer()).get('/health/ready').expect(503);
      expect(res.body).toMatchObject({ status: 'unavailable', database: { ok: false }, temporal: { ok: true } });
      expect(res.body.database.error).toEqual(expect.any(String));
      await request(app.getHttpServer()).get('/health/live').expect(200, { status: 'ok' });
      // A clerk's work list: retry later, not a 500.
      const list = await request(app.getHttpServer()).get('/api/applications').set('authorization', token);
      expect(list.status).toBe(503);
      expect(list.headers['retry-after']).toBe(String(RETRY_AFTER_SECONDS));
      expect(list.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    } finally {
      await app.close();
      await dataSource.destroy().catch(() => undefined);
      await connection.close();
      await db.drop();
    }
  });
});
