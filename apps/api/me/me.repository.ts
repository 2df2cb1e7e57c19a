import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { StepFacts } from '../../../libs/case';
import type { CaseStatus } from '../../../libs/contracts/case';
import { caseScope } from '../access/case-access';
import type { AuthUser } from '../auth/current-user';
import { DATA_SOURCE } from '../common/tokens';
import { overdueSql } from '../common/overdue';

export interface NotificationView {
  id: string;
  applicationId: string;
  registrationNumber: string;
  kind: string;
  message: string;
  dueOn: string | null;
  recipientUsername: string | null;
  recipientRole: string | null;
  /** the supervisor who sent a reminder by hand (kind 'supervision'); null for the engine's own */
  sentBy: string | null;
  createdAt: string;
  readAt: string | null;
}

/** An open case that may wait on the caller, with the step facts the workflow projected. */
export interface InboxRow {
  id: string;
  registrationNumber: string;
  dueOn: string | null;
  overdue: boolean;
  department: string | null;
  facts: StepFacts;
}

/** The step facts the projection wrote to a row of `applications` (libs/case StepFacts). */
export function stepFactsOfRow(r: Record<string, unknown>): StepFacts {
  return {
    status: r.status as CaseStatus,
    regime: r.regime as StepFacts['regime'],
    assignee: r.assignee as string | null,
    triageOutcome: r.triage_outcome as StepFacts['triageOutcome'],
    triagedBy: r.triaged_by as string | null,
    reasonsRequestedOn: r.reasons_requested_on as string | null,
    replyKind: r.reply_kind as StepFacts['replyKind'],
    draftedBy: r.drafted_by as string | null,
    confidentialityApproved: r.confidentiality_approved === true,
    decisionApproved: r.decision_approved === true,
    letterFailed: r.letter_failed === true,
  };
}

/** The columns stepFactsOfRow reads, from `applications a`. */
export const STEP_FACT_COLUMNS = `a.status, a.regime, a.assignee, a.triage_outcome, a.triaged_by,
  to_char(a.reasons_requested_on, 'YYYY-MM-DD') AS reasons_requested_on, a.reply_kind, a.drafted_by,
  a.confidentiality_approved, a.decision_approved, a.letter_failed`;

@Injectable()
export class MeRepository {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  /**
   * The caller's open cases (case-access scope) that can wait on them: assigned to them, or in
   * one of `statuses` (their role's queue); the most urgent first, at most `limit`.
   */
  async inboxRows(user: AuthUser, today: string, statuses: readonly CaseStatus[], limit: number): Promise<InboxRow[]> {
    const scope = caseScope(user);
    const n = scope.params.length;
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT a.id, a.registration_number, to_char(a.due_on, 'YYYY-MM-DD') AS due_on,
              ${overdueSql(`$${n + 1}`)} AS overdue, a.department_code,
              ${STEP_FACT_COLUMNS}
       FROM applications a
       WHERE ${scope.sql} AND a.status <> 'closed' AND (a.assignee = $${n + 2} OR a.status = ANY($${n + 3}::text[]))
       ORDER BY 4 DESC, a.due_on ASC NULLS LAST, a.registration_number
       LIMIT $${n + 4}`,
      [...scope.params, today, user.username, statuses, limit],
    );
    return rows.map((r) => ({
      id: r.id as string,
      registrationNumber: r.registration_number as string,
      dueOn: r.due_on as string | null,
      overdue: r.overdue as boolean,
      department: r.department_code as string | null,
      facts: stepFactsOfRow(r),
    }));
  }

  /** The caller's notifications about cases they may see, unread first, with the unread count before the cut. */
  async notifications(user: AuthUser): Promise<{ items: NotificationView[]; unread: number }> {
    const { sql, params } = notificationsFor(user);
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT ${NOTIFICATION_COLUMNS}, count(*) FILTER (WHERE r.read_at IS NULL) OVER () AS unread
       FROM ${NOTIFICATION_FROM} WHERE ${sql}
       ORDER BY (r.read_at IS NULL) DESC, n.created_at DESC, n.id DESC
       LIMIT 200`,
      params,
    );
    return { items: rows.map(toNotification), unread: rows.length ? Number(rows[0].unread) : 0 };
  }

  /** Records that the caller read notification `id` (once); the notification, or undefined when it is not theirs. */
  async markRead(user: AuthUser, id: string): Promise<NotificationView | undefined> {
    const { sql, params } = notificationsFor(user);
    const idParam = `$${params.length + 1}`;
    await this.ds.query(
      `INSERT INTO notification_reads (notification_id, username)
       SELECT n.id, $1 FROM ${NOTIFICATION_FROM}
       WHERE ${sql} AND n.id = ${idParam}
       ON CONFLICT ON CONSTRAINT pk_notification_reads DO NOTHING`,
      [...params, id],
    );
    const [row] = await this.ds.query(`SELECT ${NOTIFICATION_COLUMNS} FROM ${NOTIFICATION_FROM} WHERE ${sql} AND n.id = ${idParam}`, [
      ...params,
      id,
    ]);
    return row ? toNotification(row) : undefined;
  }
}

// notifications.read_at is history only (shared by all readers); $1 is the caller's username.
const NOTIFICATION_COLUMNS = `n.id, n.application_id, a.registration_number, n.kind, n.message,
  to_char(n.due_on, 'YYYY-MM-DD') AS due_on, n.recipient_username, n.recipient_role, n.sent_by, n.created_at, r.read_at`;
const NOTIFICATION_FROM = `notifications n JOIN applications a ON a.id = n.application_id
  LEFT JOIN notification_reads r ON r.notification_id = n.id AND r.username = $1`;

/** Notifications addressed to the caller or their role, about cases the case-access rule lets them see. */
function notificationsFor(user: AuthUser): { sql: string; params: unknown[] } {
  const scope = caseScope(user, 3);
  return {
    sql: `(n.recipient_username = $1 OR n.recipient_role = $2) AND ${scope.sql}`,
    params: [user.username, user.role, ...scope.params],
  };
}

function toNotification(r: Record<string, unknown>): NotificationView {
  return {
    id: String(r.id),
    applicationId: r.application_id as string,
    registrationNumber: r.registration_number as string,
    kind: r.kind as string,
    message: r.message as string,
    dueOn: r.due_on as string | null,
    recipientUsername: r.recipient_username as string | null,
    recipientRole: r.recipient_role as string | null,
    sentBy: (r.sent_by as string | null) ?? null,
    createdAt: new Date(r.created_at as string).toISOString(),
    readAt: r.read_at ? new Date(r.read_at as string).toISOString() : null,
  };
}
