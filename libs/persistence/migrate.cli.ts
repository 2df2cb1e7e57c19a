// `npm run migration:run [-- --seed-demo]`: applies pending migrations, makes sure
// the configured office exists and, with --seed-demo (embedded mode), the demo
// departments and users. Reads DATABASE_URL, OFFICE_CODE, REGISTRATION_PREFIX, DEMO_PASSWORD.
import { DEFAULT_DEMO_PASSWORD } from '../config/config';
import { createDataSource, runMigrations } from './data-source';
import { seedOfficialCalendar } from './calendar.repository';
import { ensureOffice, seedDemo } from './seed';

export async function migrateAndSeed(url: string, opts: { seedDemo: boolean; officeCode: string; prefix: string; demoPassword: string }) {
  const ds = createDataSource(url, { poolSize: 2, applicationName: 'disclosure-migrate' });
  await ds.initialize();
  try {
    const applied = await runMigrations(ds);
    const officeId = await ensureOffice(ds, {
      code: opts.officeCode,
      name: '临沂市人民政府办公室',
      registrationPrefix: opts.prefix,
      reconsiderationOrgan: '临沂市人民政府',
    });
    await seedOfficialCalendar(ds);
    if (opts.seedDemo) await seedDemo(ds, officeId, opts.demoPassword);
    return applied;
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL: is required');
    process.exit(2);
  }
  migrateAndSeed(url, {
    seedDemo: process.argv.includes('--seed-demo'),
    officeCode: process.env.OFFICE_CODE || 'LINYI',
    prefix: process.env.REGISTRATION_PREFIX || 'LYZF',
    demoPassword: process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD,
  })
    .then((applied) => console.log(applied.length ? `applied migrations: ${applied.join(', ')}` : 'schema up to date'))
    .catch((e) => {
      console.error(`migration failed: ${e.message}`);
      process.exit(1);
    });
}
