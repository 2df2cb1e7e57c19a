import { type CalendarData, parseIcsArrangement, validateYearArrangement } from '../../libs/calendar';
import { calendarSaver } from './calendar-source';
import type { CommandResult } from './command-result';
import { failure, parseJson, success } from './command-result';

export const CALENDAR_USAGE = [
  "calendar validate            < year.json   check one year's arrangement, print it normalized",
  'calendar import-ics <year>   < feed.ics    read a year from an iCalendar feed (休/班 events)',
  'calendar export                            print the calendar in use (CalendarData JSON)',
  "calendar load                < year.json   load or correct a year's arrangement in the database (needs DATABASE_URL)",
];

export function runCalendarCommand(
  args: readonly string[],
  stdin: string,
  calendar: () => Promise<CalendarData>,
): Promise<CommandResult> | CommandResult {
  const [action, ...rest] = args;
  switch (action) {
    case 'validate': {
      const parsed = parseJson(stdin);
      if (!parsed.ok) return failure(parsed.errors);
      const r = validateYearArrangement(parsed.value);
      return r.ok ? success(r.value) : failure(r.errors);
    }
    case 'import-ics': {
      const year = Number(rest[0]);
      if (!Number.isInteger(year) || year < 1950 || year > 2200)
        return failure([`year: must be given as an integer, e.g. calendar import-ics 2027 (got ${JSON.stringify(rest[0] ?? null)})`]);
      const r = parseIcsArrangement(stdin, year);
      return r.ok ? success(r.value) : failure(r.errors);
    }
    case 'load': {
      const save = calendarSaver();
      if (!save) return failure(['calendar load: DATABASE_URL is required (the database calendar is the one the engine uses)']);
      const parsed = parseJson(stdin);
      if (!parsed.ok) return failure(parsed.errors);
      const r = validateYearArrangement(parsed.value);
      return r.ok ? save(r.value).then((saved) => success({ year: r.value.year, days: r.value.days.length, ...saved })) : failure(r.errors);
    }
    case 'export':
      return calendar().then((data) => success(data));
    default:
      return failure([`calendar: unknown action ${JSON.stringify(action ?? null)}`, 'usage:', ...CALENDAR_USAGE.map((l) => `  ${l}`)]);
  }
}
