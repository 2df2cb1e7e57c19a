import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { roleQueueStatuses, type StepFacts, type WaitingOn, waitingOn } from '../../../libs/case';
import type { ActionName, CaseStatus } from '../../../libs/contracts/case';
import { caseScope } from '../access/case-access';
import type { AuthUser } from '../auth/current-user';
import { DATA_SOURCE } from '../common/tokens';
import { officeToday, overdueSql } from '../common/overdue';

export interface InboxItem {
  id: string;
  registrationNumber: string;
  status: CaseStatus;
  dueOn: string | null;
  overdue: boolean;
  department: string | null;
  assignee: string | null;
  /** assigned: the case is assigned to the caller; role: it waits on a step of the caller's role (libs/case waitingOn) */
  reasons: WaitingOn['reasons'];
  /** the steps the caller may take now, as the workflow judges them (withdraw left out: always possible, never waiting) */
  actions: ActionName[];
}

export interface NotificationView {
  id: string;
  applicationId: string;
  registrationNumber: string;
  kind: string;
  message: string;
  dueOn: string | null;
  recipientUsername: string | null;
  recipientRole: string | null;
  createdAt: string;
  readAt: string | null;
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
  };
}

/** The columns stepFactsOfRow reads, from `applications a`. */
export const STEP_FACT_COLUMNS = `a.status, a.regime, a.assignee, a.triage_outcome, a.triaged_by,
  to_char(a.reasons_requested_on, 'YYYY-MM-DD') AS reasons_requested_on, a.reply_kind, a.drafted_by,
  a.confidentiality_approved, a.decision_approved`;

/** At most this many cases in one inbox, the most urgent first (overdue, then by due day). */
export const INBOX_LIMIT = 500;

@Injectable()
export class MeService {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  async inbox(user: AuthUser): Promise<{ items: InboxItem[]; total: number; truncated: boolean }> {
    const scope = caseScope(user);
    const n = scope.params.length;
    // Narrowed in SQL to the cases that can wait on the caller (assigned to them, or in a
    // status of their role's queue); libs/case's waitingOn decides each one below.
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT a.id, a.registration_number, to_char(a.due_on, 'YYYY-MM-DD') AS due_on,
              ${overdueSql(`$${n + 1}`)} AS overdue, a.department_code,
              ${STEP_FACT_COLUMNS}
       FROM applications a
       WHERE ${scope.sql} AND a.status <> 'closed' AND (a.assignee = $${n + 2} OR a.status = ANY($${n + 3}::text[]))
       ORDER BY 4 DESC, a.due_on ASC NULLS LAST, a.registration_number
       LIMIT ${INBOX_LIMIT + 1}`,
      [...scope.params, officeToday(), user.username, roleQueueStatuses(user.role)],
    );
    const truncated = rows.length > INBOX_LIMIT;
    if (truncated) rows.pop();
    const items: InboxItem[] = [];
    for (const r of rows) {
      // The rules of libs/case on the facts the workflow projected: what the workflow would accept.
      const facts = stepFactsOfRow(r);
      const waiting = waitingOn(facts, { username: user.username, role: user.role });
      if (!waiting) continue;
      items.push({
        id: r.id as string,
        registrationNumber: r.registration_number as string,
        status: facts.status,
        dueOn: r.due_on as string | null,
        overdue: r.overdue as boolean,
        department: r.department_code as string | null,
        assignee: facts.assignee,
        reasons: waiting.reasons,
        actions: waiting.actions,
      });
    }
    return { items, total: items.length, truncated };
  }

  /** The caller's notifications with the caller's own read state: a role's notification is read per holder. */
  async notifications(user: AuthUser): Promise<{ items: NotificationView[]; unread: number }> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT ${NOTIFICATION_COLUMNS}, count(*) FILTER (WHERE r.read_at IS NULL) OVER () AS unread
       FROM ${NOTIFICATION_FROM}
       WHERE ${NOTIFICATION_FOR_CALLER}
       ORDER BY (r.read_at IS NULL) DESC, n.created_at DESC, n.id DESC
       LIMIT 200`,
      [user.officeId, user.username, user.role],
    );
    // Counted before the LIMIT: the unread total even when the list is cut.
    return { items: rows.map(toNotification), unread: rows.length ? Number(rows[0].unread) : 0 };
  }

  /** Marks a notification read for the caller only; marking it again keeps the first time. */
  async markRead(id: string, user: AuthUser): Promise<NotificationView> {
    if (!/^\d{1,18}$/.test(id)) throw new NotFoundException(`notification ${id} not found`);
    const params = [user.officeId, user.username, user.role, id];
    await this.ds.query(
      `INSERT INTO notification_reads (notification_id, username)
       SELECT n.id, $2 FROM ${NOTIFICATION_FROM}
       WHERE ${NOTIFICATION_FOR_CALLER} AND n.id = $4
       ON CONFLICT ON CONSTRAINT pk_notification_reads DO NOTHING`,
      params,
    );
    const [row] = await this.ds.query(
      `SELECT ${NOTIFICATION_COLUMNS} FROM ${NOTIFICATION_FROM} WHERE ${NOTIFICATION_FOR_CALLER} AND n.id = $4`,
      params,
    );
    if (!row) throw new NotFoundException(`notification ${id} not found`);
    return toNotification(row);
  }
}

// $1 office id, $2 username, $3 role. notifications.read_at is history only (shared by all readers).
const NOTIFICATION_COLUMNS = `n.id, n.application_id, a.registration_number, n.kind, n.message,
  to_char(n.due_on, 'YYYY-MM-DD') AS due_on, n.recipient_username, n.recipient_role, n.created_at, r.read_at`;
const NOTIFICATION_FROM = `notifications n JOIN applications a ON a.id = n.application_id
  LEFT JOIN notification_reads r ON r.notification_id = n.id AND r.username = $2`;
const NOTIFICATION_FOR_CALLER = `a.office_id = $1 AND (n.recipient_username = $2 OR n.recipient_role = $3)`;

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
    createdAt: new Date(r.created_at as string).toISOString(),
    readAt: r.read_at ? new Date(r.read_at as string).toISOString() : null,
  };
}
