import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** Anything that runs SQL: a DataSource, an EntityManager or a pg client wrapper. */
interface Db {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** The outcome of claiming a key: the result it stands for, and whether this request claimed it first. */
export type KeyClaim = { kind: 'new'; resultId: string } | { kind: 'replay'; resultId: string } | { kind: 'conflict' };

/** SHA-256 of a request body in canonical JSON (key order does not matter). */
export function bodyHash(body: unknown): string {
  return createHash('sha256')
    .update(canonicalJson(body ?? null))
    .digest('hex');
}

/**
 * Claims `key` for this user and route with the request body's hash and the id of the result
 * it will produce. A second request with the same key and body gets the first one's result id
 * (`replay`); the same key with another body is a `conflict`. Keys of other users never match.
 */
export async function claimIdempotencyKey(
  db: Db,
  k: { userId: string; route: string; key: string; body: unknown; resultId: string },
): Promise<KeyClaim> {
  const hash = bodyHash(k.body);
  const rows = (await db.query(
    `WITH ins AS (
       INSERT INTO idempotency_keys (user_id, route, key, body_hash, result_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (user_id, route, key) DO NOTHING RETURNING result_id, true AS inserted
     )
     SELECT result_id, inserted, body_hash FROM (SELECT result_id, inserted, $4::text AS body_hash FROM ins) i
     UNION ALL
     SELECT result_id, false, body_hash FROM idempotency_keys WHERE user_id = $1 AND route = $2 AND key = $3 AND NOT EXISTS (SELECT 1 FROM ins)`,
    [k.userId, k.route, k.key, hash, k.resultId],
  )) as { result_id: string; inserted: boolean; body_hash: string }[];
  const [row] = rows;
  if (!row) {
    // The other request's insert was not yet visible to this snapshot; it is now.
    const again = (await db.query(`SELECT result_id, body_hash FROM idempotency_keys WHERE user_id = $1 AND route = $2 AND key = $3`, [
      k.userId,
      k.route,
      k.key,
    ])) as { result_id: string; body_hash: string }[];
    if (!again[0]) throw new Error(`idempotency key ${k.key} vanished`);
    return again[0].body_hash === hash ? { kind: 'replay', resultId: again[0].result_id } : { kind: 'conflict' };
  }
  if (row.inserted) return { kind: 'new', resultId: row.result_id };
  return row.body_hash === hash ? { kind: 'replay', resultId: row.result_id } : { kind: 'conflict' };
}
