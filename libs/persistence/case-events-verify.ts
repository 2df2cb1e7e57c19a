import type { DataSource } from 'typeorm';
import { eventHash } from './case-event.repository';

/** One case's recorded steps as they are stored, with the hash chain fields an auditor re-computes. */
export interface StoredCaseEvent {
  id: string;
  seq: number;
  type: string;
  actor: string;
  actorRole: string;
  occurredAt: string;
  payload: Record<string, unknown>;
  stateAfter: Record<string, unknown> | null;
  prevHash: string;
  hash: string;
}

export interface CaseEventsVerification {
  ok: boolean;
  events: number;
  firstBadEvent?: { id: string; seq: number; problem: string };
}

/** The case's events in order, exactly as stored. */
export async function storedCaseEvents(ds: DataSource, applicationId: string): Promise<StoredCaseEvent[]> {
  const rows: Record<string, unknown>[] = await ds.query(
    `SELECT id::text AS id, seq, type, actor, actor_role, occurred_at, payload, state_after, prev_hash, hash
     FROM case_events WHERE application_id = $1 ORDER BY seq`,
    [applicationId],
  );
  return rows.map((r) => ({
    id: r.id as string,
    seq: r.seq as number,
    type: r.type as string,
    actor: r.actor as string,
    actorRole: r.actor_role as string,
    occurredAt: (r.occurred_at as Date).toISOString(),
    payload: r.payload as Record<string, unknown>,
    stateAfter: r.state_after as Record<string, unknown> | null,
    prevHash: r.prev_hash as string,
    hash: r.hash as string,
  }));
}

/**
 * Checks one case's events on their own (the office-wide chain check is verifyAuditChain): each
 * event's content still matches its hash, and the steps are numbered 1, 2, 3… without a gap. The
 * links to other cases' events in between are the office-wide check's business.
 */
export function verifyCaseEvents(applicationId: string, events: readonly StoredCaseEvent[]): CaseEventsVerification {
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    const bad = (problem: string): CaseEventsVerification => ({ ok: false, events: i, firstBadEvent: { id: e.id, seq: e.seq, problem } });
    if (e.seq !== i + 1) return bad(`step ${i + 1} is missing (the next recorded step is ${e.seq})`);
    const expected = eventHash(e.prevHash, {
      applicationId,
      seq: e.seq,
      type: e.type,
      actor: e.actor,
      actorRole: e.actorRole,
      occurredAt: e.occurredAt,
      payload: e.payload,
      ...(e.stateAfter !== null ? { stateAfter: e.stateAfter } : {}),
    });
    if (expected !== e.hash) return bad('its content does not match its hash (the event was edited)');
  }
  return { ok: true, events: events.length };
}
