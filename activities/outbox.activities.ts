import { Context } from '@temporalio/activity';
import type { DataSource } from 'typeorm';
import { MESSAGE_CHANNELS, type MessageChannel } from '../libs/messages/message-templates';
import type { MessageTransport } from '../libs/messages/transports';
import { claimMessages, holdMessages, markFailed, markSent } from '../libs/persistence/message-outbox.repository';

export interface OutboxDeps {
  ds: DataSource;
  /** The configured transports; a channel without one keeps its messages held. */
  transports?: MessageTransport[];
  /** How often an idle delivery looks at the outbox again (ms). */
  pollMs?: number;
}

export interface DeliveryRound {
  sent: number;
  failed: number;
  held: number;
}

/** How long one claim is held: a delivery that dies mid-send leaves the row to be claimed again after this. */
const LEASE_SECONDS = 60;
const MAX_ATTEMPTS = 10;
const BATCH = 20;

export function createOutboxActivities({ ds, transports = [], pollMs = 1000 }: OutboxDeps) {
  const byChannel = new Map<MessageChannel, MessageTransport>(transports.map((t) => [t.channel, t]));
  const live = [...byChannel.keys()];
  const missing = MESSAGE_CHANNELS.filter((c) => !byChannel.has(c));

  /**
   * Delivers the outbox for up to `forMs`, then returns (the workflow calls it again, continuing
   * as new now and then, so its history stays short). Each message: claim (status 'sending', a
   * lease) → send with the outbox id as idempotency key → mark sent; a failed send goes back to
   * pending with a backoff, failed for good after 10 attempts. The activity heartbeats, so a
   * worker that dies is noticed within the heartbeat timeout and the delivery resumes on another;
   * the rows it had claimed are claimed again when their lease ends.
   */
  async function deliverOutbox(o: { forMs: number }): Promise<DeliveryRound> {
    const ctx = Context.current();
    const until = Date.now() + o.forMs;
    const round: DeliveryRound = { sent: 0, failed: 0, held: 0 };
    for (;;) {
      ctx.heartbeat(round);
      round.held += await holdMessages(ds, missing);
      const batch = await claimMessages(ds, live, BATCH, LEASE_SECONDS);
      for (const m of batch) {
        try {
          const providerId = await byChannel.get(m.channel)!.send({ id: m.id, to: m.recipient, subject: m.subject, body: m.body });
          await markSent(ds, m.id, providerId);
          round.sent++;
        } catch (err) {
          await markFailed(ds, m.id, err instanceof Error ? err.message : String(err), MAX_ATTEMPTS);
          round.failed++;
        }
        ctx.heartbeat(round);
      }
      if (batch.length === BATCH) continue;
      if (Date.now() + pollMs > until) return round;
      // Cancellable: a worker shutting down cancels the activity here and it ends at once.
      await ctx.sleep(pollMs);
    }
  }

  return { deliverOutbox };
}

export type OutboxActivities = ReturnType<typeof createOutboxActivities>;
