import type { CalendarDay, CalendarYear } from './calendar.types';
import { dayNumber, formatIsoDate, isWeekend } from './iso-date';
import { type ValidationResult, validateYearArrangement } from './year-arrangement.validator';

export interface IcsImportOptions {
  official?: boolean; // default true: an ICS is normally the published arrangement
  notice?: string;
}

// Markers used by common holiday feeds (chinese-days, Apple/Google China holiday calendars).
const WORK_MARKERS = ['(班)', '（班）', '上班', '补班', '(Work)', '(work)', 'Workday'];
const REST_MARKERS = ['(休)', '（休）', '休', '放假', '(Holiday)', 'Holiday'];

function unfold(text: string): string[] {
  const lines: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && lines.length > 0) lines[lines.length - 1] += raw.slice(1);
    else lines.push(raw);
  }
  return lines;
}

function parseIcsDate(value: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value.trim());
  if (!m) return NaN;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return NaN;
  const n = dayNumber(y, mo, d);
  return formatIsoDate(n) === `${m[1]}-${m[2]}-${m[3]}` ? n : NaN;
}

function classify(summary: string, description: string): 'holiday' | 'workday' | null {
  for (const s of [summary, description]) {
    if (WORK_MARKERS.some((m) => s.includes(m))) return 'workday';
    if (REST_MARKERS.some((m) => s.includes(m))) return 'holiday';
  }
  return null;
}

function cleanName(summary: string): string | undefined {
  const name = summary.replace(/[(（](休|班|Holiday|Workday|Work)[)）]/g, '').trim();
  return name === '' ? undefined : name;
}

/**
 * Reads a year's arrangement from an iCalendar feed: all-day VEVENTs whose summary
 * marks rest (休) or work (班). Rest days on a weekend need no row and are dropped;
 * dates outside `year` are ignored (feeds put Dec 31 of the previous year in the
 * next year's New Year event). The result then passes validateYearArrangement.
 */
export function parseIcsArrangement(text: string, year: number, options: IcsImportOptions = {}): ValidationResult<CalendarYear> {
  const errors: string[] = [];
  const days: CalendarDay[] = [];
  const yearStart = dayNumber(year, 1, 1);
  const yearEnd = dayNumber(year, 12, 31);
  let event: Record<string, string> | null = null;
  let eventNo = 0;
  for (const line of unfold(text)) {
    if (line === 'BEGIN:VEVENT') {
      event = {};
      continue;
    }
    if (line === 'END:VEVENT' && event) {
      const p = `VEVENT[${eventNo++}]`;
      const start = parseIcsDate(event.DTSTART ?? '');
      const endExclusive = event.DTEND === undefined ? start + 1 : parseIcsDate(event.DTEND);
      const summary = event.SUMMARY ?? '';
      const kind = classify(summary, event.DESCRIPTION ?? '');
      if (Number.isNaN(start)) errors.push(`${p}.DTSTART: must be an all-day date YYYYMMDD (got ${JSON.stringify(event.DTSTART ?? null)})`);
      else if (Number.isNaN(endExclusive) || endExclusive <= start)
        errors.push(`${p}.DTEND: must be an all-day date after DTSTART (got ${JSON.stringify(event.DTEND)})`);
      else if (endExclusive - start > 31) errors.push(`${p}: spans ${endExclusive - start} days; an arrangement event is at most a month`);
      if (kind === null) errors.push(`${p}.SUMMARY: cannot tell rest (休) from work (班) in ${JSON.stringify(summary)}`);
      if (errors.length === 0 && kind !== null) {
        const name = cleanName(summary);
        for (let d = start; d < endExclusive; d++) {
          if (d < yearStart || d > yearEnd) continue;
          if (kind === 'holiday' && isWeekend(d)) continue;
          const row: CalendarDay = { date: formatIsoDate(d), kind };
          if (name !== undefined) row.name = name;
          days.push(row);
        }
      }
      event = null;
      continue;
    }
    if (!event) continue;
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon).split(';')[0].toUpperCase();
    event[key] = line.slice(colon + 1);
  }
  if (errors.length > 0) return { ok: false, errors };
  const candidate: CalendarYear = { year, official: options.official ?? true, days };
  if (options.notice !== undefined) candidate.notice = options.notice;
  return validateYearArrangement(candidate);
}
