import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { formatIsoDate, parseIsoDate } from '../../../libs/calendar/iso-date';
import { isIsoDate, shanghaiDate } from '../../../libs/time/shanghai';
import type { AuthUser } from '../auth/current-user';
import { DATA_SOURCE } from '../common/tokens';
import { workingDayIndex, workingDaysBetween } from '../common/working-days';
import { type AnsweredRow, type BoardCaseFacts, type BoardRow, SupervisionRepository } from './supervision.repository';

export interface BoardCase extends BoardCaseFacts {
  /** working days left until the due day (negative: working days overdue) */
  workingDaysLeft: number | null;
}

export interface BoardGroup {
  count: number;
  byDepartment: { department: string | null; count: number }[];
  byAssignee: { assignee: string | null; count: number }[];
  /** the first BOARD_ITEMS cases, the most urgent first; `count` says how many there are */
  items: BoardCase[];
}

export interface Rate {
  answered: number;
  onTime: number;
  onTimeRate: number | null;
  meanWorkingDays: number | null;
}

const UNSET = null;

/** At most this many cases listed per board group (overdue, due soon, held by deactivated users); counts are exact. */
export const BOARD_ITEMS = 200;

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
    // The most urgent first (the rows come by due day); the counts above cover them all.
    items: items.slice(0, BOARD_ITEMS),
  };
}

@Injectable()
export class SupervisionService {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(SupervisionRepository) private readonly repo: SupervisionRepository,
  ) {}

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
    const rows = await this.repo.boardRows(user.officeId, until, today);
    const late = (dueOn: string | null) => dueOn !== null && dueOn < today;
    const boardCase = (r: BoardRow): BoardCase => {
      const dueOn = r.dueOn;
      return {
        id: r.id,
        registrationNumber: r.registrationNumber,
        status: r.status,
        dueOn,
        department: r.department,
        assignee: r.assignee,
        workingDaysLeft:
          dueOn === null ? null : late(dueOn) ? -(workingDaysBetween(index, dueOn, today) ?? 0) : workingDaysBetween(index, today, dueOn),
      };
    };
    const overdue: BoardCase[] = [];
    const soon: BoardCase[] = [];
    const held: BoardCase[] = [];
    for (const r of rows) {
      const c = boardCase(r);
      if (r.onBoard) (r.overdue ? overdue : soon).push(c);
      if (r.heldByDeactivated) held.push(c);
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
    const rows = await this.repo.answeredRows(user.officeId, from, to);
    const today = shanghaiDate(Date.now());
    type Acc = { answered: number; onTime: number; days: number; counted: number };
    const acc = () => ({ answered: 0, onTime: 0, days: 0, counted: 0 });
    const overall = acc();
    const byDept = new Map<string | null, Acc>();
    const byMonth = new Map<string, Acc>();
    for (const r of rows) {
      const answered = r.answeredOn;
      const onTime = onTimeByDispatch(r, today);
      const wd = workingDaysBetween(index, r.receivedOn, answered);
      const dept = r.department;
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

/**
 * legal-rules.md section 7: a reply is on time when it is issued and dispatched by the due day.
 * Dispatched: the day record-delivery recorded (the workflow judged working_days_late on it); an
 * issued reply not dispatched yet is late once its due day has passed. Cases delivered before the
 * dispatch day was projected keep the lateness judged when they were issued.
 */
export function onTimeByDispatch(r: AnsweredRow, today: string): boolean {
  if (r.awaitingDispatch) return r.answeredOn <= r.dueOn && today <= r.dueOn;
  if (r.dispatchedOn !== null) return r.answeredOn <= r.dueOn && r.dispatchedOn <= r.dueOn;
  return r.workingDaysLate === null ? r.answeredOn <= r.dueOn : r.workingDaysLate === 0;
}
