// Point 4 of issue 15: a step dated in the past is judged by the due day in force on its own
// date, and one recorded after the due day had passed cannot un-pass it.
import { buildWorkingDayIndex, parseIsoDate } from '../calendar';
import { bundledCalendar } from '../calendar/bundled-calendar';
import type { ActionBodies, ActionName, ActionRequest, CaseView } from '../contracts/case';
import type { Actor } from '../contracts/roles';
import { computeDeadlines } from '../deadline';
import {
  type CaseContext,
  applyAction,
  checkAction,
  deadlineInput,
  dueOnAsOf,
  newCase,
  recomputeDeadline,
  startOfShanghaiDay,
} from './case-machine';

const index = buildWorkingDayIndex(bundledCalendar());
const wd = (day: string, n: number) => index.isoDate(index.addWorkingDays(parseIsoDate(day), n));
const clerk: Actor = { username: 'clerk', role: 'clerk' };
const ctxOn = (day: string, legacy?: CaseContext['legacy']): CaseContext => ({
  now: startOfShanghaiDay(day) + 10 * 3600_000,
  index,
  ...(legacy ? { legacy } : {}),
});
const req = <A extends ActionName>(action: A, body: ActionBodies[A]) => ({ action, actor: clerk, body }) as ActionRequest;

// Received Friday 2024-03-01: 20 working days, due 2024-03-29.
const RECEIVED = '2024-03-01';
const DUE = '2024-03-29';

function searchingCase(today: string): CaseView {
  const v = newCase({ applicationId: 'a', registrationNumber: 'LYZF-1', arrivedOn: RECEIVED, receivedOn: RECEIVED, status: 'registered' });
  v.status = 'searching';
  v.assignee = 'clerk';
  recomputeDeadline(v, ctxOn(today));
  return v;
}

describe('a consultation recorded after the day it was sent', () => {
  const sentOn = wd(DUE, -3);
  const enteredOn = wd(DUE, 10);

  it('was lawful on its own date, so it is accepted, but recorded after the due day it cannot un-pass it', () => {
    const v = searchingCase(enteredOn);
    expect(v.deadline).toMatchObject({ dueOn: DUE, overdue: true });
    const step = req('start-consultation', { kind: 'third-party', party: '某公司', sentOn });
    expect(checkAction(v, step, ctxOn(enteredOn))).toBeNull();
    const [s] = applyAction(v, step, ctxOn(enteredOn));
    expect(v.deadline).toMatchObject({ dueOn: DUE, overdue: true, paused: false });
    expect(v.consultations[0]).toMatchObject({ sentOn, enteredOn, enteredAfterDueOn: DUE });
    expect(s.details).toMatchObject({ effectiveOn: sentOn, enteredOn, enteredAfterDueOn: DUE, dueOn: DUE });
    // The explanation shows both days and why the pause moved nothing.
    const e = computeDeadlines(deadlineInput(v, enteredOn)!, index).explanation!;
    expect(e.pauses[0]).toMatchObject({ from: enteredOn, sentOn, enteredOn, workingDaysRemoved: 0 });
    expect(e.text.join('\n')).toContain(`函件${sentOn}发出，${enteredOn}才登记，登记时答复期限已过`);
  });

  it('moved the due day in cases started before the rule (legacy), as it did', () => {
    const v = searchingCase(enteredOn);
    applyAction(v, req('start-consultation', { kind: 'third-party', party: '某公司', sentOn }), ctxOn(enteredOn, { erasesLateness: true }));
    expect(v.deadline!.dueOn > DUE).toBe(true);
    expect(v.deadline!.overdue).toBe(false);
  });

  it('recorded before the due day, it pauses the clock from the day it was sent and shows both days', () => {
    const entered = wd(sentOn, 2);
    const v = searchingCase(entered);
    applyAction(v, req('start-consultation', { kind: 'third-party', party: '某公司', sentOn }), ctxOn(entered));
    expect(v.consultations[0].enteredAfterDueOn).toBeUndefined();
    expect(v.deadline).toMatchObject({ dueOn: wd(DUE, 2), paused: true, overdue: false });
    const e = computeDeadlines(deadlineInput(v, entered)!, index).explanation!;
    expect(e.pauses[0]).toMatchObject({ from: sentOn, enteredOn: entered, workingDaysRemoved: 2 });
    expect(e.text.join('\n')).toContain(`函件${sentOn}发出，${entered}登记`);
  });

  it('is refused when sent after the due day then in force', () => {
    const v = searchingCase(enteredOn);
    const e = checkAction(v, req('start-consultation', { kind: 'third-party', party: '某公司', sentOn: wd(DUE, 1) }), ctxOn(enteredOn));
    expect(e).toEqual({ type: 'WrongState', message: expect.stringMatching(/after the due day then in force \(2024-03-29\)/) });
  });
});

describe('Art. 35 steps dated in the past', () => {
  function withReasonsRequested(sentOn: string, today: string): CaseView {
    const v = searchingCase(today);
    applyAction(v, req('request-reasons', { sentOn, periodDays: 10 }), ctxOn(sentOn));
    return v;
  }

  it('refuses a request for reasons sent after the due day then in force', () => {
    const today = wd(DUE, 4);
    const e = checkAction(searchingCase(today), req('request-reasons', { sentOn: wd(DUE, 2), periodDays: 5 }), ctxOn(today));
    expect(e?.type).toBe('WrongState');
    expect(e?.message).toMatch(/request for reasons was sent on .* after the due day then in force \(2024-03-29\)/);
  });

  it('keeps a later reply day recorded after the due day had passed, but it replaces nothing', () => {
    const sentOn = wd(DUE, -8);
    const receivedOn = wd(DUE, -2);
    const today = wd(DUE, 3);
    const v = withReasonsRequested(sentOn, today);
    const step = req('receive-reasons', { receivedOn, reasonable: true, replyBy: wd(DUE, 15) });
    expect(checkAction(v, step, ctxOn(today))).toBeNull();
    applyAction(v, step, ctxOn(today));
    expect(v.reasonsRequest).toMatchObject({ replyBy: wd(DUE, 15), reasonsEnteredOn: today, replyByEnteredAfterDueOn: DUE });
    expect(v.deadline).toMatchObject({ dueOn: DUE, overdue: true });
    const e = computeDeadlines(deadlineInput(v, today)!, index).explanation!;
    expect(e.laterReplyDate).toBeNull();
    expect(e.laterReplyDateEnteredLate).toEqual({ setOn: receivedOn, dueOn: wd(DUE, 15), enteredOn: today, dueOnWhenEntered: DUE });
  });

  it('a later reply day recorded in time replaces the due day and records the day it was entered', () => {
    const v = withReasonsRequested(wd(DUE, -8), wd(DUE, -1));
    applyAction(v, req('receive-reasons', { receivedOn: wd(DUE, -3), reasonable: true, replyBy: wd(DUE, 15) }), ctxOn(wd(DUE, -1)));
    expect(v.deadline!.dueOn).toBe(wd(DUE, 15));
    const e = computeDeadlines(deadlineInput(v, wd(DUE, -1))!, index).explanation!;
    expect(e.laterReplyDate).toMatchObject({ setOn: wd(DUE, -3), dueOn: wd(DUE, 15), enteredOn: wd(DUE, -1) });
  });

  it('refuses a later reply day set after the due day then in force', () => {
    const today = wd(DUE, 3);
    const v = withReasonsRequested(wd(DUE, -8), today);
    const e = checkAction(v, req('receive-reasons', { receivedOn: wd(DUE, 1), reasonable: true, replyBy: wd(DUE, 15) }), ctxOn(today));
    expect(e?.message).toMatch(/later reply day was set on .* after the due day then in force/);
  });
});

describe('the due day in force on a past day (dueOnAsOf)', () => {
  it('counts an open or later-closed pause only up to that day, and an extension only from its decision', () => {
    const v = searchingCase('2024-04-30');
    v.consultations.push({ kind: 'third-party', party: 'p', sentOn: '2024-03-11', deliveredOn: '2024-03-11', replyBy: '2024-04-01' });
    v.consultations[0].receivedOn = '2024-03-18';
    v.consultations[0].position = 'consent';
    // As of 2024-03-13 the pause had run 2 working days; by 2024-03-18 it had run 5.
    expect(dueOnAsOf(v, '2024-03-13', index)).toBe(wd(DUE, 2));
    expect(dueOnAsOf(v, '2024-03-20', index)).toBe(wd(DUE, 5));
    expect(dueOnAsOf(v, '2024-03-08', index)).toBe(DUE);
    v.extension = { requestedBy: 'clerk', requestedOn: '2024-03-25', reason: 'r', approved: true, decidedBy: 'supervisor' };
    v.history.push({
      seq: 2,
      type: 'decide-extension',
      actor: 'supervisor',
      role: 'supervisor',
      at: '2024-03-26T02:00:00.000Z',
      status: 'searching',
      details: { approve: true },
    });
    expect(dueOnAsOf(v, '2024-03-25', index)).toBe(wd(DUE, 5));
    expect(dueOnAsOf(v, '2024-03-26', index)).toBe(wd(DUE, 25));
    expect(dueOnAsOf(v, '2024-02-29', index)).toBeNull();
  });
});

describe('a correction notice', () => {
  it('is never delivered before the day it was requested (the day of the step)', () => {
    const v = newCase({
      applicationId: 'a',
      registrationNumber: 'LYZF-1',
      arrivedOn: RECEIVED,
      receivedOn: RECEIVED,
      status: 'registered',
    });
    recomputeDeadline(v, ctxOn('2024-03-05'));
    const e = checkAction(v, req('request-correction', { items: ['x'], deliveredOn: '2024-03-04' }), ctxOn('2024-03-05'));
    expect(e).toEqual({
      type: 'BadRequest',
      message: 'body.deliveredOn: must not be before the day the correction was requested (2024-03-05)',
    });
    expect(checkAction(v, req('request-correction', { items: ['x'], deliveredOn: '2024-03-05' }), ctxOn('2024-03-05'))).toBeNull();
  });
});
