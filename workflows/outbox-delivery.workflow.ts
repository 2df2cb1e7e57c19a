import { continueAsNew, proxyActivities } from '@temporalio/workflow';
import type { OutboxActivities } from '../activities/outbox.activities';

// One delivery per task queue, started by every worker (an existing one is kept). The activity
// polls the outbox for a while and returns; a dead worker is noticed by the heartbeat timeout and
// the activity retried on another worker, forever (the outbox is the source of truth).
const { deliverOutbox } = proxyActivities<OutboxActivities>({
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: '15 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

/** Delivers the message outbox: rounds of the delivery activity, continuing as new every 100 rounds. */
export async function outboxDeliveryWorkflow(o: { roundMs?: number } = {}): Promise<void> {
  for (let i = 0; i < 100; i++) await deliverOutbox({ forMs: o.roundMs ?? 30_000 });
  await continueAsNew<typeof outboxDeliveryWorkflow>(o);
}
