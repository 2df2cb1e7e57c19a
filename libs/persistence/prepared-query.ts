import type { EntityManager } from 'typeorm';

interface PgClient {
  query(config: { name: string; text: string; values: readonly unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Runs `text` as a named prepared statement on the connection of the manager's query runner
 * (a transaction's, or one the caller holds), so PostgreSQL parses and plans it once per
 * connection instead of on every call: for the registration's look-up, planning took 0.3 ms
 * against 0.07 ms of execution. For statements on a hot path only; `name` must stand for one
 * text. On a manager without a runner of its own (the data source's) it is an ordinary query.
 * (Needs a direct connection or session pooling, not a transaction pooler.)
 */
export async function preparedQuery<T = Record<string, unknown>>(
  m: EntityManager,
  name: string,
  text: string,
  values: readonly unknown[],
): Promise<T[]> {
  const runner = m.queryRunner;
  if (!runner || runner.isReleased) return m.query(text, values as unknown[]);
  const client = (await runner.connect()) as PgClient;
  return (await client.query({ name, text, values })).rows as T[];
}
