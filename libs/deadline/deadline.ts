import type { WorkingDayIndex } from '../calendar';
import { explainDeadline } from './deadline-explanation';
import { solveDeadline } from './deadline-solver';
import type { ComputeOptions, DeadlineExplanation, DeadlineInput, DeadlineResult } from './deadline.types';

/**
 * The answer deadline and the other dates of one case. O(events) index reads unless
 * `explain` (default true) asks for the day-by-day explanation.
 * Throws RangeError on a malformed date or a date outside the index; validate
 * untrusted input with validateDeadlineInput first.
 */
export function computeDeadlines(
  input: DeadlineInput,
  index: WorkingDayIndex,
  options: { explain: false },
): DeadlineResult & { explanation: null };
export function computeDeadlines(
  input: DeadlineInput,
  index: WorkingDayIndex,
  options?: ComputeOptions,
): DeadlineResult & { explanation: DeadlineExplanation };
export function computeDeadlines(input: DeadlineInput, index: WorkingDayIndex, options?: ComputeOptions): DeadlineResult {
  const s = solveDeadline(input, index);
  const due = index.workingDayAt(s.finalTarget);
  const last = s.correctionRequestBy !== null && s.correctionRequestBy > due ? s.correctionRequestBy : due;
  const result: DeadlineResult = {
    regime: s.regime,
    receivedOn: index.isoDate(s.received),
    clockStart: index.isoDate(s.clockStart),
    dueOn: index.isoDate(due),
    baseDueOn: index.isoDate(index.workingDayAt(s.baseTarget)),
    correctionRequestBy: s.correctionRequestBy === null ? null : index.isoDate(s.correctionRequestBy),
    extendedDueOn: s.extended ? index.isoDate(index.workingDayAt(s.laterReplyDate?.replacedTarget ?? s.finalTarget)) : null,
    extensionWorkingDays: s.extensionDays,
    pausedWorkingDays: s.pausedWorkingDays,
    provisional: index.hasProvisionalDay(s.received, last),
    calendarVersion: index.calendarVersion,
    explanation: null,
  };
  if (options?.explain !== false) result.explanation = explainDeadline(input, s, index);
  return result;
}

/** Hot path: only the due day in force (ISO date). */
export function computeDueOn(input: DeadlineInput, index: WorkingDayIndex): string {
  return index.isoDate(index.workingDayAt(solveDeadline(input, index).finalTarget));
}
