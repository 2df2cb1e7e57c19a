// Point 12 of issue 15 (legal-rules.md section 7): a reply is on time when it is issued and
// dispatched by the due day; the dispatch day is the delivery day recorded by record-delivery.
import { buildWorkingDayIndex, parseIsoDate } from '../calendar';
import { bundledCalendar } from '../calendar/bundled-calendar';
import type { ActionRequest, CaseView } from '../contracts/case';
import type { Actor } from '../contracts/roles';
import { type CaseContext, applyAction, checkAction, newCase, recomputeDeadline, startOfShanghaiDay } from './case-machine';

const index = buildWorkingDayIndex(bundledCalendar());
const wd = (day: string, n: number) => index.isoDate(index.addWorkingDays(parseIsoDate(day), n));
const clerk: Actor = { username: 'clerk', role: 'clerk' };
const ctxOn = (day: string, legacy?: CaseContext['legacy']): CaseContext => ({
  now: startOfShanghaiDay(day) + 10 * 3600_000,
  index,
  ...(legacy ? { legacy } : {}),
});
// Received Friday 2024-03-01: 20 working days, due 2024-03-29.
const RECEIVED = '2024-03-01';
const DUE = '2024-03-29';

/** A reply issued on `issuedOn` (on time as issued), its delivery not yet recorded. */
function issuedCase(issuedOn: string): CaseView {
  const v = newCase({ applicationId: 'a', registrationNumber: 'LYZF-1', arrivedOn: RECEIVED, receivedOn: RECEIVED, status: 'registered' });
  v.status = 'searching';
  v.assignee = 'clerk';
  recomputeDeadline(v, ctxOn(issuedOn));
  v.status = 'notice_issued';
  v.notice = { issuedOn, issuedBy: 'supervisor' };
  v.deadline!.workingDaysLate = 0;
  v.deadline!.overdue = false;
  return v;
}
const deliver = (method: 'post' | 'in_person' | 'electronic', on: string) =>
  ({ action: 'record-delivery', actor: clerk, body: { method, on } }) as ActionRequest;

describe('on time means issued and dispatched by the due day', () => {
  it('a reply issued by the due day but handed to the post after it is late, by the working days after the due day', () => {
    const v = issuedCase(wd(DUE, -1));
    const on = wd(DUE, 2);
    expect(checkAction(v, deliver('post', on), ctxOn(on))).toBeNull();
    const [s] = applyAction(v, deliver('post', on), ctxOn(on));
    expect(v.deadline).toMatchObject({ dueOn: DUE, workingDaysLate: 2, overdue: true });
    expect(s.details).toMatchObject({ onTimeJudgedOn: on, workingDaysLate: 2 });
  });

  it('the dispatch day counts, not the day its delivery is recorded', () => {
    const v = issuedCase(wd(DUE, -1));
    const [s] = applyAction(v, deliver('post', DUE), ctxOn(wd(DUE, 5)));
    expect(v.deadline).toMatchObject({ workingDaysLate: 0, overdue: false });
    expect(s.details).toMatchObject({ onTimeJudgedOn: DUE, workingDaysLate: 0 });
  });

  it('in person: the day the applicant signs', () => {
    const v = issuedCase(DUE);
    applyAction(v, deliver('in_person', wd(DUE, 1)), ctxOn(wd(DUE, 1)));
    expect(v.deadline).toMatchObject({ workingDaysLate: 1, overdue: true });
  });

  it('cases started before the rule (legacy) keep the lateness of the issue day', () => {
    const v = issuedCase(wd(DUE, -1));
    applyAction(v, deliver('post', wd(DUE, 2)), ctxOn(wd(DUE, 2), { latenessAtIssue: true }));
    expect(v.deadline).toMatchObject({ workingDaysLate: 0, overdue: false });
  });
});
