// The other clocks of a case (legal-rules.md section 4). Same counting rule as the
// answer clock: the start day is day 0 and the window ends at the end of the Nth
// working day after it ("from the day after X" means the same thing).
import { type WorkingDayIndex, parseIsoDate } from '../calendar';

export const THIRD_PARTY_REPLY_WORKING_DAYS = 15; // 2019 Regulations Art. 32
export const CO_MAKER_REPLY_WORKING_DAYS = 15; // 2019 Regulations Art. 34
export const DEFAULT_CORRECTION_PERIOD_WORKING_DAYS = 15; // "reasonable period" of the notice, configurable
export const FEE_PAYMENT_WORKING_DAYS = 20; // 国办函〔2020〕109号
export const DEFAULT_REMINDER_OFFSETS: readonly number[] = [5, 2, 0];

export interface WindowEnd {
  startOn: string; // day 0
  workingDays: number;
  endsOn: string; // end of this day, Asia/Shanghai
  /** some day of the window lies in a year without official arrangement */
  provisional: boolean;
}

function day(value: string, field: string): number {
  const n = parseIsoDate(value);
  if (Number.isNaN(n)) throw new RangeError(`${field}: must be a date YYYY-MM-DD (got ${JSON.stringify(value)})`);
  return n;
}

/** The generic window: the Nth working day after `startOn`. O(1). */
export function workingDayWindow(startOn: string, workingDays: number, index: WorkingDayIndex): WindowEnd {
  if (!Number.isInteger(workingDays) || workingDays < 1)
    throw new RangeError(`workingDays: must be a positive integer (got ${workingDays})`);
  const start = day(startOn, 'startOn');
  const end = index.addWorkingDays(start, workingDays);
  return { startOn: index.isoDate(start), workingDays, endsOn: index.isoDate(end), provisional: index.hasProvisionalDay(start, end) };
}

/** Third party's reply (Art. 32): 15 wd from the day the letter reached it. */
export function thirdPartyReplyWindow(letterDeliveredOn: string, index: WorkingDayIndex): WindowEnd {
  return workingDayWindow(letterDeliveredOn, THIRD_PARTY_REPLY_WORKING_DAYS, index);
}

/** Co-maker organ's reply (Art. 34): 15 wd from the day the letter reached it; silence = consent. */
export function coMakerReplyWindow(letterDeliveredOn: string, index: WorkingDayIndex): WindowEnd {
  return workingDayWindow(letterDeliveredOn, CO_MAKER_REPLY_WORKING_DAYS, index);
}

/** Applicant's correction period: set in the notice, default 15 wd from its delivery. */
export function correctionPeriodWindow(
  noticeDeliveredOn: string,
  index: WorkingDayIndex,
  workingDays: number = DEFAULT_CORRECTION_PERIOD_WORKING_DAYS,
): WindowEnd {
  return workingDayWindow(noticeDeliveredOn, workingDays, index);
}

/** Fee payment: 20 wd from the day after the fee notice was received (= notice day is day 0). */
export function feePaymentWindow(feeNoticeReceivedOn: string, index: WorkingDayIndex): WindowEnd {
  return workingDayWindow(feeNoticeReceivedOn, FEE_PAYMENT_WORKING_DAYS, index);
}

export interface ReminderDay {
  workingDaysBefore: number; // 0 = the due day itself
  on: string;
}

/**
 * Reminder days for the assigned clerk: by default 5 and 2 working days before the
 * due day and the due day itself, earliest first. Offsets are configuration.
 */
export function reminderDays(dueOn: string, index: WorkingDayIndex, offsets: readonly number[] = DEFAULT_REMINDER_OFFSETS): ReminderDay[] {
  const due = day(dueOn, 'dueOn');
  return [...new Set(offsets)]
    .map((k) => {
      if (!Number.isInteger(k) || k < 0) throw new RangeError(`offsets: must be non-negative integers (got ${k})`);
      return { workingDaysBefore: k, on: index.isoDate(index.addWorkingDays(due, -k)) };
    })
    .sort((a, b) => b.workingDaysBefore - a.workingDaysBefore);
}
