import type { CalendarData } from '../libs/calendar/calendar.types';
import type { Regime } from '../libs/contracts/application';

export interface DeadlineFacts {
  regime: Regime;
  dueOn: string;
  provisional: boolean;
  calendarVersion: string;
}

/** What the activities need of the deadline engine (libs/deadline) and its calendar. */
export interface DeadlineCalculator {
  compute(input: { receivedOn: string }): Promise<DeadlineFacts>;
  /** The calendar years [fromYear, toYear] as in the database now (cached per calendar version). */
  calendarYears(range: { fromYear: number; toYear: number }): Promise<CalendarData>;
}
