import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { formatIsoDate, parseIsoDate } from '../../../libs/calendar/iso-date';
import { isIsoDate, shanghaiDate } from '../../../libs/time/shanghai';
import type { AuthUser } from '../auth/current-user';
import { DATA_SOURCE } from '../common/tokens';
import { workingDayIndex, workingDaysBetween, workingDaysLeft } from '../common/working-days';
import { RESULT_GROUPS, resultGroupOf, resultRow } from '../reports/annual-report';
import { ReportsRepository } from '../reports/reports.repository';
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

export interface Stats {
  from: string;
  to: string;
  /** the department code the figures are limited to, or null for the whole office */
  department: string | null;
  overall: Rate;
  byDepartment: (Rate & { department: string | null })[];
  byMonth: (Rate & { month: string })[];
  /** applications received per month of the period (every month, zero included) */
  receivedByMonth: { month: string; received: number }[];
  /** replies and closing letters issued in the period, by the kind of result of the annual report's 三 */
  outcomes: { key: string; label: string; count: number }[];
  /** open cases by working days since receipt, today */
  openByAge: { key: string; label: string; min: number | null; max: number | null; count: number }[];
}

const UNCLASSIFIED = 'unclassified';

/** Age buckets of open cases in working days since receipt (the 20-day answer period and its extension). */
export const AGE_BUCKETS: readonly { key: string; label: string; min: number | null; max: number | null }[] = [
  { key: 'unconfirmed', label: '待确认收到', min: null, max: null },
  { key: '0-5', label: '0–5个工作日', min: 0, max: 5 },
  { key: '6-10', label: '6–10个工作日', min: 6, max: 10 },
  { key: '11-15', label: '11–15个工作日', min: 11, max: 15 },
  { key: '16-20', label: '16–20个工作日', min: 16, max: 20 },
  { key: '21-40', label: '21–40个工作日（延期）', min: 21, max: 40 },
  { key: '41+', label: '40个工作日以上', min: 41, max: null },
];

/** The months YYYY-MM from `from`'s to `to`'s, in order. */
function months(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number);
  const end = to.slice(0, 7);
  for (let i = 0; i < 1200; i++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= end) break;
    m = m === 12 ? 1 : m + 1;
    if (m === 1) y++;
  }
  return out;
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
    @Inject(ReportsRepository) private readonly reports: ReportsRepository,
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
    const boardCase = (r: BoardRow): BoardCase => {
      const dueOn = r.dueOn;
      return {
        id: r.id,
        registrationNumber: r.registrationNumber,
        status: r.status,
        dueOn,
        department: r.department,
        assignee: r.assignee,
        workingDaysLeft: workingDaysLeft(index, dueOn, today),
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

  async stats(user: AuthUser, from?: string, to?: string, department?: string): Promise<Stats> {
    if (!isIsoDate(from)) throw new BadRequestException('from: must be a date YYYY-MM-DD');
    if (!isIsoDate(to)) throw new BadRequestException('to: must be a date YYYY-MM-DD');
    if (to < from) throw new BadRequestException('to: must not be before from');
    if (department !== undefined && !/^[A-Za-z0-9_-]{1,32}$/.test(department))
      throw new BadRequestException('department: must be a department code (letters, digits, - and _)');
    const index = await workingDayIndex(this.ds);
    const [rows, received, decided, open] = await Promise.all([
      this.repo.answeredRows(user.officeId, from, to, department),
      this.repo.receivedByMonth(user.officeId, from, to, department),
      this.reports.decidedKinds(user.officeId, from, to, department),
      this.repo.openReceipts(user.officeId, department),
    ]);
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
    // Outcome mix: the cases whose reply or closing letter was issued in the period, by the kind
    // of result of the annual report's section 三 (the report's own mapping decides the row).
    const outcomeCounts = new Map<string, number>();
    for (const { count, ...kind } of decided) {
      const r = resultRow(kind);
      const key = 'row' in r ? resultGroupOf(r.row) : UNCLASSIFIED;
      outcomeCounts.set(key, (outcomeCounts.get(key) ?? 0) + count);
    }
    const outcomes = [...RESULT_GROUPS, { key: UNCLASSIFIED, label: '须人工归类' }].map((g) => ({
      ...g,
      count: outcomeCounts.get(g.key) ?? 0,
    }));
    // Open cases by age: working days since receipt, today.
    const ages = AGE_BUCKETS.map((b) => ({ ...b, count: 0 }));
    for (const received of open) {
      const age = received === null ? null : (workingDaysBetween(index, received, today) ?? 0);
      ages.find((b) =>
        age === null ? b.max === null && b.min === null : b.min !== null && age >= b.min && (b.max === null || age <= b.max),
      )!.count++;
    }
    return {
      from,
      to,
      department: department ?? null,
      overall: rate(overall),
      byDepartment: [...byDept.entries()]
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])))
        .map(([department, a]) => ({ department, ...rate(a) })),
      byMonth: [...byMonth.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([month, a]) => ({ month, ...rate(a) })),
      receivedByMonth: months(from, to).map((month) => ({ month, received: received.find((r) => r.month === month)?.received ?? 0 })),
      outcomes,
      openByAge: ages,
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
