// Plain calendar dates as integers (days since 1970-01-01), computed arithmetically.
// No Date objects: workflow code must be deterministic, and local-time Date
// arithmetic breaks across time zones and DST. Algorithms: H. Hinnant,
// "chrono-Compatible Low-Level Date Algorithms" (days_from_civil / civil_from_days).

/** Days since 1970-01-01 (day 0 is a Thursday). */
export type DayNumber = number;

export interface CivilDate {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

const DASH = 45;
const ZERO = 48;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Day number of a civil date (no validation of the day of month). */
export function dayNumber(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDayNumber(n: DayNumber): CivilDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - ZERO;
  return c >= 0 && c <= 9 ? c : -1000000; // poisons the sum so the result fails the range checks
}

/**
 * Day number of a 'YYYY-MM-DD' string, or NaN when it is not a real date
 * (rejects 2025-02-30, 2025-1-5, trailing text). Hot path: no regex, no allocation.
 */
export function parseIsoDate(s: unknown): DayNumber {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== DASH || s.charCodeAt(7) !== DASH) return NaN;
  const year = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const month = digit(s, 5) * 10 + digit(s, 6);
  const day = digit(s, 8) * 10 + digit(s, 9);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return NaN;
  return dayNumber(year, month, day);
}

export function isIsoDateString(s: unknown): s is string {
  return !Number.isNaN(parseIsoDate(s));
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

export function formatIsoDate(n: DayNumber): string {
  const { year, month, day } = civilFromDayNumber(n);
  return `${year < 1000 ? String(year).padStart(4, '0') : year}-${pad2(month)}-${pad2(day)}`;
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(n: DayNumber): number {
  return ((((n % 7) + 7) % 7) + 4) % 7;
}

export function isWeekend(n: DayNumber): boolean {
  const w = weekdayOf(n);
  return w === 0 || w === 6;
}

export function yearOf(n: DayNumber): number {
  return civilFromDayNumber(n).year;
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

export function weekdayName(n: DayNumber): string {
  return WEEKDAY_NAMES[weekdayOf(n)];
}
