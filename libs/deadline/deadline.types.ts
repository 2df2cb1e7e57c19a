/** The Regulations in force on the day of receipt (legal-rules.md section 1). */
export type Regime = '2008' | '2019';
export type RegimeChoice = 'auto' | Regime;

export type DeadlineEvent =
  /** the corrected application arrived: the answer clock restarts from this day */
  | { type: 'correction_received'; on: string }
  /**
   * consultation (third party, other organ, fee notice): letter sent on `from`, reply or window end on `to`.
   * `enteredOn`: the day the step was recorded, when after the letter's day. `sentOn`: the letter's day when
   * the step was recorded after the due day then in force had passed: the pause then counts only from the
   * day it was recorded (`from`), so it cannot un-pass the due day.
   */
  | { type: 'paused'; from: string; to: string; sentOn?: string; enteredOn?: string }
  /** the one extension; days defaults to the regime's maximum */
  | { type: 'extended'; days?: number }
  /** Art. 35: the applicant was asked on `on` to state reasons by `by`; the answer clock keeps running (no effect on the count) */
  | { type: 'reasons_requested'; on: string; by: string }
  /** Art. 35: on `on` the office found the reasons reasonable but the request too large and set the reply day `dueOn`; it replaces the due day when later */
  | {
      type: 'later_reply_date';
      on: string;
      dueOn: string;
      /** the day it was recorded, when after `on` */
      enteredOn?: string;
      /** recorded after this due day (then in force) had passed: kept for the record, replaces nothing */
      enteredAfterDueOn?: string;
    };

export interface DeadlineInput {
  receivedOn: string;
  regime?: RegimeChoice; // default 'auto': by date of receipt
  /** dated events in date order (correction_received.on, paused.from) */
  events?: readonly DeadlineEvent[];
}

export interface ExplainedDay {
  date: string;
  weekday: string;
  name?: string;
}

export interface CountedDay extends ExplainedDay {
  n: number; // 1 = first working day after day 0
  makeUp: boolean; // a weekend day declared a working day (调休上班)
}

export interface SkippedDay extends ExplainedDay {
  reason: 'weekend' | 'holiday' | 'paused';
}

export interface PauseExplanation {
  from: string;
  to: string;
  /** working days of (from, to] that fell before the due day and were taken out of the count */
  workingDaysRemoved: number;
  /** the letter's day, when the pause counts only from the day it was recorded (entered after the due day) */
  sentOn?: string;
  /** the day the step was recorded, when after the letter's day */
  enteredOn?: string;
  note?: string;
}

export interface DeadlineExplanation {
  regime: Regime;
  regimeReason: string;
  calendarVersion: string;
  receivedOn: string;
  clockStart: string;
  clockStartReason: 'receipt' | 'correction_received';
  answerWorkingDays: number;
  extensionWorkingDays: number;
  countedDays: CountedDay[];
  skippedDays: SkippedDay[];
  makeUpWorkingDays: ExplainedDay[];
  holidays: ExplainedDay[];
  pauses: PauseExplanation[];
  extension: { days: number; afterDueOn: string; dueOn: string } | null;
  /** Art. 35 later reply day, recorded like an extension: the due day it replaced and the new one */
  laterReplyDate: { setOn: string; afterDueOn: string; dueOn: string; enteredOn?: string } | null;
  /** an Art. 35 later reply day recorded after the due day then in force had passed: it moved nothing */
  laterReplyDateEnteredLate: { setOn: string; dueOn: string; enteredOn: string; dueOnWhenEntered: string } | null;
  /** Art. 35 request for reasons (the clock kept running) */
  reasonsRequested: { on: string; by: string } | null;
  correctionRequest: { by: string; basis: string } | null;
  provisionalYears: number[];
  /** plain lines a clerk can read */
  text: string[];
}

export interface DeadlineResult {
  regime: Regime;
  receivedOn: string;
  /** day 0 of the answer clock: the receipt day, or the day the correction was received */
  clockStart: string;
  /** the deadline in force: pauses and extension applied */
  dueOn: string;
  /** the answer period without the extension (pauses applied): the extension must be decided by this day */
  baseDueOn: string;
  /** 2019 regime: 7th working day after the ORIGINAL receipt; null for 2008 */
  correctionRequestBy: string | null;
  /** = dueOn when extended, else null */
  extendedDueOn: string | null;
  extensionWorkingDays: number;
  /** working days taken out of the count by pauses (only those before the due day) */
  pausedWorkingDays: number;
  /** some day from receipt to the last deadline lies in a year without official arrangement */
  provisional: boolean;
  calendarVersion: string;
  explanation: DeadlineExplanation | null;
}

export interface ComputeOptions {
  /** default true; false skips the day-by-day explanation (the O(1) hot path) */
  explain?: boolean;
}
