// Calendar fan-out jobs: which open cases a calendar load touches, which of them were
// signalled, and how many had their due day moved by it.

/** Anything that runs SQL: a DataSource, an EntityManager. */
interface Db {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** The open cases whose deadline a year's arrangement can touch (received by its end, due after its start). */
const TOUCHING = `a.status <> 'closed' AND a.received_on IS NOT NULL
  AND a.received_on <= make_date($1, 12, 31) AND (a.due_on IS NULL OR a.due_on >= make_date($1, 1, 1))`;

/** Records a job for `version` of `year` with the number of open cases it touches now; returns that number. */
export async function createCalendarJob(db: Db, j: { id: string; year: number; version: string; startedBy: string }): Promise<number> {
  const rows = (await db.query(
    `INSERT INTO calendar_jobs (id, year, version, started_by, affected)
     SELECT $2, $1, $3, $4, count(*) FROM applications a WHERE ${TOUCHING}
     ON CONFLICT (id) DO UPDATE SET id = EXCLUDED.id
     RETURNING affected`,
    [j.year, j.id, j.version, j.startedBy],
  )) as { affected: number }[];
  return rows[0].affected;
}

/**
 * The next page of touched open cases after `after` (by id), each entered in the job with its
 * due day as it stands before the signal (kept from the first time on a retried page).
 */
export async function claimCalendarJobPage(
  db: Db,
  p: { jobId: string; year: number; after: string | null; limit: number },
): Promise<{ id: string; workflowId: string }[]> {
  const rows = (await db.query(
    `WITH page AS (
       SELECT a.id, a.workflow_id, a.due_on FROM applications a
       WHERE ${TOUCHING} AND ($3::uuid IS NULL OR a.id > $3::uuid)
       ORDER BY a.id LIMIT $4
     ), entered AS (
       INSERT INTO calendar_job_cases (job_id, application_id, due_before)
       SELECT $2, id, due_on FROM page ON CONFLICT (job_id, application_id) DO NOTHING
     )
     SELECT id, workflow_id FROM page ORDER BY id`,
    [p.year, p.jobId, p.after, p.limit],
  )) as { id: string; workflow_id: string }[];
  return rows.map((r) => ({ id: r.id, workflowId: r.workflow_id }));
}

/** Records what signalling each case of a page did. */
export async function recordCalendarJobOutcomes(db: Db, jobId: string, outcomes: { id: string; outcome: 'signalled' | 'not_running' }[]) {
  if (!outcomes.length) return;
  await db.query(
    `UPDATE calendar_job_cases c SET outcome = o.outcome
     FROM unnest($2::uuid[], $3::text[]) AS o(id, outcome)
     WHERE c.job_id = $1 AND c.application_id = o.id`,
    [jobId, outcomes.map((o) => o.id), outcomes.map((o) => o.outcome)],
  );
}

export async function finishCalendarJob(db: Db, jobId: string): Promise<void> {
  await db.query(`UPDATE calendar_jobs SET finished_at = COALESCE(finished_at, now()) WHERE id = $1`, [jobId]);
}

export interface CalendarJobProgress {
  id: string;
  year: number;
  version: string;
  startedBy: string;
  startedAt: string;
  finishedAt: string | null;
  /** open cases the arrangement touched when the job started */
  affected: number;
  /** cases signalled so far */
  signalled: number;
  /** cases whose workflow had already ended (closed meanwhile) */
  notRunning: number;
  /** cases whose due day has moved since they were signalled (the case recomputes on the signal) */
  changed: number;
}

export async function findCalendarJob(db: Db, id: string): Promise<CalendarJobProgress | undefined> {
  const rows = (await db.query(
    `SELECT j.id, j.year, j.version, j.started_by, j.started_at, j.finished_at, j.affected,
            count(c.application_id) FILTER (WHERE c.outcome = 'signalled')::int AS signalled,
            count(c.application_id) FILTER (WHERE c.outcome = 'not_running')::int AS not_running,
            count(c.application_id) FILTER (WHERE c.outcome = 'signalled' AND a.due_on IS DISTINCT FROM c.due_before)::int AS changed
     FROM calendar_jobs j
     LEFT JOIN calendar_job_cases c ON c.job_id = j.id
     LEFT JOIN applications a ON a.id = c.application_id
     WHERE j.id = $1
     GROUP BY j.id`,
    [id],
  )) as Record<string, unknown>[];
  const r = rows[0];
  if (!r) return undefined;
  return {
    id: r.id as string,
    year: r.year as number,
    version: r.version as string,
    startedBy: r.started_by as string,
    startedAt: (r.started_at as Date).toISOString(),
    finishedAt: r.finished_at ? (r.finished_at as Date).toISOString() : null,
    affected: r.affected as number,
    signalled: r.signalled as number,
    notRunning: r.not_running as number,
    changed: r.changed as number,
  };
}
