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
type LaterReply = Extract<DeadlineEvent, { type: 'later_reply_date' }>;

const WEEKDAY_ZH: Record<string, string> = {
  Monday: '周一',
  Tuesday: '周二',
  Wednesday: '周三',
  Thursday: '周四',
  Friday: '周五',
  Saturday: '周六',
  Sunday: '周日',
};

function fromInfo(info: DayInfo): ExplainedDay {
  const out: ExplainedDay = { date: info.date, weekday: info.weekday };
  if (info.name) out.name = info.name;
  return out;
}

function explained(index: WorkingDayIndex, day: DayNumber): ExplainedDay {
  return fromInfo(index.dayInfo(day));
}

/** A day as the explanation's lines show it: 2024-10-08（周二，国庆节调休上班）. */
function label(d: ExplainedDay): string {
  return `${d.date}（${WEEKDAY_ZH[d.weekday] ?? d.weekday}${d.name ? `，${d.name}` : ''}）`;
}

/**
 * Walks clockStart..due day by day (fine here: this is not the hot path) and says
 * why each day counted or not, in data and in plain lines. The lines and the reasons
 * are what a clerk reads, so they are Chinese.
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
  const laterEvents = (input.events ?? []).filter((e): e is LaterReply => e.type === 'later_reply_date');
  const laterCounted = laterEvents.find((e) => e.enteredAfterDueOn === undefined);
  const laterLate = laterEvents.find((e) => e.enteredAfterDueOn !== undefined);
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
    if (p.sentOn !== undefined) out.sentOn = p.sentOn;
    if (p.enteredOn !== undefined) out.enteredOn = p.enteredOn;
    if (removed[i] === 0) {
      out.note =
        parseIsoDate(p.from) >= due ? '始于答复期限当日或之后，不影响期限' : '期间没有另行计入的工作日（周末、节假日或已暂停），不影响期限';
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
    ? `收到日${receivedOn}${s.regime === '2019' ? '不早于' : '早于'}修订条例施行日${REGIME_2019_START}`
    : `指定适用${s.regime}年条例`;
  const zh = rules.zh;

  const text: string[] = [];
  text.push(`适用${zh.regulations}（${regimeReason}）；应自收到申请之日起${s.answerDays}个工作日内答复（${zh.answerBasis}）。`);
  text.push(`节假日数据版本：${index.calendarVersion}。`);
  text.push(`收到申请：${label(explained(index, s.received))}。`);
  if (corrBy !== null) {
    text.push(
      `补正告知（${zh.correctionBasis}）：最迟于${label(explained(index, s.correctionRequestBy as number))}，即收到申请后第${rules.correctionRequestWorkingDays}个工作日。`,
    );
  } else {
    text.push('补正告知：2008年条例未规定告知时限。');
  }
  if (s.correctedOn !== null) {
    text.push(`起算日：${label(explained(index, s.clockStart))}，收到补正后申请之日；期限自此重新计算，此前的日子不计入。`);
  } else {
    text.push(`起算日：${label(explained(index, s.clockStart))}，收到申请之日；其后第一个工作日为第1个工作日。`);
  }
  text.push(`计入的工作日：${countedDays.map((c) => `第${c.n}日 ${c.date}${c.makeUp ? '（调休上班）' : ''}`).join('，')}。`);
  if (holidays.length > 0) text.push(`不计入的节假日：${holidays.map(label).join('，')}。`);
  const weekends = skippedDays.filter((d) => d.reason === 'weekend');
  if (weekends.length > 0) text.push(`不计入的周末：${weekends.map((d) => d.date).join('，')}。`);
  if (makeUpWorkingDays.length > 0) text.push(`计入的调休上班日：${makeUpWorkingDays.map(label).join('，')}。`);
  pauseOut.forEach((p, i) => {
    const [from, to] = pauseRanges[i];
    const days = skippedDays.filter((d) => d.reason === 'paused' && from < parseIsoDate(d.date) && parseIsoDate(d.date) <= to);
    const list = days.length > 0 && days.length <= 40 ? `（${days.map((d) => d.date).join('，')}）` : '';
    // A back-dated letter shows both days; one recorded after the due day had passed counts only from its recording.
    const sent = p.sentOn ?? p.from;
    const dated =
      p.sentOn !== undefined
        ? `；函件${p.sentOn}发出，${p.enteredOn ?? p.from}才登记，登记时答复期限已过，暂停自登记日起算，已逾期的日子不因补登而消除`
        : p.enteredOn !== undefined && p.enteredOn > sent
          ? `；函件${sent}发出，${p.enteredOn}登记`
          : '';
    text.push(
      `暂停 ${p.from} 至 ${p.to}：${p.workingDaysRemoved}个工作日不计入${list}${p.note ? `；${p.note}` : ''}${dated}（${zh.pauseBasis}）。`,
    );
  });
  text.push(`法定答复期限届满：${label(explained(index, baseDue))}，即第${s.answerDays}个计入的工作日。`);
  if (s.extended) {
    text.push(
      `延长答复期限（${zh.answerBasis}）：自${index.isoDate(baseDue)}起再延长${s.extensionDays}个工作日，至${index.isoDate(index.workingDayAt(periodTarget))}。`,
    );
  }
  if (reasons) {
    text.push(
      `要求说明理由（条例第三十五条）：${reasons.on}告知，申请人应于${reasons.by}前说明；其间答复期限照常计算，只有本机关确定的延迟答复期限才改变答复期限。`,
    );
  }
  if (later) {
    text.push(
      `延迟答复（条例第三十五条）：本机关于${index.isoDate(later.setOn)}认为申请理由合理，但无法在规定期限内答复，将答复期限由${index.isoDate(index.workingDayAt(periodTarget))}改为${index.isoDate(later.dueOn)}，并书面告知申请人${laterCounted?.enteredOn ? `（${laterCounted.enteredOn}登记）` : ''}。`,
    );
  }
  if (laterLate) {
    text.push(
      `延迟答复（条例第三十五条）：${laterLate.on}确定的答复日${laterLate.dueOn}于${laterLate.enteredOn ?? laterLate.on}才登记，登记时答复期限${laterLate.enteredAfterDueOn}已过，不改变答复期限；已逾期的日子不因补登而消除。`,
    );
  }
  text.push(`答复期限：${label(explained(index, due))}，当日24时前（北京时间）。`);
  if (provisionalYears.length > 0) {
    text.push(
      `暂定：${provisionalYears.join('、')}年的国务院节假日安排尚未载入，目前只扣除法定节假日；载入国务院办公厅通知后，期限可能变动。`,
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
      ? {
          setOn: index.isoDate(later.setOn),
          afterDueOn: index.isoDate(index.workingDayAt(periodTarget)),
          dueOn: index.isoDate(due),
          ...(laterCounted?.enteredOn ? { enteredOn: laterCounted.enteredOn } : {}),
        }
      : null,
    laterReplyDateEnteredLate: laterLate
      ? {
          setOn: laterLate.on,
          dueOn: laterLate.dueOn,
          enteredOn: laterLate.enteredOn ?? laterLate.on,
          dueOnWhenEntered: laterLate.enteredAfterDueOn as string,
        }
      : null,
    reasonsRequested: reasons ? { on: reasons.on, by: reasons.by } : null,
    correctionRequest: corrBy === null ? null : { by: corrBy, basis: rules.correctionBasis as string },
    provisionalYears,
    text,
  };
}
