// `npm run migration:run [-- --seed-demo]`: applies pending migrations, makes sure
// the configured office exists and, with --seed-demo (embedded mode), the demo
// departments and users; with INITIAL_ADMIN_USERNAME and INITIAL_ADMIN_PASSWORD, the first
// administrator. Reads DATABASE_URL, OFFICE_CODE, REGISTRATION_PREFIX, DEMO_PASSWORD.
import { DEFAULT_DEMO_PASSWORD } from '../config/config';
import { createDataSource, runMigrations } from './data-source';
import { seedOfficialCalendar } from './calendar.repository';
import { hashPassword } from '../auth/password';
import { passwordProblems } from '../auth/password-policy';
import { ensureOffice, seedDemo } from './seed';

export interface InitialAdmin {
  username: string;
  password: string;
}

/** Every problem of INITIAL_ADMIN_USERNAME / INITIAL_ADMIN_PASSWORD, each naming its variable. */
export function initialAdminProblems(a: InitialAdmin): string[] {
  const out: string[] = [];
  if (!/^[a-z][a-z0-9._-]{2,31}$/.test(a.username)) out.push('INITIAL_ADMIN_USERNAME: must match ^[a-z][a-z0-9._-]{2,31}$');
  for (const p of passwordProblems(a.password, a.username)) out.push(`INITIAL_ADMIN_PASSWORD: ${p}`);
  return out;
}

export async function migrateAndSeed(
  url: string,
  opts: { seedDemo: boolean; officeCode: string; prefix: string; demoPassword: string; initialAdmin?: InitialAdmin },
) {
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
    // Production's first administrator; every later user comes through /api/admin/users.
    // Created once: an existing user of that name is never changed here.
    if (opts.initialAdmin) {
      await ds.query(
        `INSERT INTO users (id, username, display_name, password_hash, role, office_id)
         VALUES (gen_random_uuid(), $1, '系统管理员', $2, 'admin', $3) ON CONFLICT (username) DO NOTHING`,
        [opts.initialAdmin.username, await hashPassword(opts.initialAdmin.password), officeId],
      );
    }
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
  const username = process.env.INITIAL_ADMIN_USERNAME;
  const initialAdmin = username ? { username, password: process.env.INITIAL_ADMIN_PASSWORD ?? '' } : undefined;
  const problems = initialAdmin ? initialAdminProblems(initialAdmin) : [];
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(2);
  }
  migrateAndSeed(url, {
    initialAdmin,
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
