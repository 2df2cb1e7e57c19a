import type { CalendarData } from '../libs/calendar/calendar.types';
import type { Regime } from '../libs/contracts/application';

export interface DeadlineFacts {
  regime: Regime;
  dueOn: string;
  provisional: boolean;
  calendarVersion: string;
}

/** The calendar as one version: everything answered from it agrees. */
export interface CalendarSnapshot {
  compute(input: { receivedOn: string }): DeadlineFacts;
  /** The calendar years [fromYear, toYear]. */
  calendarYears(range: { fromYear: number; toYear: number }): CalendarData;
}

/** What the activities need of the deadline engine (libs/deadline) and its calendar. */
export interface DeadlineCalculator {
  /** The calendar as in the database now (one version read; loaded once per calendar version). */
  snapshot(): Promise<CalendarSnapshot>;
  compute(input: { receivedOn: string }): Promise<DeadlineFacts>;
  calendarYears(range: { fromYear: number; toYear: number }): Promise<CalendarData>;
}
