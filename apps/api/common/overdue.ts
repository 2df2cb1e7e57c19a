import { shanghaiDate } from '../../../libs/time/shanghai';

// Whether a case is overdue, as every read (list, filter, inbox, board, statistics) shows
// it. The workflow's rule (libs/case recomputeDeadline): until the reply is issued a case
// is overdue from the first day after its due day in force, Asia/Shanghai; from the reply
// on, the flag it recorded then (answered late or not) is final. A case waiting for the
// applicant's correction has no due day in force: the period starts again from the day
// the correction arrives (Art. 30), so it is not overdue against the old one. The projected `overdue`
// column only changes when a step is projected, so for unanswered open cases the read
// side derives it from the due day and today instead of trusting the column.

/** Today in Asia/Shanghai (YYYY-MM-DD), the day the rule compares the due day with. */
export function officeToday(now = Date.now()): string {
  return shanghaiDate(now);
}

/** SQL for "overdue" on applications alias `a`, with today as the parameter `today` (e.g. `$3`). */
export function overdueSql(today: string, a = 'a'): string {
  return `(CASE WHEN ${a}.status = 'correction_requested' THEN false
    WHEN ${a}.answered_on IS NULL AND ${a}.status <> 'closed' THEN COALESCE(${a}.due_on < ${today}::date, false) ELSE ${a}.overdue END)`;
}

/**
 * SQL for "overdue" as a filter: the same rule written so that PostgreSQL can use the
 * partial index of open, unanswered cases by due day (`ix_applications_open_due`).
 */
export function overdueFilterSql(today: string, wanted: boolean, a = 'a'): string {
  const open = `${a}.answered_on IS NULL AND ${a}.status <> 'closed'`;
  const late = `((${open} AND ${a}.status <> 'correction_requested' AND ${a}.due_on < ${today}::date) OR (NOT (${open}) AND ${a}.overdue))`;
  return wanted ? late : `NOT ${late}`;
}
