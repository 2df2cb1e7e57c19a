import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { roleQueueStatuses, type WaitingOn, waitingOn } from '../../../libs/case';
import type { ActionName, CaseStatus } from '../../../libs/contracts/case';
import type { AuthUser } from '../auth/current-user';
import { officeToday } from '../common/overdue';
import { MeRepository, type NotificationView } from './me.repository';

export { stepFactsOfRow, type NotificationView } from './me.repository';

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

/** At most this many cases in one inbox, the most urgent first (overdue, then by due day). */
export const INBOX_LIMIT = 500;

@Injectable()
export class MeService {
  constructor(@Inject(MeRepository) private readonly repo: MeRepository) {}

  async inbox(user: AuthUser): Promise<{ items: InboxItem[]; total: number; truncated: boolean }> {
    const rows = await this.repo.inboxRows(user, officeToday(), roleQueueStatuses(user.role), INBOX_LIMIT + 1);
    const truncated = rows.length > INBOX_LIMIT;
    if (truncated) rows.pop();
    const items: InboxItem[] = [];
    for (const r of rows) {
      // The rules of libs/case on the facts the workflow projected: what the workflow would accept.
      const facts = r.facts;
      const waiting = waitingOn(facts, { username: user.username, role: user.role });
      if (!waiting) continue;
      items.push({
        id: r.id,
        registrationNumber: r.registrationNumber,
        status: facts.status,
        dueOn: r.dueOn,
        overdue: r.overdue,
        department: r.department,
        assignee: facts.assignee,
        reasons: waiting.reasons,
        actions: waiting.actions,
      });
    }
    return { items, total: items.length, truncated };
  }

  /** The caller's notifications with the caller's own read state: a role's notification is read per holder. */
  notifications(user: AuthUser): Promise<{ items: NotificationView[]; unread: number }> {
    return this.repo.notifications(user);
  }

  /** Marks a notification read for the caller only; marking it again keeps the first time. */
  async markRead(id: string, user: AuthUser): Promise<NotificationView> {
    if (!/^\d{1,18}$/.test(id)) throw new NotFoundException(`notification ${id} not found`);
    const row = await this.repo.markRead(user, id);
    if (!row) throw new NotFoundException(`notification ${id} not found`);
    return row;
  }
}
