import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { canonicalJson } from './canonical-json';
import { preparedQuery } from './prepared-query';

export interface NewCaseEvent {
  applicationId: string;
  seq: number;
  type: string;
  actor: string;
  actorRole: string;
  occurredAt: string;
  payload: Record<string, unknown>;
}

export function eventHash(prevHash: string, e: NewCaseEvent): string {
  const body = canonicalJson({ ...e, occurredAt: new Date(e.occurredAt).toISOString(), prevHash });
  return createHash('sha256').update(body).digest('hex');
}

/**
 * Appends one event to the global hash chain, inside the caller's transaction.
 * Idempotent: an event already stored under (application, seq) is left as it is,
 * so a retried activity never writes twice. Returns true when it wrote.
 * `fresh`: the caller inserted the application in this very transaction, so it has
 * no events yet and the look-up is skipped. Callers append last, just before their
 * commit: the chain head stays locked from here to the commit.
 */
export async function appendCaseEvent(m: EntityManager, e: NewCaseEvent, opts: { fresh?: boolean } = {}): Promise<boolean> {
  if (!opts.fresh) {
    const existing = await m.query('SELECT 1 FROM case_events WHERE application_id = $1 AND seq = $2', [e.applicationId, e.seq]);
    if (existing.length) return false;
  }
  // Locking the head serialises appends, so the chain has no forks.
  const [head] = await preparedQuery<{ last_hash: string }>(
    m,
    'audit-head-lock',
    'SELECT last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE',
    [],
  );
  const hash = eventHash(head.last_hash, e);
  await preparedQuery(
    m,
    'audit-append',
    `WITH e AS (
       INSERT INTO case_events (application_id, seq, type, actor, actor_role, occurred_at, payload, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id)
     UPDATE audit_chain_head SET last_hash = $9, last_event_id = (SELECT id FROM e) WHERE id = 1`,
    [e.applicationId, e.seq, e.type, e.actor, e.actorRole, e.occurredAt, JSON.stringify(e.payload), head.last_hash, hash],
  );
  return true;
}
