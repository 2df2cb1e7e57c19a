import type { EntityManager } from 'typeorm';
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
  /**
   * The calendar as in the database now (one version read; loaded once per calendar version).
   * `version`: the current version, already read by the caller (e.g. in its own statement).
   * `within`: the caller's transaction, which a reload then reads through: a caller holding a pool
   * connection must not wait for another one.
   */
  snapshot(version?: string, within?: EntityManager): Promise<CalendarSnapshot>;
  compute(input: { receivedOn: string }): Promise<DeadlineFacts>;
  calendarYears(range: { fromYear: number; toYear: number }): Promise<CalendarData>;
}
