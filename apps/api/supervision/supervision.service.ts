import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { formatIsoDate, parseIsoDate } from '../../../libs/calendar/iso-date';
import { isIsoDate, shanghaiDate } from '../../../libs/time/shanghai';
import type { AuthUser } from '../auth/current-user';
import { DATA_SOURCE } from '../common/tokens';
import { overdueSql } from '../common/overdue';
import { workingDayIndex, workingDaysBetween } from '../common/working-days';

export interface BoardCase {
  id: string;
  registrationNumber: string;
  status: string;
  dueOn: string | null;
  department: string | null;
  assignee: string | null;
  /** working days left until the due day (negative: working days overdue) */
  workingDaysLeft: number | null;
}

export interface BoardGroup {
  count: number;
  byDepartment: { department: string | null; count: number }[];
  byAssignee: { assignee: string | null; count: number }[];
  items: BoardCase[];
}

export interface Rate {
  answered: number;
  onTime: number;
  onTimeRate: number | null;
  meanWorkingDays: number | null;
}

const UNSET = null;

function group(items: BoardCase[]): BoardGroup {
  const count = <K extends 'department' | 'assignee'>(key: K) => {
    const m = new Map<string | null, number>();
    for (const i of items) m.set(i[key] ?? UNSET, (m.get(i[key] ?? UNSET) ?? 0) + 1);
    return [...m.entries()]
      .sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])))
      .map(([k, n]) => ({ [key]: k, count: n }));
  };
  return {
    count: items.length,
    byDepartment: count('department') as BoardGroup['byDepartment'],
    byAssignee: count('assignee') as BoardGroup['byAssignee'],
    items,
  };
}

@Injectable()
export class SupervisionService {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  async board(
    user: AuthUser,
    rawDays?: string,
  ): Promise<{
    today: string;
    days: number;
    dueSoonUntil: string;
    overdue: BoardGroup;
    dueSoon: BoardGroup;
    heldByDeactivated: BoardGroup;
  }> {
    const days = rawDays === undefined ? 5 : Number(rawDays);
    if (!Number.isInteger(days) || days < 0 || days > 60) throw new BadRequestException('days: must be an integer 0-60');
    const index = await workingDayIndex(this.ds);
    const today = shanghaiDate(Date.now());
    const until = formatIsoDate(index.addWorkingDays(parseIsoDate(today), days));
    // In one read: open cases not yet answered that are overdue or due by `until` (on_board), and
    // open cases whose assignee's account has been deactivated or removed (held_by_deactivated):
    // nobody works on those until a supervisor reassigns them, whatever their due day.
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT * FROM (
         SELECT a.id, a.registration_number, a.status, to_char(a.due_on, 'YYYY-MM-DD') AS due_on, a.department_code, a.assignee,
                ${overdueSql('$3')} AS overdue, a.due_on AS due_date,
                COALESCE(a.answered_on IS NULL AND a.due_on IS NOT NULL AND a.due_on <= $2::date, false) AS on_board,
                a.assignee IS NOT NULL AND (u.id IS NULL OR NOT u.active) AS held_by_deactivated
         FROM applications a LEFT JOIN users u ON u.username = a.assignee
         WHERE a.office_id = $1 AND a.status <> 'closed'
       ) c
       WHERE on_board OR held_by_deactivated
       ORDER BY due_date NULLS LAST, registration_number`,
      [user.officeId, until, today],
    );
    const late = (dueOn: string | null) => dueOn !== null && dueOn < today;
    const boardCase = (r: Record<string, unknown>): BoardCase => {
      const dueOn = r.due_on as string | null;
      return {
        id: r.id as string,
        registrationNumber: r.registration_number as string,
        status: r.status as string,
        dueOn,
        department: r.department_code as string | null,
        assignee: r.assignee as string | null,
        workingDaysLeft:
          dueOn === null ? null : late(dueOn) ? -(workingDaysBetween(index, dueOn, today) ?? 0) : workingDaysBetween(index, today, dueOn),
      };
    };
    const overdue: BoardCase[] = [];
    const soon: BoardCase[] = [];
    const held: BoardCase[] = [];
    for (const r of rows) {
      const c = boardCase(r);
      if (r.on_board) (r.overdue ? overdue : soon).push(c);
      if (r.held_by_deactivated) held.push(c);
    }
    return {
      today,
      days,
      dueSoonUntil: until,
      overdue: group(overdue),
      dueSoon: group(soon),
      heldByDeactivated: group(held),
    };
  }

  async stats(
    user: AuthUser,
    from?: string,
    to?: string,
  ): Promise<{
    from: string;
    to: string;
    overall: Rate;
    byDepartment: (Rate & { department: string | null })[];
    byMonth: (Rate & { month: string })[];
  }> {
    if (!isIsoDate(from)) throw new BadRequestException('from: must be a date YYYY-MM-DD');
    if (!isIsoDate(to)) throw new BadRequestException('to: must be a date YYYY-MM-DD');
    if (to < from) throw new BadRequestException('to: must not be before from');
    const index = await workingDayIndex(this.ds);
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT to_char(a.received_on, 'YYYY-MM-DD') AS received_on, to_char(a.answered_on, 'YYYY-MM-DD') AS answered_on,
              to_char(a.due_on, 'YYYY-MM-DD') AS due_on, a.working_days_late, a.department_code
       FROM applications a
       WHERE a.office_id = $1 AND a.answered_on BETWEEN $2::date AND $3::date AND a.received_on IS NOT NULL`,
      [user.officeId, from, to],
    );
    type Acc = { answered: number; onTime: number; days: number; counted: number };
    const acc = () => ({ answered: 0, onTime: 0, days: 0, counted: 0 });
    const overall = acc();
    const byDept = new Map<string | null, Acc>();
    const byMonth = new Map<string, Acc>();
    for (const r of rows) {
      const answered = r.answered_on as string;
      const onTime = r.working_days_late === null ? answered <= (r.due_on as string) : (r.working_days_late as number) === 0;
      const wd = workingDaysBetween(index, r.received_on as string, answered);
      const dept = r.department_code as string | null;
      const month = answered.slice(0, 7);
      if (!byDept.has(dept)) byDept.set(dept, acc());
      if (!byMonth.has(month)) byMonth.set(month, acc());
      for (const a of [overall, byDept.get(dept)!, byMonth.get(month)!]) {
        a.answered++;
        if (onTime) a.onTime++;
        if (wd !== null) {
          a.days += wd;
          a.counted++;
        }
      }
    }
    const rate = (a: Acc): Rate => ({
      answered: a.answered,
      onTime: a.onTime,
      onTimeRate: a.answered ? Math.round((a.onTime / a.answered) * 10000) / 10000 : null,
      meanWorkingDays: a.counted ? Math.round((a.days / a.counted) * 100) / 100 : null,
    });
    return {
      from,
      to,
      overall: rate(overall),
      byDepartment: [...byDept.entries()]
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])))
        .map(([department, a]) => ({ department, ...rate(a) })),
      byMonth: [...byMonth.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([month, a]) => ({ month, ...rate(a) })),
    };
  }
}
