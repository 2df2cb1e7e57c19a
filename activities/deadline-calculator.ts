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
}
