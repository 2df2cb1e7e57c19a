import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { migrations } from './migrations';

// synchronize stays off: the schema changes only through migrations.
export function createDataSource(url: string, opts: { poolSize?: number; applicationName?: string } = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    // No entities: every statement is SQL in a repository module with typed row mapping (README).
    entities: [],
    migrations,
    synchronize: false,
    migrationsRun: false,
    logging: ['error'],
    extra: { max: opts.poolSize ?? 10, application_name: opts.applicationName ?? 'disclosure-engine' },
  });
}

export async function runMigrations(ds: DataSource): Promise<string[]> {
  const done = await ds.runMigrations({ transaction: 'each' });
  return done.map((m) => m.name);
}
