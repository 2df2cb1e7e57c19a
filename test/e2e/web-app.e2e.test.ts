// The API serves the built web app at `/` (and index.html for the app's own paths), keeps its
// own routes, sends the security headers, and says how to build the app before it is built.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { startStack, type Stack } from '../support/stack';

const INDEX =
  '<!doctype html><html lang="zh-CN"><head><script type="module" src="/assets/app-1a2b3c.js"></script></head><body>工作台</body></html>';

async function withDist(dir: string): Promise<Stack> {
  const before = process.env.WEB_DIST_DIR;
  process.env.WEB_DIST_DIR = dir;
  try {
    return await startStack();
  } finally {
    if (before === undefined) delete process.env.WEB_DIST_DIR;
    else process.env.WEB_DIST_DIR = before;
  }
}

describe('the web app served by the API', () => {
  let built: Stack;
  let unbuilt: Stack;

  beforeAll(async () => {
    const dist = mkdtempSync(join(tmpdir(), 'web-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), INDEX);
    writeFileSync(join(dist, 'assets', 'app-1a2b3c.js'), 'console.log("app")');
    built = await withDist(dist);
    unbuilt = await withDist(mkdtempSync(join(tmpdir(), 'web-empty-')));
  });
  afterAll(async () => {
    await built?.stop();
    await unbuilt?.stop();
  });

  it('serves index.html at / and for the app’s own paths, with a content security policy', async () => {
    for (const path of ['/', '/cases/0000', '/login?next=%2Fcases']) {
      const res = await request(built.http).get(path).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toBe(INDEX);
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
    const js = await request(built.http).get('/assets/app-1a2b3c.js').expect(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('leaves the API its own answers', async () => {
    const missing = await request(built.http).get('/api/no-such-route').expect(404);
    expect(missing.body.code).toBe('NOT_FOUND');
    await request(built.http).get('/health/live').expect(200);
    const docs = await request(built.http).get('/api/docs-json').expect(200);
    expect(docs.body.openapi).toMatch(/^3\./);
  });

  it('says how to build the app before it is built', async () => {
    const res = await request(unbuilt.http).get('/').expect(503);
    expect(res.text).toContain('npm run build:web');
    expect(res.headers['retry-after']).toBe('30');
    await request(unbuilt.http).get('/health/live').expect(200);
  });
});
