import type { DataSource } from 'typeorm';
import { createDataSource, runMigrations } from '../../libs/persistence/data-source';
import { migrations } from '../../libs/persistence/migrations';
import { createTestDatabase } from '../support/services';

/** The schema as PostgreSQL describes it: columns, constraints, indexes, triggers and functions of the public schema. */
async function schema(ds: DataSource): Promise<string[]> {
  const rows: { item: string }[] = await ds.query(`
    SELECT format('column %s.%s %s null=%s default=%s', table_name, column_name, data_type, is_nullable, column_default) AS item
    FROM information_schema.columns WHERE table_schema = 'public'
    UNION ALL
    SELECT format('constraint %s %s', conname, pg_get_constraintdef(c.oid))
    FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'public'
    UNION ALL
    SELECT format('index %s', indexdef) FROM pg_indexes WHERE schemaname = 'public'
    UNION ALL
    SELECT format('trigger %s', pg_get_triggerdef(t.oid))
    FROM pg_trigger t JOIN pg_class r ON r.oid = t.tgrelid JOIN pg_namespace n ON n.oid = r.relnamespace
    WHERE n.nspname = 'public' AND NOT t.tgisinternal
    UNION ALL
    SELECT format('function %s', pg_get_functiondef(p.oid))
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'
    UNION ALL
    SELECT format('sequence %s', sequence_name) FROM information_schema.sequences WHERE sequence_schema = 'public'`);
  return rows.map((r) => r.item).sort();
}

describe('migrations against PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase({ empty: true });
    ds = createDataSource(db.url, { poolSize: 2 });
    await ds.initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('every down() undoes its up(): down and up again gives the same schema, and all the way down leaves none', async () => {
    // TypeORM's own bookkeeping table, which showMigrations creates: all that an empty schema has.
    await ds.showMigrations();
    const empty = await schema(ds);
    expect(empty.some((x) => x.startsWith('column migrations.name '))).toBe(true);
    const applied = await runMigrations(ds);
    expect(applied).toEqual(migrations.map((m) => m.name));
    const migrated = await schema(ds);
    expect(migrated.some((x) => x.startsWith('column case_events.hash '))).toBe(true);

    // Each down() from the top: undo the newest d migrations, one at a time, then apply them
    // again. A down() that leaves anything behind makes its up() fail or the schema differ.
    for (let d = 1; d <= migrations.length; d++) {
      for (let k = 0; k < d; k++) await ds.undoLastMigration({ transaction: 'each' });
      const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM migrations');
      expect(n).toBe(migrations.length - d);
      expect(await runMigrations(ds)).toEqual(migrations.slice(migrations.length - d).map((m) => m.name));
      expect(await schema(ds)).toEqual(migrated);
    }
    // All the way down: only TypeORM's bookkeeping table is left.
    for (let k = 0; k < migrations.length; k++) await ds.undoLastMigration({ transaction: 'each' });
    expect(await schema(ds)).toEqual(empty);

    expect(await runMigrations(ds)).toEqual(migrations.map((m) => m.name));
    expect(await schema(ds)).toEqual(migrated);
  });
});
