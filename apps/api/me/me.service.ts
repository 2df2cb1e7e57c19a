import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { ACTION_RULES } from '../../../libs/case';
import { ACTION_NAMES, DISCLOSING_REPLY_KINDS, type ActionName, type CaseStatus, type ReplyKind } from '../../../libs/contracts/case';
import type { Role } from '../../../libs/contracts/roles';
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
  /** assigned: the case is assigned to the caller; role: it waits on a step only the caller's role takes */
  reasons: ('assigned' | 'role')[];
  /** steps the caller's role may take in the case's status (withdraw left out: always possible, never waiting) */
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

/** The steps of a role that the case in `status` waits for (libs/case rules, without the body/calendar checks). */
export function waitingActions(role: Role, status: CaseStatus, triageOutcome: string | null): ActionName[] {
  return ACTION_NAMES.filter((a) => {
    if (a === 'withdraw') return false;
    const rule = ACTION_RULES[a];
    if (!rule.roles.includes(role) || !rule.from.includes(status)) return false;
    if (a === 'confirm-petition') return triageOutcome === 'petition';
    if ((a === 'assign' || a === 'draft-decision' || a === 'request-correction') && triageOutcome === 'petition') return false;
    return true;
  });
}

/** What the case's recorded steps say about its current draft decision. */
export interface DraftFacts {
  /** who drafted the current decision (the last draft-decision step), if anyone */
  draftedBy: string | null;
  replyKind: string | null;
  /** the current draft passed the confidentiality review */
  reviewed: boolean;
}

/**
 * The waiting steps the caller could really take: no review or approval of a decision
 * they drafted themselves (the workflow refuses it: no self-approval), and no
 * confidentiality review of a draft that discloses nothing or has passed one already.
 */
export function actionsForCaller(actions: ActionName[], username: string, draft: DraftFacts): ActionName[] {
  return actions.filter((a) => {
    if (a !== 'review-confidentiality' && a !== 'approve-decision') return true;
    if (draft.draftedBy === username) return false;
    if (a === 'review-confidentiality') return DISCLOSING_REPLY_KINDS.includes(draft.replyKind as ReplyKind) && !draft.reviewed;
    return true;
  });
}

/** The statuses in which a case waits on a role as such, not on its assignee. */
function waitsOnRole(role: Role, status: CaseStatus, triageOutcome: string | null): boolean {
  switch (role) {
    case 'reviewer':
      return status === 'decision_drafted' || status === 'confidentiality_review' || status === 'approval';
    case 'supervisor':
      return status === 'extension_requested' || (status === 'triage' && triageOutcome === 'petition');
    case 'clerk':
      return status === 'awaiting_confirmation' || status === 'registered';
    default:
      return false;
  }
}

@Injectable()
export class MeService {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  async inbox(user: AuthUser): Promise<{ items: InboxItem[]; total: number }> {
    const scope = caseScope(user);
    // For a case with a draft decision: who drafted it (the last draft-decision step) and
    // whether a confidentiality review passed since (a rejected one sends the case back).
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT a.id, a.registration_number, a.status, to_char(a.due_on, 'YYYY-MM-DD') AS due_on, ${overdueSql(`$${scope.params.length + 1}`)} AS overdue, a.department_code,
              a.assignee, a.triage_outcome, a.reply_kind, d.actor AS drafted_by,
              (d.seq IS NOT NULL AND EXISTS (
                SELECT 1 FROM case_events r
                WHERE r.application_id = a.id AND r.type = 'review-confidentiality' AND r.seq > d.seq)) AS reviewed
       FROM applications a
       LEFT JOIN LATERAL (
         SELECT e.actor, e.seq FROM case_events e
         WHERE e.application_id = a.id AND e.type = 'draft-decision'
         ORDER BY e.seq DESC LIMIT 1
       ) d ON a.status IN ('decision_drafted', 'confidentiality_review', 'approval')
       WHERE ${scope.sql} AND a.status <> 'closed'
       ORDER BY 5 DESC, a.due_on ASC NULLS LAST, a.registration_number`,
      [...scope.params, officeToday()],
    );
    const items: InboxItem[] = [];
    for (const r of rows) {
      const status = r.status as CaseStatus;
      const triage = r.triage_outcome as string | null;
      const actions = actionsForCaller(waitingActions(user.role, status, triage), user.username, {
        draftedBy: (r.drafted_by as string | null) ?? null,
        replyKind: (r.reply_kind as string | null) ?? null,
        reviewed: r.reviewed === true,
      });
      const reasons: InboxItem['reasons'] = [];
      if (r.assignee === user.username) reasons.push('assigned');
      // A case waits on the role only for a step this caller may take.
      if (waitsOnRole(user.role, status, triage) && actions.length) reasons.push('role');
      if (!reasons.length) continue;
      items.push({
        id: r.id as string,
        registrationNumber: r.registration_number as string,
        status,
        dueOn: r.due_on as string | null,
        overdue: r.overdue as boolean,
        department: r.department_code as string | null,
        assignee: r.assignee as string | null,
        reasons,
        actions,
      });
    }
    return { items, total: items.length };
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
