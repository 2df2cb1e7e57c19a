import type { CalendarData, CalendarDay, CalendarYear } from './calendar.types';
import { dayNumber, formatIsoDate, parseIsoDate, weekdayName, weekdayOf } from './iso-date';

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

const YEAR_FIELDS = new Set(['year', 'official', 'days', 'notice']);
const DAY_FIELDS = new Set(['date', 'kind', 'name', 'notice']);
const MAX_TEXT = 500;

export const MIN_CALENDAR_YEAR = 1950;
export const MAX_CALENDAR_YEAR = 2200;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === undefined) return 'missing';
  const s = JSON.stringify(v);
  return s && s.length > 40 ? `${s.slice(0, 37)}...` : String(s);
}

function checkText(v: unknown, field: string, errors: string[]): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || v.trim() === '' || v.length > MAX_TEXT) {
    errors.push(`${field}: must be a non-empty text of at most ${MAX_TEXT} characters (got ${describe(v)})`);
    return undefined;
  }
  return v.trim();
}

/**
 * Checks one year's holiday arrangement as an administrator loads or corrects it
 * (e.g. typed from the State Council notice). Errors name the field and the rule.
 * The value is normalized: days sorted by date, text trimmed.
 */
export function validateYearArrangement(input: unknown, path = ''): ValidationResult<CalendarYear> {
  const errors: string[] = [];
  const at = (f: string) => (path ? `${path}.${f}` : f);
  if (!isRecord(input)) {
    return { ok: false, errors: [`${path || '(input)'}: must be an object {year, official, days, notice?}`] };
  }
  for (const k of Object.keys(input)) if (!YEAR_FIELDS.has(k)) errors.push(`${at(k)}: unknown field`);

  const year = input.year;
  const yearOk = typeof year === 'number' && Number.isInteger(year) && year >= MIN_CALENDAR_YEAR && year <= MAX_CALENDAR_YEAR;
  if (!yearOk) errors.push(`${at('year')}: must be an integer year ${MIN_CALENDAR_YEAR}-${MAX_CALENDAR_YEAR} (got ${describe(year)})`);
  if (typeof input.official !== 'boolean') errors.push(`${at('official')}: must be true or false (got ${describe(input.official)})`);
  const notice = checkText(input.notice, at('notice'), errors);

  const days: CalendarDay[] = [];
  if (!Array.isArray(input.days)) {
    errors.push(`${at('days')}: must be an array of {date, kind, name?, notice?} (got ${describe(input.days)})`);
  } else {
    const seen = new Map<number, number>();
    input.days.forEach((raw: unknown, i: number) => {
      const p = `${at('days')}[${i}]`;
      if (!isRecord(raw)) {
        errors.push(`${p}: must be an object {date, kind, name?, notice?}`);
        return;
      }
      for (const k of Object.keys(raw)) if (!DAY_FIELDS.has(k)) errors.push(`${p}.${k}: unknown field`);
      const kind = raw.kind;
      const kindOk = kind === 'holiday' || kind === 'workday';
      if (!kindOk) errors.push(`${p}.kind: must be "holiday" or "workday" (got ${describe(kind)})`);
      const name = checkText(raw.name, `${p}.name`, errors);
      const dayNotice = checkText(raw.notice, `${p}.notice`, errors);
      const n = parseIsoDate(raw.date);
      if (Number.isNaN(n)) {
        errors.push(`${p}.date: must be a date YYYY-MM-DD (got ${describe(raw.date)})`);
        return;
      }
      const date = raw.date as string;
      if (yearOk && (n < dayNumber(year, 1, 1) || n > dayNumber(year, 12, 31))) {
        errors.push(`${p}.date: ${date} is not in ${year}`);
      }
      const first = seen.get(n);
      if (first !== undefined) {
        errors.push(`${p}.date: ${date} duplicates ${at('days')}[${first}]`);
      } else {
        seen.set(n, i);
      }
      const wd = weekdayOf(n);
      const weekend = wd === 0 || wd === 6;
      if (kind === 'workday' && !weekend) {
        errors.push(
          `${p}.date: ${date} is declared a working day but is not a weekend day (${weekdayName(n)}); only a Saturday or Sunday can be a make-up working day`,
        );
      }
      if (kind === 'holiday' && weekend) {
        errors.push(`${p}.date: ${date} is declared a holiday but is a ${weekdayName(n)}; a weekend rest day needs no row`);
      }
      if (!kindOk) return;
      const day: CalendarDay = { date: formatIsoDate(n), kind };
      if (name !== undefined) day.name = name;
      if (dayNotice !== undefined) day.notice = dayNotice;
      days.push(day);
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const value: CalendarYear = { year: year as number, official: input.official as boolean, days };
  if (notice !== undefined) value.notice = notice;
  return { ok: true, value };
}

/** Checks a whole calendar (e.g. rows read back from the database). */
export function validateCalendarData(input: unknown): ValidationResult<CalendarData> {
  if (!isRecord(input)) return { ok: false, errors: ['(input): must be an object {version, years}'] };
  const errors: string[] = [];
  for (const k of Object.keys(input)) if (k !== 'version' && k !== 'years') errors.push(`${k}: unknown field`);
  const version = checkText(input.version, 'version', errors);
  if (input.version === undefined) errors.push('version: required');
  const years: CalendarYear[] = [];
  if (!Array.isArray(input.years)) {
    errors.push(`years: must be an array (got ${describe(input.years)})`);
  } else {
    const seen = new Map<number, number>();
    input.years.forEach((raw: unknown, i: number) => {
      const r = validateYearArrangement(raw, `years[${i}]`);
      if (!r.ok) {
        errors.push(...r.errors);
        return;
      }
      const first = seen.get(r.value.year);
      if (first !== undefined) errors.push(`years[${i}].year: ${r.value.year} duplicates years[${first}]`);
      else seen.set(r.value.year, i);
      years.push(r.value);
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  years.sort((a, b) => a.year - b.year);
  return { ok: true, value: { version: version as string, years } };
}
