// What a test file gets from the shared servers of test/setup/global-setup.ts.
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

function env(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: this test needs the shared servers (jest project integration or e2e)`);
  return v;
}

export const temporalAddress = (): string => env('DE_TEST_TEMPORAL_ADDRESS');
export const workflowBundlePath = (): string => env('DE_TEST_WORKFLOW_BUNDLE');

/** A fresh database cloned from the migrated, seeded template (`empty`: with no schema at all); dropped by `drop()`. */
export async function createTestDatabase(opts: { empty?: boolean } = {}): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = env('DE_TEST_PG_ADMIN_URL');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${opts.empty ? 'template0' : env('DE_TEST_TEMPLATE_DB')}`);
  } finally {
    await admin.end();
  }
  return {
    url: adminUrl.replace(/\/postgres$/, `/${name}`),
    async drop() {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
