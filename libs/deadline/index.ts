// Pure deadline code: safe for Temporal workflow code (depends only on libs/calendar's pure barrel).
export {
  CO_MAKER_REPLY_WORKING_DAYS,
  DEFAULT_CORRECTION_PERIOD_WORKING_DAYS,
  DEFAULT_REMINDER_OFFSETS,
  FEE_PAYMENT_WORKING_DAYS,
  type ReminderDay,
  THIRD_PARTY_REPLY_WORKING_DAYS,
  type WindowEnd,
  coMakerReplyWindow,
  correctionPeriodWindow,
  feePaymentWindow,
  reminderDays,
  thirdPartyReplyWindow,
  workingDayWindow,
} from './case-windows';
export { computeDeadlines, computeDueOn } from './deadline';
export { type DeadlineValidationOptions, validateDeadlineInput } from './deadline-input.validator';
export { type SolvedDeadline, applyPauses, solveDeadline } from './deadline-solver';
export type {
  ComputeOptions,
  CountedDay,
  DeadlineEvent,
  DeadlineExplanation,
  DeadlineInput,
  DeadlineResult,
  ExplainedDay,
  PauseExplanation,
  Regime,
  RegimeChoice,
  SkippedDay,
} from './deadline.types';
export { REGIME_2008_START, REGIME_2019_START, REGIME_RULES, type RegimeRules, regimeFor } from './regime';
