// Replay verification for auditors: fetch the recorded Temporal history of each
// case and replay it against today's workflow code. A history that no longer
// produces the same commands (DeterminismViolationError) or makes the workflow
// fail differently is reported per case. Replay runs no activities and changes nothing.
import { type Client, isGrpcServiceError, WorkflowNotFoundError } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, type WorkflowBundle, Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { workflowIdFor } from '../../libs/contracts/application';
import { workflowBundlerOptions } from './bundler-options';

type History = Awaited<ReturnType<ReturnType<Client['workflow']['getHandle']>['fetchHistory']>>;

// The worker's entry point (as worker.factory's workflowsPath), without pulling the activities into the API process.
const defaultWorkflowsPath = (): string => require.resolve('../../workflows');

export interface ReplayFailure {
  workflowId: string;
  /** divergence: the history does not replay; missing: no history (unknown id or past retention); error: could not fetch. */
  kind: 'divergence' | 'missing' | 'error';
  error: string;
}

export interface ReplayReport {
  checked: number;
  ok: number;
  failures: ReplayFailure[];
}

export interface VerifyReplayOptions {
  /** The workflow code to replay against; defaults to the worker's (workflows/index.ts). */
  workflowsPath?: string;
  /** A prebuilt bundle (code, or the path of a bundle file); otherwise `workflowsPath` is bundled once per process and cached. */
  workflowBundle?: WorkflowBundle | { codePath: string };
}

const GRPC_NOT_FOUND = 5;
const bundles = new Map<string, Promise<WorkflowBundle>>();

/** The workflow bundle for `path`, built on first use and kept in memory (bundling takes seconds). */
export function cachedWorkflowBundle(path = defaultWorkflowsPath()): Promise<WorkflowBundle> {
  let bundle = bundles.get(path);
  if (!bundle) {
    bundle = bundleWorkflowCode({ workflowsPath: path, ...workflowBundlerOptions, logger: new DefaultLogger('WARN') }).then(({ code }) => ({
      code,
    }));
    bundles.set(path, bundle);
    bundle.catch(() => bundles.delete(path)); // a failed build is retried next time
  }
  return bundle;
}

const messageOf = (e: unknown): string => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

/** Replays the current run of each workflow id; every id is checked, failures do not stop the others. */
export async function verifyReplay(
  client: Client,
  workflowIds: readonly string[],
  options: VerifyReplayOptions = {},
): Promise<ReplayReport> {
  const ids = [...new Set(workflowIds)];
  const failures: ReplayFailure[] = [];
  const histories: { workflowId: string; history: History }[] = [];
  for (const workflowId of ids) {
    try {
      histories.push({ workflowId, history: await client.workflow.getHandle(workflowId).fetchHistory() });
    } catch (e) {
      // fetchHistory surfaces an unknown id as a raw gRPC NOT_FOUND (5), not WorkflowNotFoundError.
      if (e instanceof WorkflowNotFoundError || (isGrpcServiceError(e) && e.code === GRPC_NOT_FOUND))
        failures.push({ workflowId, kind: 'missing', error: `no history for ${workflowId} (unknown, or past retention)` });
      else failures.push({ workflowId, kind: 'error', error: messageOf(e) });
    }
  }
  let ok = 0;
  if (histories.length > 0) {
    const workflowBundle = options.workflowBundle ?? (await cachedWorkflowBundle(options.workflowsPath));
    for await (const result of Worker.runReplayHistories({ workflowBundle, replayName: 'replay-verify' }, histories)) {
      if (result.error) failures.push({ workflowId: result.workflowId, kind: 'divergence', error: messageOf(result.error) });
      else ok += 1;
    }
  }
  return { checked: ids.length, ok, failures };
}

/** Where a page of closed cases ended: the last case's closing instant (UTC, microseconds, as stored) and id. */
export interface ClosedCaseKey {
  closedAt: string;
  id: string;
}

export interface ClosedCasesPage {
  workflowIds: string[];
  /** the cases' application ids, in the same order */
  ids: string[];
  /** where the next page starts; null when this page reached the end of the period */
  next: ClosedCaseKey | null;
}

export const CLOSED_AT_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/**
 * One page of the cases closed in [from, to), optionally of one office only, in closing order
 * (ties by id), starting after `after`. Keyset paging: cases closing meanwhile never shift a page.
 */
export async function closedCasesPage(
  ds: DataSource,
  q: { from: Date; to: Date; officeId?: string; limit: number; after?: ClosedCaseKey | null },
): Promise<ClosedCasesPage> {
  const rows: { id: string; workflow_id: string | null; closed_key: string }[] = await ds.query(
    `SELECT id, workflow_id, to_char(closed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS closed_key
     FROM applications
     WHERE closed_at >= $1 AND closed_at < $2 AND ($3::uuid IS NULL OR office_id = $3::uuid)
       AND ($4::timestamptz IS NULL OR (closed_at, id) > ($4::timestamptz, $5::uuid))
     ORDER BY closed_at, id
     LIMIT $6`,
    [q.from, q.to, q.officeId ?? null, q.after?.closedAt ?? null, q.after?.id ?? null, q.limit + 1],
  );
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    workflowIds: page.map((r) => r.workflow_id ?? workflowIdFor(r.id)),
    ids: page.map((r) => r.id),
    next: rows.length > q.limit ? { closedAt: last.closed_key, id: last.id } : null,
  };
}

/** A period bound: a day YYYY-MM-DD (midnight in China Standard Time) or an ISO date-time with offset. */
export function parsePeriodBound(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
  if (!day && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return undefined;
  const d = new Date(day ? `${value}T00:00:00+08:00` : value);
  if (Number.isNaN(d.getTime())) return undefined;
  // Reject days that Date rolls over (2026-02-30 -> March 2).
  if (day && new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10) !== value) return undefined;
  return d;
}
