import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

describe('the web app’s generated API client', () => {
  it('is what the API’s OpenAPI document generates now (run npm run gen:api when this fails)', () => {
    // In a child process: openapi-typescript is an ES module, which jest's CommonJS mode cannot load.
    const r = spawnSync(process.execPath, [join(root, 'scripts', 'run-ts.js'), join(root, 'apps', 'api', 'openapi.cli.ts'), '--stdout'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(r.status).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(10_000);
    expect(r.stdout === readFileSync(join(root, 'apps', 'web', 'src', 'api', 'schema.d.ts'), 'utf8')).toBe(true);
  }, 120_000);
});
