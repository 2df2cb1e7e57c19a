import type { DataSource, EntityManager } from 'typeorm';
import type { CalendarData } from '../libs/calendar/calendar.types';
import { buildWorkingDayIndex, type WorkingDayIndex } from '../libs/calendar/working-day-index';
import { computeDeadlines } from '../libs/deadline/deadline';
import { currentCalendarVersion, loadCalendarData } from '../libs/persistence/calendar.repository';
import type { CalendarSnapshot, DeadlineCalculator } from './deadline-calculator';

/**
 * Deadlines from the database calendar. The calendar and its working-day index
 * are loaded once per calendar version and reloaded when an administrator loads
 * a new arrangement.
 */
export async function createDeadlineCalculator(ds: DataSource): Promise<DeadlineCalculator> {
  let cached: { data: CalendarData; index: WorkingDayIndex } | undefined;
  let loading: Promise<{ data: CalendarData; index: WorkingDayIndex }> | undefined;
  // One cheap version read per call: a correction an administrator loads is used
  // by the very next registration, on every worker.
  const current = async (known?: string, q: DataSource | EntityManager = ds) => {
    const version = known ?? (await currentCalendarVersion(q)) ?? 'empty';
    if (cached?.data.version === version) return cached;
    // Concurrent callers share one reload.
    loading ??= loadCalendarData(q)
      .then((data) => (cached = { data, index: buildWorkingDayIndex(data) }))
      .finally(() => (loading = undefined));
    return loading;
  };
  const snapshot = async (version?: string, within?: EntityManager): Promise<CalendarSnapshot> => {
    const { data, index } = await current(version, within);
    return {
      compute({ receivedOn }) {
        const r = computeDeadlines({ receivedOn, regime: 'auto' }, index, { explain: false });
        return { regime: r.regime, dueOn: r.dueOn, provisional: r.provisional, calendarVersion: r.calendarVersion };
      },
      calendarYears({ fromYear, toYear }) {
        return { version: data.version, years: data.years.filter((y) => y.year >= fromYear && y.year <= toYear) };
      },
    };
  };
  return {
    snapshot,
    compute: async (input) => (await snapshot()).compute(input),
    calendarYears: async (range) => (await snapshot()).calendarYears(range),
  };
}
