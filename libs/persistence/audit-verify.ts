import type { DataSource } from 'typeorm';
import { eventHash } from './case-event.repository';

export interface AuditVerification {
  ok: boolean;
  events: number;
  firstBadEvent?: { id: string; applicationId: string | null; seq: number | null; problem: string };
}

type Row = {
  id: string;
  application_id: string;
  seq: number;
  type: string;
  actor: string;
  actor_role: string;
  occurred_at: Date;
  payload: Record<string, unknown>;
  state_after: Record<string, unknown> | null;
  prev_hash: string;
  hash: string;
};

/**
 * Walks the whole hash chain in id order. An edited event no longer matches its
 * hash; an inserted or deleted one breaks the link to its neighbour; a deleted
 * tail no longer matches the chain head.
 */
export async function verifyAuditChain(ds: DataSource, batchSize = 2000): Promise<AuditVerification> {
  let prev = 'genesis';
  let lastId = '0';
  let events = 0;
  for (;;) {
    const rows: Row[] = await ds.query(
      `SELECT e.id::text AS id, application_id, seq, type, actor, actor_role, occurred_at, payload, state_after, prev_hash, hash
       FROM case_events e WHERE e.id > $1 ORDER BY e.id LIMIT $2`,
      [lastId, batchSize],
    );
    for (const r of rows) {
      const bad = (problem: string): AuditVerification => ({
        ok: false,
        events,
        firstBadEvent: { id: r.id, applicationId: r.application_id, seq: r.seq, problem },
      });
      if (r.prev_hash !== prev) return bad('does not link to the event before it (an event was inserted or deleted)');
      const expected = eventHash(r.prev_hash, {
        applicationId: r.application_id,
        seq: r.seq,
        type: r.type,
        actor: r.actor,
        actorRole: r.actor_role,
        occurredAt: r.occurred_at.toISOString(),
        payload: r.payload,
        ...(r.state_after !== null ? { stateAfter: r.state_after } : {}),
      });
      if (expected !== r.hash) return bad('its content does not match its hash (the event was edited)');
      prev = r.hash;
      events++;
    }
    if (rows.length < batchSize) break;
    lastId = rows[rows.length - 1].id;
  }
  const [head] = await ds.query('SELECT last_hash, last_event_id::text AS last_event_id FROM audit_chain_head WHERE id = 1');
  if (!head || head.last_hash !== prev) {
    return {
      ok: false,
      events,
      firstBadEvent: {
        id: head?.last_event_id ?? 'head',
        applicationId: null,
        seq: null,
        problem: 'the chain head does not match the last event (events were deleted at the end)',
      },
    };
  }
  return { ok: true, events };
}
