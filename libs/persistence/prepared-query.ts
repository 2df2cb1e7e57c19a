import type { EntityManager } from 'typeorm';

interface PgClient {
  query(config: { name: string; text: string; values: readonly unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Runs `text` as a named prepared statement on the transaction's own connection, so
 * PostgreSQL parses and plans it once per connection instead of on every call: for the
 * registration's look-up, planning took 0.3 ms against 0.07 ms of execution. For statements
 * on a hot path only; `name` must stand for one text. Outside a transaction it is an
 * ordinary query. (Needs a direct connection or session pooling, not a transaction pooler.)
 */
export async function preparedQuery<T = Record<string, unknown>>(
  m: EntityManager,
  name: string,
  text: string,
  values: readonly unknown[],
): Promise<T[]> {
  const runner = m.queryRunner;
  if (!runner?.isTransactionActive) return m.query(text, values as unknown[]);
  const client = (await runner.connect()) as PgClient;
  return (await client.query({ name, text, values })).rows as T[];
}
