// Replays the recorded histories of every case closed in a period against today's workflow
// code, a page of cases per activity (retried until it succeeds; a case replayed once keeps
// its result), for auditors. Progress and results are in PostgreSQL (replay_jobs).
import { proxyActivities } from '@temporalio/workflow';
import type { ReplayVerifyActivities } from '../activities/replay-verify.activities';
import type { ReplayVerifyInput, ReplayVerifyResult } from '../libs/contracts/workflow';

const { replayClosedPage, finishReplayJob } = proxyActivities<ReplayVerifyActivities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '2 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

export async function replayVerifyWorkflow(input: ReplayVerifyInput): Promise<ReplayVerifyResult> {
  const limit = input.pageSize ?? 25;
  const result: ReplayVerifyResult = { pages: 0, checked: 0, failed: 0 };
  let after: Awaited<ReturnType<typeof replayClosedPage>>['next'] = null;
  do {
    const page: Awaited<ReturnType<typeof replayClosedPage>> = await replayClosedPage({ ...input, after, limit });
    result.pages++;
    result.checked += page.checked;
    result.failed += page.failed;
    after = page.next;
  } while (after !== null);
  await finishReplayJob(input.jobId);
  return result;
}
