import { type DayInfo, type DayNumber, type WorkingDayIndex, parseIsoDate } from '../calendar';
import { type SolvedDeadline, applyPauses } from './deadline-solver';
import type {
  CountedDay,
  DeadlineEvent,
  DeadlineExplanation,
  DeadlineInput,
  ExplainedDay,
  PauseExplanation,
  SkippedDay,
} from './deadline.types';
import { REGIME_2019_START, REGIME_RULES } from './regime';

type Pause = Extract<DeadlineEvent, { type: 'paused' }>;

const ordinal = (n: number) => {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
};

function fromInfo(info: DayInfo): ExplainedDay {
  const out: ExplainedDay = { date: info.date, weekday: info.weekday };
  if (info.name) out.name = info.name;
  return out;
}

function explained(index: WorkingDayIndex, day: DayNumber): ExplainedDay {
  return fromInfo(index.dayInfo(day));
}

function label(d: ExplainedDay): string {
  return `${d.date} ${d.weekday.slice(0, 3)}${d.name ? ` ${d.name}` : ''}`;
}

/**
 * Walks clockStart..due day by day (fine here: this is not the hot path) and says
 * why each day counted or not, in data and in plain lines.
 */
export function explainDeadline(input: DeadlineInput, s: SolvedDeadline, index: WorkingDayIndex): DeadlineExplanation {
  const rules = REGIME_RULES[s.regime];
  const due = index.workingDayAt(s.finalTarget);
  const baseDue = index.workingDayAt(s.baseTarget);
  const pauses = (input.events ?? [])
    .filter((e): e is Pause => e.type === 'paused')
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const removed: number[] = [];
  // The due day before an Art. 35 later reply day replaced it (period + extension + pauses).
  const periodTarget = s.laterReplyDate?.replacedTarget ?? s.finalTarget;
  applyPauses(pauses, index, index.workingDayOrdinal(s.clockStart), periodTarget - s.pausedWorkingDays, removed);
  const reasons = (input.events ?? []).find((e) => e.type === 'reasons_requested');
  const later = s.laterReplyDate;
  const pauseRanges = pauses.map((p) => [parseIsoDate(p.from), parseIsoDate(p.to)] as const);

  const countedDays: CountedDay[] = [];
  const skippedDays: SkippedDay[] = [];
  const makeUpWorkingDays: ExplainedDay[] = [];
  const holidays: ExplainedDay[] = [];
  let n = 0;
  for (let d = s.clockStart + 1; d <= due; d++) {
    const info = index.dayInfo(d);
    const base = fromInfo(info);
    if (!info.working) {
      const reason = info.kind === 'holiday' ? 'holiday' : 'weekend';
      skippedDays.push({ ...base, reason });
      if (reason === 'holiday') holidays.push(base);
      continue;
    }
    if (pauseRanges.some(([from, to]) => from < d && d <= to)) {
      skippedDays.push({ ...base, reason: 'paused' });
      continue;
    }
    n++;
    const makeUp = info.kind === 'workday';
    countedDays.push({ n, ...base, makeUp });
    if (makeUp) makeUpWorkingDays.push(base);
  }

  const pauseOut: PauseExplanation[] = pauses.map((p, i) => {
    const out: PauseExplanation = { from: p.from, to: p.to, workingDaysRemoved: removed[i] };
    if (removed[i] === 0) {
      out.note =
        parseIsoDate(p.from) >= due
          ? 'starts on or after the due day: no effect'
          : 'no working day of its own in the count (weekends, holidays, or already paused)';
    }
    return out;
  });

  const receivedOn = index.isoDate(s.received);
  const clockStart = index.isoDate(s.clockStart);
  const corrBy = s.correctionRequestBy === null ? null : index.isoDate(s.correctionRequestBy);
  const provisionalYears = index.provisionalYearsBetween(
    s.received,
    s.correctionRequestBy !== null && s.correctionRequestBy > due ? s.correctionRequestBy : due,
  );
  const regimeAuto = (input.regime ?? 'auto') === 'auto';
  const regimeReason = regimeAuto
    ? `received ${receivedOn}, ${s.regime === '2019' ? 'on or after' : 'before'} ${REGIME_2019_START}`
    : `set explicitly to ${s.regime}`;

  const text: string[] = [];
  text.push(`Regime: ${s.regime} Regulations (${regimeReason}); answer within ${s.answerDays} working days (${rules.answerBasis}).`);
  text.push(`Calendar: ${index.calendarVersion}.`);
  text.push(`Received: ${label(explained(index, s.received))}.`);
  if (corrBy !== null) {
    text.push(
      `Correction request (${rules.correctionBasis}): by ${label(explained(index, s.correctionRequestBy as number))}, the ${ordinal(rules.correctionRequestWorkingDays as number)} working day after receipt.`,
    );
  } else {
    text.push('Correction request: the 2008 Regulations set no window.');
  }
  if (s.correctedOn !== null) {
    text.push(
      `Day 0: ${label(explained(index, s.clockStart))}, the day the corrected application was received; the clock restarted (the days before it do not count).`,
    );
  } else {
    text.push(`Day 0: ${label(explained(index, s.clockStart))}, the day of receipt; day 1 is the first working day after it.`);
  }
  text.push(`Counted working days: ${countedDays.map((c) => `#${c.n} ${c.date}${c.makeUp ? ' (make-up working day)' : ''}`).join(', ')}.`);
  if (holidays.length > 0) text.push(`Holidays not counted: ${holidays.map(label).join(', ')}.`);
  const weekends = skippedDays.filter((d) => d.reason === 'weekend');
  if (weekends.length > 0) text.push(`Weekend days not counted: ${weekends.map((d) => d.date).join(', ')}.`);
  if (makeUpWorkingDays.length > 0) text.push(`Make-up working days (调休上班) counted: ${makeUpWorkingDays.map(label).join(', ')}.`);
  pauseOut.forEach((p, i) => {
    const [from, to] = pauseRanges[i];
    const days = skippedDays.filter((d) => d.reason === 'paused' && from < parseIsoDate(d.date) && parseIsoDate(d.date) <= to);
    const list = days.length > 0 && days.length <= 40 ? ` (${days.map((d) => d.date).join(', ')})` : '';
    text.push(
      `Pause ${p.from} to ${p.to}: ${p.workingDaysRemoved} working day${p.workingDaysRemoved === 1 ? '' : 's'} not counted${list}${p.note ? `; ${p.note}` : ''} (${rules.pauseBasis}).`,
    );
  });
  text.push(`Answer period ends: ${label(explained(index, baseDue))}, the ${ordinal(s.answerDays)} counted working day.`);
  if (s.extended) {
    text.push(
      `Extension (${rules.answerBasis}): ${s.extensionDays} more working days after ${index.isoDate(baseDue)}, to ${index.isoDate(index.workingDayAt(periodTarget))}.`,
    );
  }
  if (reasons) {
    text.push(
      `Reasons requested (Art. 35) on ${reasons.on}, to be stated by ${reasons.by}: the answer clock keeps running meanwhile; only a later reply day set by the office moves the due day.`,
    );
  }
  if (later) {
    text.push(
      `Later reply day (Art. 35): on ${index.isoDate(later.setOn)} the office found the reasons reasonable but the request too large to answer in time, and set the reply day to ${index.isoDate(later.dueOn)} instead of ${index.isoDate(index.workingDayAt(periodTarget))}; the applicant is told in writing.`,
    );
  }
  text.push(`Due: ${label(explained(index, due))}, by the end of the day (Asia/Shanghai).`);
  if (provisionalYears.length > 0) {
    text.push(
      `Provisional: no official holiday arrangement is loaded for ${provisionalYears.join(', ')}; only the statutory holidays are excluded, so the date may change when the State Council notice is loaded.`,
    );
  }

  return {
    regime: s.regime,
    regimeReason,
    calendarVersion: index.calendarVersion,
    receivedOn,
    clockStart,
    clockStartReason: s.correctedOn !== null ? 'correction_received' : 'receipt',
    answerWorkingDays: s.answerDays,
    extensionWorkingDays: s.extensionDays,
    countedDays,
    skippedDays,
    makeUpWorkingDays,
    holidays,
    pauses: pauseOut,
    extension: s.extended
      ? { days: s.extensionDays, afterDueOn: index.isoDate(baseDue), dueOn: index.isoDate(index.workingDayAt(periodTarget)) }
      : null,
    laterReplyDate: later
      ? { setOn: index.isoDate(later.setOn), afterDueOn: index.isoDate(index.workingDayAt(periodTarget)), dueOn: index.isoDate(due) }
      : null,
    reasonsRequested: reasons ? { on: reasons.on, by: reasons.by } : null,
    correctionRequest: corrBy === null ? null : { by: corrBy, basis: rules.correctionBasis as string },
    provisionalYears,
    text,
  };
}
