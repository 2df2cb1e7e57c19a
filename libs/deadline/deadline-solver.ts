import { type DayNumber, type WorkingDayIndex, parseIsoDate } from '../calendar';
import type { DeadlineEvent, DeadlineInput, Regime } from './deadline.types';
import { REGIME_RULES, regimeFor } from './regime';

// Counting rule (legal-rules.md section 3), stated once for every function here:
// a working day d is *counted* when clockStart < d and d is in no pause (S, E].
// The due day is the Nth counted working day, N = answer period (+ extension).
// So a pause moves the due day later by exactly its working days in (S, E] when it
// starts before the due day, and does nothing when it starts on or after it (the
// period was already used up by the end of that day). Overlapping pauses count once.

/** The solved clock as day numbers and working-day ordinals; shared with the explanation. */
export interface SolvedDeadline {
  regime: Regime;
  received: DayNumber;
  clockStart: DayNumber;
  correctedOn: DayNumber | null;
  answerDays: number;
  extensionDays: number;
  extended: boolean;
  /** ordinal (index.workingDayOrdinal) of the due day without extension, pauses applied */
  baseTarget: number;
  /** ordinal of the due day in force */
  finalTarget: number;
  correctionRequestBy: DayNumber | null;
  pausedWorkingDays: number;
  /** Art. 35 later reply day (the latest one set), and the ordinal of the due day it replaced; null when none replaced it */
  laterReplyDate: { setOn: DayNumber; dueOn: DayNumber; replacedTarget: number } | null;
}

function dateOf(value: string, field: string): DayNumber {
  const n = parseIsoDate(value);
  if (Number.isNaN(n)) throw new RangeError(`${field}: must be a date YYYY-MM-DD (got ${JSON.stringify(value)})`);
  return n;
}

/**
 * Moves the target ordinal past the paused working days (see the rule on top).
 * Pauses must be sorted by `from`; O(pauses) index reads.
 */
export function applyPauses(
  events: readonly DeadlineEvent[],
  index: WorkingDayIndex,
  startOrdinal: number,
  target: number,
  perPause?: number[],
): number {
  let covered = startOrdinal; // working days up to this ordinal are already accounted for
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (e.type !== 'paused') continue;
    const s = index.workingDayOrdinal(dateOf(e.from, `events[${i}].from`));
    if (s >= target) {
      perPause?.push(0);
      continue; // starts on or after the due day; later pauses start later still
    }
    const to = index.workingDayOrdinal(dateOf(e.to, `events[${i}].to`));
    const lo = s > covered ? s : covered;
    const removed = to > lo ? to - lo : 0;
    target += removed;
    if (to > covered) covered = to;
    perPause?.push(removed);
  }
  return target;
}

export function solveDeadline(input: DeadlineInput, index: WorkingDayIndex): SolvedDeadline {
  const received = dateOf(input.receivedOn, 'receivedOn');
  const choice = input.regime ?? 'auto';
  const regime: Regime = choice === 'auto' ? regimeFor(input.receivedOn) : choice;
  const rules = REGIME_RULES[regime];
  let events = input.events ?? [];
  let clockStart = received;
  let correctedOn: DayNumber | null = null;
  let extended = false;
  let extensionDays = 0;
  let pauses = 0;
  let later: { setOn: DayNumber; dueOn: DayNumber } | null = null;
  let sorted = true;
  let lastFrom = '';
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (e.type === 'paused') {
      pauses++;
      if (e.from < lastFrom) sorted = false;
      lastFrom = e.from;
    } else if (e.type === 'correction_received') {
      const on = dateOf(e.on, `events[${i}].on`);
      // the latest correction restarts the clock (validateDeadlineInput allows only one)
      if (on > clockStart) clockStart = on;
      correctedOn = clockStart;
    } else if (e.type === 'extended') {
      const days = e.days ?? rules.maxExtensionWorkingDays;
      if (!Number.isInteger(days) || days < 1 || days > rules.maxExtensionWorkingDays) {
        throw new RangeError(`events[${i}].days: must be an integer 1-${rules.maxExtensionWorkingDays} (${regime} regime)`);
      }
      extended = true;
      extensionDays = days;
    } else if (e.type === 'later_reply_date' && e.enteredAfterDueOn === undefined) {
      later = { setOn: dateOf(e.on, `events[${i}].on`), dueOn: dateOf(e.dueOn, `events[${i}].dueOn`) };
    }
  }
  if (!sorted) events = [...events].sort(byPauseStart);

  const startOrdinal = index.workingDayOrdinal(clockStart);
  const plain = startOrdinal + rules.answerWorkingDays;
  const baseTarget = pauses === 0 ? plain : applyPauses(events, index, startOrdinal, plain);
  const withExtension = plain + extensionDays;
  let finalTarget = !extended ? baseTarget : pauses === 0 ? withExtension : applyPauses(events, index, startOrdinal, withExtension);
  // Art. 35: a later reply day the office set replaces the due day (period, pauses and extension) when it is later.
  let laterReplyDate: SolvedDeadline['laterReplyDate'] = null;
  if (later !== null) {
    const target = index.workingDayOrdinal(later.dueOn);
    if (target > finalTarget) {
      laterReplyDate = { ...later, replacedTarget: finalTarget };
      finalTarget = target;
    }
  }
  if (finalTarget > index.workingDayOrdinal(index.lastDay)) {
    throw new RangeError(`the deadline falls after ${index.isoDate(index.lastDay)}, the last day of calendar ${index.calendarVersion}`);
  }
  const corr = rules.correctionRequestWorkingDays;
  return {
    regime,
    received,
    clockStart,
    correctedOn,
    answerDays: rules.answerWorkingDays,
    extensionDays,
    extended,
    baseTarget,
    finalTarget,
    correctionRequestBy: corr === null ? null : index.addWorkingDays(received, corr),
    pausedWorkingDays: (laterReplyDate?.replacedTarget ?? finalTarget) - plain - extensionDays,
    laterReplyDate,
  };
}

function byPauseStart(a: DeadlineEvent, b: DeadlineEvent): number {
  const ka = a.type === 'paused' ? a.from : '';
  const kb = b.type === 'paused' ? b.from : '';
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
