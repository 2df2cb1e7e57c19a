import { Context } from '@temporalio/activity';
import type { DataSource } from 'typeorm';
import { type ClosedCaseKey, closedCasesPage, verifyReplay } from '../apps/worker/replay-verify';
import { finishReplayJob, recordReplayResults } from '../libs/persistence/replay-job.repository';

export interface ReplayVerifyDeps {
  ds: DataSource;
  /** the worker's own workflow bundle file, replayed against (else the workflows are bundled once) */
  workflowBundlePath?: string;
}

export interface ReplayPageInput {
  jobId: string;
  officeId: string;
  closedFrom: string;
  closedTo: string;
  after: ClosedCaseKey | null;
  limit: number;
}

/**
 * Replays one page of the period's closed cases and records each result. Replay runs no
 * activities and changes no case; a retried page records each case once.
 */
export function createReplayVerifyActivities({ ds, workflowBundlePath }: ReplayVerifyDeps) {
  return {
    async replayClosedPage(p: ReplayPageInput): Promise<{ next: ClosedCaseKey | null; checked: number; failed: number }> {
      const page = await closedCasesPage(ds, {
        from: new Date(p.closedFrom),
        to: new Date(p.closedTo),
        officeId: p.officeId,
        limit: p.limit,
        after: p.after,
      });
      Context.current().heartbeat(p.after);
      const report = await verifyReplay(
        Context.current().client,
        page.workflowIds,
        workflowBundlePath ? { workflowBundle: { codePath: workflowBundlePath } } : {},
      );
      const failures = new Map(report.failures.map((f) => [f.workflowId, f]));
      await recordReplayResults(
        ds,
        p.jobId,
        page.ids.map((applicationId, i) => {
          const f = failures.get(page.workflowIds[i]);
          return f ? { applicationId, ok: false, kind: f.kind, error: f.error.slice(0, 2000) } : { applicationId, ok: true };
        }),
      );
      return { next: page.next, checked: page.ids.length, failed: failures.size };
    },

    async finishReplayJob(jobId: string): Promise<void> {
      await finishReplayJob(ds, jobId);
    },
  };
}

export type ReplayVerifyActivities = ReturnType<typeof createReplayVerifyActivities>;
