// Pure calendar code only: safe for Temporal workflow code. The seeding modules
// (official-seed.ts, derived-holidays.ts, bundled-calendar.ts) import chinese-days
// and must be imported by path from activities, the API or the CLI.
export type { CalendarData, CalendarDay, CalendarDayKind, CalendarYear } from './calendar.types';
export {
  type CivilDate,
  type DayNumber,
  civilFromDayNumber,
  dayNumber,
  daysInMonth,
  formatIsoDate,
  isIsoDateString,
  isLeapYear,
  isWeekend,
  parseIsoDate,
  weekdayName,
  weekdayOf,
  yearOf,
} from './iso-date';
export { type IcsImportOptions, parseIcsArrangement } from './ics-arrangement.parser';
export {
  DEFAULT_INDEX_FROM_YEAR,
  DEFAULT_INDEX_TO_YEAR,
  type DayInfo,
  type WorkingDayIndex,
  buildWorkingDayIndex,
  withYears,
} from './working-day-index';
export {
  MAX_CALENDAR_YEAR,
  MIN_CALENDAR_YEAR,
  type ValidationResult,
  validateCalendarData,
  validateYearArrangement,
} from './year-arrangement.validator';
