// Starts the shared servers once per jest run (not once per test file): a real
// PostgreSQL with a migrated template database that each test file clones, and
// the Temporal dev server. Also bundles the workflows once for every worker.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_DEMO_PASSWORD } from '../../libs/config/config';
import { migrateAndSeed } from '../../libs/persistence/migrate.cli';
import { buildWorkflowBundle } from '../../apps/worker/bundle.cli';
import type { Services } from './services';

/* eslint-disable @typescript-eslint/no-require-imports */
const tools = require('../../scripts/lib/tools');
const { freePort } = require('../../scripts/lib/proc');
const { startPostgres } = require('../../scripts/lib/postgres');
const { startTemporal } = require('../../scripts/lib/temporal');
/* eslint-enable @typescript-eslint/no-require-imports */

export const TEMPLATE_DB = 'de_template';

export default async function globalSetup(): Promise<void> {
  const g = globalThis as { __deServices?: Services; __deRefs?: number };
  g.__deRefs = (g.__deRefs ?? 0) + 1;
  if (g.__deServices) return; // a second project of the same run shares the servers
  const dir = mkdtempSync(join(tmpdir(), 'disclosure-test-'));
  const [pgPort, temporalPort] = [await freePort(), await freePort()];
  const [pg, temporal, bundle] = await Promise.all([
    startPostgres({
      binDir: tools.findPostgresBin(),
      dataDir: join(dir, 'pg'),
      port: pgPort,
      database: TEMPLATE_DB,
      fsync: false,
      logFile: join(dir, 'postgres.log'),
    }),
    startTemporal({ cli: tools.ensureTemporalCli(), port: temporalPort, headless: true, logFile: join(dir, 'temporal.log') }),
    buildWorkflowBundle(join(dir, 'workflow-bundle.js')),
  ]);
  void bundle;
  await migrateAndSeed(pg.url, { seedDemo: true, officeCode: 'LINYI', prefix: 'LYZF', demoPassword: DEFAULT_DEMO_PASSWORD });
  g.__deServices = { dir, pg, temporal };
  // Test workers are forked after this and inherit these.
  process.env.DE_TEST_PG_ADMIN_URL = pg.adminUrl;
  process.env.DE_TEST_TEMPLATE_DB = TEMPLATE_DB;
  process.env.DE_TEST_TEMPORAL_ADDRESS = temporal.address;
  process.env.DE_TEST_WORKFLOW_BUNDLE = join(dir, 'workflow-bundle.js');
}
