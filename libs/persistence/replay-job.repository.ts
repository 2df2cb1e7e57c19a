// Replay verification jobs of a period: the job, and each case replayed with its result.

/** Anything that runs SQL: a DataSource, an EntityManager. */
interface Db {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

export type ReplayFailureKind = 'divergence' | 'missing' | 'error';

export interface ReplayJobView {
  id: string;
  closedFrom: string;
  closedTo: string;
  status: 'running' | 'completed';
  /** the cases closed in the period when the job started */
  total: number;
  /** cases replayed so far */
  done: number;
  ok: number;
  failed: number;
  startedBy: string;
  startedAt: string;
  finishedAt: string | null;
  /** the cases that did not replay (at most 200), with why */
  failures: { applicationId: string; registrationNumber: string; kind: ReplayFailureKind; error: string }[];
}

/** The cases a job replays: closed in [from, to) in the office (as closedCasesPage pages them). */
const IN_PERIOD = `a.office_id = $1 AND a.closed_at >= $2 AND a.closed_at < $3`;

/** Records the job (once: a retried start finds it) with the number of cases closed in the period now. */
export async function createReplayJob(
  db: Db,
  j: { id: string; officeId: string; from: Date; to: Date; startedBy: string },
): Promise<{ id: string; total: number }> {
  const rows = (await db.query(
    `INSERT INTO replay_jobs (id, office_id, closed_from, closed_to, started_by, total)
     SELECT $4, $1, $2, $3, $5, count(*) FROM applications a WHERE ${IN_PERIOD}
     ON CONFLICT (id) DO UPDATE SET id = EXCLUDED.id
     RETURNING id, total`,
    [j.officeId, j.from, j.to, j.id, j.startedBy],
  )) as { id: string; total: number }[];
  return rows[0];
}

/** The results of one page; a case already recorded (a retried page) keeps its first result. */
export async function recordReplayResults(
  db: Db,
  jobId: string,
  results: { applicationId: string; ok: boolean; kind?: ReplayFailureKind; error?: string }[],
): Promise<void> {
  if (!results.length) return;
  await db.query(
    `INSERT INTO replay_job_cases (job_id, application_id, ok, failure_kind, error)
     SELECT $1, r.id, r.ok, r.kind, r.error FROM unnest($2::uuid[], $3::boolean[], $4::text[], $5::text[]) AS r(id, ok, kind, error)
     ON CONFLICT (job_id, application_id) DO NOTHING`,
    [
      jobId,
      results.map((r) => r.applicationId),
      results.map((r) => r.ok),
      results.map((r) => r.kind ?? null),
      results.map((r) => r.error ?? null),
    ],
  );
}

export async function finishReplayJob(db: Db, jobId: string): Promise<void> {
  await db.query(`UPDATE replay_jobs SET finished_at = COALESCE(finished_at, now()) WHERE id = $1`, [jobId]);
}

const JOB_COLUMNS = `j.id, j.total, j.started_by, j.started_at, j.finished_at,
  to_char(j.closed_from AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS closed_from,
  to_char(j.closed_to AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS closed_to,
  (SELECT count(*)::int FROM replay_job_cases c WHERE c.job_id = j.id) AS done,
  (SELECT count(*)::int FROM replay_job_cases c WHERE c.job_id = j.id AND c.ok) AS ok`;

const toView = (r: Record<string, unknown>, failures: ReplayJobView['failures']): ReplayJobView => ({
  id: r.id as string,
  closedFrom: r.closed_from as string,
  closedTo: r.closed_to as string,
  status: r.finished_at ? 'completed' : 'running',
  total: r.total as number,
  done: r.done as number,
  ok: r.ok as number,
  failed: (r.done as number) - (r.ok as number),
  startedBy: r.started_by as string,
  startedAt: (r.started_at as Date).toISOString(),
  finishedAt: r.finished_at ? (r.finished_at as Date).toISOString() : null,
  failures,
});

/** One job of the office, with its failures; undefined for another office's or an unknown id. */
export async function findReplayJob(db: Db, id: string, officeId: string): Promise<ReplayJobView | undefined> {
  const [r] = (await db.query(`SELECT ${JOB_COLUMNS} FROM replay_jobs j WHERE j.id = $1 AND j.office_id = $2`, [id, officeId])) as Record<
    string,
    unknown
  >[];
  if (!r) return undefined;
  const failures = (await db.query(
    `SELECT c.application_id, a.registration_number, c.failure_kind, c.error
     FROM replay_job_cases c JOIN applications a ON a.id = c.application_id
     WHERE c.job_id = $1 AND NOT c.ok ORDER BY a.registration_number LIMIT 200`,
    [id],
  )) as Record<string, unknown>[];
  return toView(
    r,
    failures.map((f) => ({
      applicationId: f.application_id as string,
      registrationNumber: f.registration_number as string,
      kind: f.failure_kind as ReplayFailureKind,
      error: f.error as string,
    })),
  );
}

/** The office's latest jobs, newest first (without their failures). */
export async function listReplayJobs(db: Db, officeId: string, limit = 20): Promise<ReplayJobView[]> {
  const rows = (await db.query(`SELECT ${JOB_COLUMNS} FROM replay_jobs j WHERE j.office_id = $1 ORDER BY j.started_at DESC LIMIT $2`, [
    officeId,
    limit,
  ])) as Record<string, unknown>[];
  return rows.map((r) => toView(r, []));
}
