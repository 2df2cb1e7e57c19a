import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { canonicalJson } from './canonical-json';
import { preparedQuery } from './prepared-query';
import { fromList, SqlParams, standInText, substitute, type StandIn } from './sql-params';

export interface NewCaseEvent {
  applicationId: string;
  seq: number;
  type: string;
  actor: string;
  actorRole: string;
  occurredAt: string;
  payload: Record<string, unknown>;
  /**
   * The workflow's state after the step (libs/case CaseFacts), for the case-at-a-moment view;
   * absent on events written outside the workflow (registration, remedies). Hashed when present,
   * so events without it hash as they always did.
   */
  stateAfter?: object;
}

/** The text an event's hash is taken over: the event and the hash before it, keys sorted. */
function hashedText(prevHash: string, e: NewCaseEvent): string {
  return canonicalJson({ ...e, occurredAt: new Date(e.occurredAt).toISOString(), prevHash });
}

export function eventHash(prevHash: string, e: NewCaseEvent): string {
  return createHash('sha256').update(hashedText(prevHash, e)).digest('hex');
}

/**
 * CTEs that append one event to the global hash chain within the statement they join:
 * `audit_head` locks the chain head, `audit_hash` takes the event's hash in PostgreSQL over
 * the same text eventHash hashes (the head's hash put in for a stand-in), `audit_event` stores
 * the event and `audit_appended` moves the head to it. Nothing is written when the case already
 * has an event of this seq. `after`: an SQL condition on the statement's earlier CTEs, so that
 * their writes (and locks) come before the head's lock, which every append takes last.
 * `standIns`: values the statement produces that the event's payload holds.
 */
export function appendEventCtes(p: SqlParams, e: NewCaseEvent, opts: { after?: string; standIns?: readonly StandIn[] } = {}): string {
  const standIns = opts.standIns ?? [];
  const prevStandIn = standInText();
  const app = p.add(e.applicationId, 'uuid');
  const seq = p.add(e.seq, 'integer');
  const prev = p.add(prevStandIn, 'text');
  const text = substitute(p.add(hashedText(prevStandIn, e), 'text'), standIns, 'json');
  const payload = substitute(p.add(JSON.stringify(e.payload), 'text'), standIns, 'json');
  const stateAfter = p.add(e.stateAfter === undefined ? null : JSON.stringify(e.stateAfter), 'jsonb');
  return `
  audit_head AS (
    SELECT last_hash FROM audit_chain_head
    WHERE id = 1 AND NOT EXISTS (SELECT 1 FROM case_events WHERE application_id = ${app} AND seq = ${seq})${opts.after ? ` AND ${opts.after}` : ''}
    FOR UPDATE),
  audit_hash AS (
    SELECT last_hash AS prev_hash, encode(sha256(convert_to(replace(${text}, ${prev}, last_hash), 'UTF8')), 'hex') AS hash,
           (${payload})::jsonb AS payload
    FROM ${fromList('audit_head', standIns)}),
  audit_event AS (
    INSERT INTO case_events (application_id, seq, type, actor, actor_role, occurred_at, payload, state_after, prev_hash, hash)
    SELECT ${app}, ${seq}, ${p.add(e.type, 'text')}, ${p.add(e.actor, 'text')}, ${p.add(e.actorRole, 'text')},
           ${p.add(e.occurredAt, 'timestamptz')}, payload, ${stateAfter}, prev_hash, hash
    FROM audit_hash
    RETURNING id, hash),
  audit_appended AS (
    UPDATE audit_chain_head SET last_hash = audit_event.hash, last_event_id = audit_event.id
    FROM audit_event WHERE audit_chain_head.id = 1
    RETURNING audit_event.id)`;
}

/**
 * Appends one event to the global hash chain, inside the caller's transaction, in one
 * statement. Idempotent: an event already stored under (application, seq) is left as it is,
 * so a retried activity never writes twice. Returns true when it wrote. Callers append first
 * or last in their transaction; the chain head stays locked from here to the commit.
 */
export async function appendCaseEvent(m: EntityManager, e: NewCaseEvent): Promise<boolean> {
  const p = new SqlParams();
  const rows = await preparedQuery(m, 'audit-append', `WITH ${appendEventCtes(p, e)} SELECT id FROM audit_appended`, p.values);
  return rows.length > 0;
}
