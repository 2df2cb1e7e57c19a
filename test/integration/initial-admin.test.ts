import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { verifyPassword } from '../../libs/auth/password';
import { createDataSource } from '../../libs/persistence/data-source';
import { createTestDatabase } from '../support/services';

const root = join(__dirname, '..', '..');
const migrate = (env: Record<string, string>) =>
  spawnSync(process.execPath, ['scripts/run-ts.js', 'libs/persistence/migrate.cli.ts'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });

describe('migrate job: the first administrator of a production install', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('refuses a bad username or password before touching the database, naming the variable', () => {
    const r = migrate({ DATABASE_URL: db.url, INITIAL_ADMIN_USERNAME: 'Root!', INITIAL_ADMIN_PASSWORD: 'short' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('INITIAL_ADMIN_USERNAME: must match');
    expect(r.stderr).toContain('INITIAL_ADMIN_PASSWORD: must be at least 10 characters');
  });

  it('creates the named admin once and never changes an existing user', async () => {
    const first = migrate({ DATABASE_URL: db.url, INITIAL_ADMIN_USERNAME: 'ops.admin', INITIAL_ADMIN_PASSWORD: 'First-admin-2026' });
    expect(first.status).toBe(0);
    const again = migrate({ DATABASE_URL: db.url, INITIAL_ADMIN_USERNAME: 'ops.admin', INITIAL_ADMIN_PASSWORD: 'Other-admin-2027' });
    expect(again.status).toBe(0);
    const ds = createDataSource(db.url, { poolSize: 1 });
    await ds.initialize();
    try {
      const rows = await ds.query(`SELECT role, active, password_hash FROM users WHERE username = 'ops.admin'`);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ role: 'admin', active: true });
      expect(await verifyPassword('First-admin-2026', rows[0].password_hash)).toBe(true);
      expect(await verifyPassword('Other-admin-2027', rows[0].password_hash)).toBe(false);
    } finally {
      await ds.destroy();
    }
  });
});
