import type { CalendarData, CalendarDay, CalendarYear } from './calendar.types';
import { type DayNumber, dayNumber, formatIsoDate, isWeekend, parseIsoDate, weekdayName } from './iso-date';

export const DEFAULT_INDEX_FROM_YEAR = 2004;
export const DEFAULT_INDEX_TO_YEAR = 2040;

/** What the calendar says about one day; used by explanations, not by the hot path. */
export interface DayInfo {
  date: string;
  working: boolean;
  /** weekday: ordinary Mon-Fri; weekend: ordinary Sat/Sun; holiday / workday: a row of the data */
  kind: 'weekday' | 'weekend' | 'holiday' | 'workday';
  name?: string;
  weekday: string;
  /** the day's year has no official arrangement in the data */
  provisional: boolean;
}

/**
 * Precomputed working-day calendar over [fromYear, toYear]. Methods take day numbers
 * (see iso-date.ts) so that deadline computation is a few array reads:
 * O(1) for everything below. Days outside the range throw a RangeError.
 */
export interface WorkingDayIndex {
  readonly calendarVersion: string;
  readonly fromYear: number;
  readonly toYear: number;
  readonly firstDay: DayNumber;
  readonly lastDay: DayNumber;
  /** years of the range with an official arrangement in the data */
  readonly officialYears: readonly number[];
  contains(day: DayNumber): boolean;
  isWorkingDay(day: DayNumber): boolean;
  /** number of working days from the first day of the range up to and including `day` */
  workingDayOrdinal(day: DayNumber): number;
  /** the working day whose ordinal is `ordinal` (1 = first working day of the range) */
  workingDayAt(ordinal: number): DayNumber;
  /**
   * n > 0: the nth working day after `day` (day itself is day 0, whatever it is);
   * n < 0: the |n|th working day before `day`; n = 0: `day`.
   */
  addWorkingDays(day: DayNumber, n: number): DayNumber;
  /** working days d with from < d <= to (0 when to <= from) */
  workingDaysBetween(from: DayNumber, to: DayNumber): number;
  isProvisionalDay(day: DayNumber): boolean;
  /** some day of [from, to] lies in a year without official arrangement */
  hasProvisionalDay(from: DayNumber, to: DayNumber): boolean;
  /** years without official arrangement among the years of [from, to] */
  provisionalYearsBetween(from: DayNumber, to: DayNumber): number[];
  isoDate(day: DayNumber): string;
  dayInfo(day: DayNumber): DayInfo;
}

class PrefixSumIndex implements WorkingDayIndex {
  readonly firstDay: DayNumber;
  readonly lastDay: DayNumber;
  readonly officialYears: readonly number[];
  private readonly working: Uint8Array;
  // ordinal[i]: working days in [firstDay, firstDay + i]
  private readonly ordinal: Int32Array;
  private readonly workingDays: Int32Array;
  // provisionalCount[i]: provisional days in [firstDay, firstDay + i]
  private readonly provisionalCount: Int32Array;
  private readonly rows = new Map<DayNumber, CalendarDay>();
  private readonly officialSet: Set<number>;

  constructor(
    readonly calendarVersion: string,
    readonly fromYear: number,
    readonly toYear: number,
    years: ReadonlyMap<number, CalendarYear>,
  ) {
    this.firstDay = dayNumber(fromYear, 1, 1);
    this.lastDay = dayNumber(toYear, 12, 31);
    const size = this.lastDay - this.firstDay + 1;
    this.working = new Uint8Array(size);
    this.ordinal = new Int32Array(size);
    this.provisionalCount = new Int32Array(size);
    const official: number[] = [];
    for (let y = fromYear; y <= toYear; y++) {
      const cy = years.get(y);
      if (cy?.official) official.push(y);
      for (const row of cy?.days ?? []) this.rows.set(parseIsoDate(row.date), row);
    }
    this.officialYears = official;
    this.officialSet = new Set(official);

    const list: number[] = [];
    let count = 0;
    let provisional = 0;
    let year = fromYear;
    let nextYearStart = dayNumber(year + 1, 1, 1);
    let yearProvisional = !this.officialSet.has(year);
    for (let i = 0; i < size; i++) {
      const day = this.firstDay + i;
      if (day === nextYearStart) {
        year++;
        nextYearStart = dayNumber(year + 1, 1, 1);
        yearProvisional = !this.officialSet.has(year);
      }
      const row = this.rows.get(day);
      const works = row ? row.kind === 'workday' : !isWeekend(day);
      if (works) {
        count++;
        list.push(day);
      }
      if (yearProvisional) provisional++;
      this.working[i] = works ? 1 : 0;
      this.ordinal[i] = count;
      this.provisionalCount[i] = provisional;
    }
    this.workingDays = Int32Array.from(list);
  }

  contains(day: DayNumber): boolean {
    return day >= this.firstDay && day <= this.lastDay;
  }

  private offset(day: DayNumber): number {
    const i = day - this.firstDay;
    if (!(i >= 0 && day <= this.lastDay)) throw this.outOfRange(day);
    return i;
  }

  /** 'YYYY-MM-DD..YYYY-MM-DD'. Dates are formatted when asked for, not stored: every new case builds an index in its first workflow task. */
  private get range(): string {
    return `${formatIsoDate(this.firstDay)}..${formatIsoDate(this.lastDay)}`;
  }

  private outOfRange(day: DayNumber): RangeError {
    const what = Number.isFinite(day) ? formatIsoDate(day) : String(day);
    return new RangeError(`${what} is outside the calendar range ${this.range}`);
  }

  isWorkingDay(day: DayNumber): boolean {
    return this.working[this.offset(day)] === 1;
  }

  workingDayOrdinal(day: DayNumber): number {
    return this.ordinal[this.offset(day)];
  }

  workingDayAt(ordinal: number): DayNumber {
    if (!(ordinal >= 1 && ordinal <= this.workingDays.length)) {
      throw new RangeError(`working day #${ordinal} is outside the calendar range ${this.range}`);
    }
    return this.workingDays[ordinal - 1];
  }

  addWorkingDays(day: DayNumber, n: number): DayNumber {
    const i = this.offset(day);
    if (n === 0) return day;
    // Working days up to `day`: for n > 0 the next ones start at index ordinal[i];
    // for n < 0 the ones before `day` end at index ordinal[i] - working[i] - 1.
    const k = n > 0 ? this.ordinal[i] + n - 1 : this.ordinal[i] - this.working[i] + n;
    if (k < 0 || k >= this.workingDays.length) {
      throw new RangeError(`${n} working days from ${formatIsoDate(day)} falls outside the calendar range ${this.range}`);
    }
    return this.workingDays[k];
  }

  workingDaysBetween(from: DayNumber, to: DayNumber): number {
    if (to <= from) return 0;
    return this.ordinal[this.offset(to)] - this.ordinal[this.offset(from)];
  }

  isProvisionalDay(day: DayNumber): boolean {
    const i = this.offset(day);
    return this.provisionalCount[i] !== (i === 0 ? 0 : this.provisionalCount[i - 1]);
  }

  hasProvisionalDay(from: DayNumber, to: DayNumber): boolean {
    const a = this.offset(from);
    const b = this.offset(to);
    if (b < a) return false;
    return this.provisionalCount[b] - (a === 0 ? 0 : this.provisionalCount[a - 1]) > 0;
  }

  provisionalYearsBetween(from: DayNumber, to: DayNumber): number[] {
    const out: number[] = [];
    if (to < from) return out;
    const y0 = Number(this.isoDate(from).slice(0, 4));
    const y1 = Number(this.isoDate(to).slice(0, 4));
    for (let y = y0; y <= y1; y++) if (!this.officialSet.has(y)) out.push(y);
    return out;
  }

  isoDate(day: DayNumber): string {
    this.offset(day);
    return formatIsoDate(day);
  }

  dayInfo(day: DayNumber): DayInfo {
    const i = this.offset(day);
    const row = this.rows.get(day);
    const info: DayInfo = {
      date: formatIsoDate(day),
      working: this.working[i] === 1,
      kind: row ? row.kind : isWeekend(day) ? 'weekend' : 'weekday',
      weekday: weekdayName(day),
      provisional: this.isProvisionalDay(day),
    };
    if (row?.name) info.name = row.name;
    return info;
  }
}

/**
 * Builds the index once per calendar version. Years missing from `data` count as
 * plain Monday-Friday and are provisional; callers that can derive the statutory
 * holidays of such years (derived-holidays.ts) add them to `data` as official:false.
 */
export function buildWorkingDayIndex(
  data: CalendarData,
  fromYear: number = DEFAULT_INDEX_FROM_YEAR,
  toYear: number = DEFAULT_INDEX_TO_YEAR,
): WorkingDayIndex {
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear || fromYear < 1 || toYear > 9999) {
    throw new RangeError(`bad index range ${fromYear}..${toYear}`);
  }
  const years = new Map<number, CalendarYear>();
  for (const y of data.years) {
    if (years.has(y.year)) throw new Error(`calendar ${data.version}: year ${y.year} appears twice`);
    years.set(y.year, y);
  }
  return new PrefixSumIndex(data.version, fromYear, toYear, years);
}

/**
 * Replaces or adds years (e.g. an administrator's arrangement from the database on
 * top of the bundled calendar). The result needs a new version string because
 * deadlines record the version they were computed with.
 */
export function withYears(data: CalendarData, years: readonly CalendarYear[], version: string): CalendarData {
  const byYear = new Map<number, CalendarYear>(data.years.map((y) => [y.year, y]));
  for (const y of years) byYear.set(y.year, y);
  return { version, years: [...byYear.values()].sort((a, b) => a.year - b.year) };
}
