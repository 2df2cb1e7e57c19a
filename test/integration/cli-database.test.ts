import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createTestDatabase } from '../support/services';

const root = join(__dirname, '..', '..');
const cli = (args: string[], input: string, env: Record<string, string>) =>
  spawnSync(process.execPath, ['scripts/run-ts.js', 'apps/cli/main.ts', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });

describe('CLI with DATABASE_URL: the database calendar', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('loads a year into the database and computes deadlines from it', () => {
    const env = { DATABASE_URL: db.url };
    const input = JSON.stringify({ receivedOn: '2027-01-08' });
    const provisional = JSON.parse(cli(['deadline', '--no-explanation'], input, env).stdout);
    // Derived 2027: Spring Festival eve (Fri 02-05) and day 3 (Mon 02-08) are off.
    expect(provisional).toMatchObject({ provisional: true, dueOn: '2027-02-09' });

    const year = {
      year: 2027,
      official: true,
      days: [
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-01-09', kind: 'workday', name: '调休' },
      ],
    };
    const loaded = cli(['calendar', 'load'], JSON.stringify(year), env);
    expect(loaded.status).toBe(0);
    expect(JSON.parse(loaded.stdout)).toMatchObject({
      year: 2027,
      days: 2,
      version: expect.stringMatching(/^db-\d+-2027$/),
      affectedOpenCases: [],
    });

    // The make-up Saturday counts: the due day comes one working day earlier, and the year is official now.
    const official = JSON.parse(cli(['deadline', '--no-explanation'], input, env).stdout);
    expect(official).toMatchObject({ provisional: false, dueOn: '2027-02-04', calendarVersion: JSON.parse(loaded.stdout).version });
  });

  it('rejects a bad arrangement with exit code 2, the field named, and nothing on stdout', () => {
    const r = cli(['calendar', 'load'], JSON.stringify({ year: 2027, official: true, days: [{ date: '2027-01-06', kind: 'workday' }] }), {
      DATABASE_URL: db.url,
    });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/days\[0\]/);
  });

  it('refuses to load without a database', () => {
    const env: Record<string, string> = {};
    const r = spawnSync(process.execPath, ['scripts/run-ts.js', 'apps/cli/main.ts', 'calendar', 'load'], {
      cwd: root,
      input: '{}',
      encoding: 'utf8',
      env: Object.fromEntries(Object.entries({ ...process.env, ...env }).filter(([k]) => k !== 'DATABASE_URL')),
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('DATABASE_URL is required');
  });
});
