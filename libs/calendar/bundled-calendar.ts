// The calendar shipped with the code: official arrangements 2008-2026 from
// chinese-days plus derived statutory holidays for later years. NOT pure.
import type { CalendarData } from './calendar.types';
import { buildDerivedCalendar } from './derived-holidays';
import { OFFICIAL_LAST_YEAR, buildOfficialCalendar } from './official-seed';
import { DEFAULT_INDEX_TO_YEAR } from './working-day-index';

let cached: CalendarData | undefined;

export function bundledCalendar(): CalendarData {
  if (!cached) {
    const official = buildOfficialCalendar();
    const derivedFrom = OFFICIAL_LAST_YEAR + 1;
    const derived = buildDerivedCalendar(derivedFrom, DEFAULT_INDEX_TO_YEAR);
    cached = {
      version: `${official.version}+derived-${derivedFrom}-${DEFAULT_INDEX_TO_YEAR}`,
      years: [...official.years, ...derived.years],
    };
  }
  return cached;
}
