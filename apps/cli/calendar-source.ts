// Where the CLI gets its calendar. Today: the bundled calendar (chinese-days
// official arrangements 2008-2026 + derived statutory holidays 2027-2040). The
// platform plugs in the PostgreSQL calendar table with setCalendarProvider(), e.g.
// in main.ts when DATABASE_URL is set.
import { type CalendarData, type CalendarYear, type WorkingDayIndex, buildWorkingDayIndex } from '../../libs/calendar';
import { bundledCalendar } from '../../libs/calendar/bundled-calendar';

export type CalendarProvider = () => Promise<CalendarData>;

export const bundledCalendarProvider: CalendarProvider = async () => bundledCalendar();

let provider: CalendarProvider = bundledCalendarProvider;

/** Replaces the calendar source; null restores the bundled calendar. */
export function setCalendarProvider(next: CalendarProvider | null): void {
  provider = next ?? bundledCalendarProvider;
}

export function loadCalendar(): Promise<CalendarData> {
  return provider();
}

export async function loadWorkingDayIndex(): Promise<WorkingDayIndex> {
  return buildWorkingDayIndex(await loadCalendar());
}

/** Where `calendar load` writes a year's arrangement: the database, when DATABASE_URL is set. */
export type CalendarSaver = (
  year: CalendarYear,
) => Promise<{ version: string; affectedOpenCases: { id: string; registrationNumber: string }[] }>;

let saver: CalendarSaver | undefined;

export function setCalendarSaver(next: CalendarSaver | undefined): void {
  saver = next;
}

export function calendarSaver(): CalendarSaver | undefined {
  return saver;
}
