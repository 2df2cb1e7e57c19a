import type { DataSource } from 'typeorm';
import { parseIsoDate } from '../../../libs/calendar/iso-date';
import { buildWorkingDayIndex, type WorkingDayIndex } from '../../../libs/calendar/working-day-index';
import { currentCalendarVersion, loadCalendarData } from '../../../libs/persistence/calendar.repository';

const cache = new WeakMap<DataSource, WorkingDayIndex>();

/** The working-day index of the current calendar version, rebuilt when an administrator loads a new one. */
export async function workingDayIndex(ds: DataSource): Promise<WorkingDayIndex> {
  const version = (await currentCalendarVersion(ds)) ?? 'empty';
  const cached = cache.get(ds);
  if (cached && cached.calendarVersion === version) return cached;
  const index = buildWorkingDayIndex(await loadCalendarData(ds));
  cache.set(ds, index);
  return index;
}

/** Working days d with from < d <= to; null when a day is outside the index. */
export function workingDaysBetween(index: WorkingDayIndex, from: string, to: string): number | null {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (!index.contains(a) || !index.contains(b)) return null;
  return index.workingDaysBetween(a, b);
}

/** Working days from today to the due day; negative: working days overdue; null without a due day (or outside the index). */
export function workingDaysLeft(index: WorkingDayIndex, dueOn: string | null, today: string): number | null {
  if (dueOn === null) return null;
  if (dueOn < today) {
    const late = workingDaysBetween(index, dueOn, today);
    return late === null ? null : -late;
  }
  return workingDaysBetween(index, today, dueOn);
}
