// Entry point: `npm run -s cli -- <command>` (node scripts/run-ts.js apps/cli/main.ts <command>).
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../libs/persistence/data-source';
import { loadCalendarData, openCasesTouchingYear, saveCalendarYear } from '../../libs/persistence/calendar.repository';
import { setCalendarProvider, setCalendarSaver } from './calendar-source';
import { runCli } from './run-cli';

// With DATABASE_URL the CLI uses the engine's own calendar tables, the source of
// truth at run time; without it, the calendar bundled with the code.
let ds: DataSource | undefined;
const database = async (): Promise<DataSource> => {
  if (!ds) {
    ds = createDataSource(process.env.DATABASE_URL as string, { poolSize: 2, applicationName: 'disclosure-cli' });
    await ds.initialize();
  }
  return ds;
};
if (process.env.DATABASE_URL) {
  setCalendarProvider(async () => loadCalendarData(await database()));
  setCalendarSaver(async (year) => {
    const db = await database();
    const version = await saveCalendarYear(db, year, process.env.USER ?? 'cli');
    return { version, affectedOpenCases: await openCasesTouchingYear(db, year.year) };
  });
}

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => chunks.push(c));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

runCli(process.argv.slice(2), readStdin)
  .finally(() => ds?.destroy())
  .then(
    (r) => {
      if (r.stdout) process.stdout.write(r.stdout);
      if (r.stderr) process.stderr.write(r.stderr);
      process.exitCode = r.code;
    },
    (e: unknown) => {
      process.stderr.write(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    },
  );
