import type { DataSource } from 'typeorm';
import { buildWorkingDayIndex, type WorkingDayIndex } from '../libs/calendar/working-day-index';
import { computeDeadlines } from '../libs/deadline/deadline';
import { currentCalendarVersion, loadCalendarData } from '../libs/persistence/calendar.repository';
import type { DeadlineCalculator } from './deadline-calculator';

/**
 * Deadlines from the database calendar. The working-day index is built once per
 * calendar version and rebuilt when an administrator loads a new arrangement.
 */
export async function createDeadlineCalculator(ds: DataSource): Promise<DeadlineCalculator> {
  let index: WorkingDayIndex | undefined;
  // One cheap version read per computation: a correction an administrator loads
  // is used by the very next registration, on every worker.
  const current = async (): Promise<WorkingDayIndex> => {
    const version = await currentCalendarVersion(ds);
    if (!index || index.calendarVersion !== version) index = buildWorkingDayIndex(await loadCalendarData(ds));
    return index;
  };
  return {
    async compute({ receivedOn }) {
      const r = computeDeadlines({ receivedOn, regime: 'auto' }, await current(), { explain: false });
      return { regime: r.regime, dueOn: r.dueOn, provisional: r.provisional, calendarVersion: r.calendarVersion };
    },
  };
}
