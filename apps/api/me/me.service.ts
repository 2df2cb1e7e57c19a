import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { ACTION_RULES } from '../../../libs/case';
import { ACTION_NAMES, type ActionName, type CaseStatus } from '../../../libs/contracts/case';
import type { Role } from '../../../libs/contracts/roles';
import { caseScope } from '../applications/scope';
import type { AuthUser } from '../auth/current-user';
import { DATA_SOURCE } from '../common/tokens';

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
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT a.id, a.registration_number, a.status, to_char(a.due_on, 'YYYY-MM-DD') AS due_on, a.overdue, a.department_code,
              a.assignee, a.triage_outcome
       FROM applications a
       WHERE ${scope.sql} AND a.status <> 'closed'
       ORDER BY a.overdue DESC, a.due_on ASC NULLS LAST, a.registration_number`,
      scope.params,
    );
    const items: InboxItem[] = [];
    for (const r of rows) {
      const status = r.status as CaseStatus;
      const triage = r.triage_outcome as string | null;
      const reasons: InboxItem['reasons'] = [];
      if (r.assignee === user.username) reasons.push('assigned');
      if (waitsOnRole(user.role, status, triage)) reasons.push('role');
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
        actions: waitingActions(user.role, status, triage),
      });
    }
    return { items, total: items.length };
  }

  async notifications(user: AuthUser): Promise<{ items: NotificationView[]; unread: number }> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT n.id, n.application_id, a.registration_number, n.kind, n.message, to_char(n.due_on, 'YYYY-MM-DD') AS due_on,
              n.recipient_username, n.recipient_role, n.created_at, n.read_at
       FROM notifications n JOIN applications a ON a.id = n.application_id
       WHERE a.office_id = $1 AND (n.recipient_username = $2 OR n.recipient_role = $3)
       ORDER BY (n.read_at IS NULL) DESC, n.created_at DESC, n.id DESC
       LIMIT 200`,
      [user.officeId, user.username, user.role],
    );
    const items = rows.map(toNotification);
    return { items, unread: items.filter((n) => n.readAt === null).length };
  }

  async markRead(id: string, user: AuthUser): Promise<NotificationView> {
    if (!/^\d{1,18}$/.test(id)) throw new NotFoundException(`notification ${id} not found`);
    const result = await this.ds.query(
      `UPDATE notifications n SET read_at = COALESCE(n.read_at, now())
       FROM applications a
       WHERE n.id = $1 AND a.id = n.application_id AND a.office_id = $2 AND (n.recipient_username = $3 OR n.recipient_role = $4)
       RETURNING n.id, n.application_id, a.registration_number, n.kind, n.message, to_char(n.due_on, 'YYYY-MM-DD') AS due_on,
                 n.recipient_username, n.recipient_role, n.created_at, n.read_at`,
      [id, user.officeId, user.username, user.role],
    );
    // An UPDATE answers [rows, count] through TypeORM's postgres driver.
    const [row] = (Array.isArray(result[0]) ? result[0] : result) as Record<string, unknown>[];
    if (!row) throw new NotFoundException(`notification ${id} not found`);
    return toNotification(row);
  }
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
    createdAt: new Date(r.created_at as string).toISOString(),
    readAt: r.read_at ? new Date(r.read_at as string).toISOString() : null,
  };
}
