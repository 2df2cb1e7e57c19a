// Point 5 of issue 15: the 2008 Regulations end every case with a letter they know.
import { buildWorkingDayIndex } from '../calendar';
import { bundledCalendar } from '../calendar/bundled-calendar';
import type { ActionBodies, ActionName, ActionRequest, CaseView, ReplyKind } from '../contracts/case';
import type { Actor } from '../contracts/roles';
import { findTemplate } from '../documents/templates/notice-template.registry';
import { replyLetterKind } from '../documents/document.types';
import { type CaseContext, applyAction, checkAction, expireWindows, newCase, recomputeDeadline, startOfShanghaiDay } from './case-machine';

const index = buildWorkingDayIndex(bundledCalendar());
const clerk: Actor = { username: 'clerk', role: 'clerk' };
const supervisor: Actor = { username: 'supervisor', role: 'supervisor' };
const ctxOn = (day: string, legacy?: CaseContext['legacy']): CaseContext => ({
  now: startOfShanghaiDay(day) + 10 * 3600_000,
  index,
  ...(legacy ? { legacy } : {}),
});
const req = <A extends ActionName>(action: A, body: ActionBodies[A], actor = clerk) => ({ action, actor, body }) as ActionRequest;

function caseReceived(receivedOn: string, today: string, status: CaseView['status'] = 'searching'): CaseView {
  const v = newCase({ applicationId: 'a', registrationNumber: 'LYZF-1', arrivedOn: receivedOn, receivedOn, status: 'registered' });
  v.status = status;
  v.assignee = 'clerk';
  recomputeDeadline(v, ctxOn(today));
  return v;
}
const draft = (replyKind: ReplyKind, extra: Partial<ActionBodies['draft-decision']> = {}) =>
  req('draft-decision', { replyKind, reasons: '理由', ...extra });

describe('2008 regime: only the replies and letters the 2008 Regulations know', () => {
  const kinds: { kind: ReplyKind; body?: Partial<ActionBodies['draft-decision']> }[] = [
    { kind: 'repeated', body: { previous: { applicationNumber: 'LYZF-0', repliedOn: '2018-01-05' } } },
    { kind: 'special-route', body: { specialRoute: { recordType: 'r', law: 'l', route: 'x' } } },
    { kind: 'cannot-create' },
    { kind: 'excessive' },
    { kind: 'unclear-after-correction' },
    { kind: 'confirm-or-reissue' },
    { kind: 'publication', body: { publication: { name: 'n', whereToGet: 'w' } } },
  ];

  it.each(kinds)('refuses a $kind draft, naming the kind', ({ kind, body }) => {
    const v = caseReceived('2018-03-01', '2018-03-05');
    const e = checkAction(v, draft(kind, body), ctxOn('2018-03-05'));
    expect(e).toEqual({
      type: 'WrongState',
      message: expect.stringContaining(`reply kind ${kind} does not exist under the 2008 Regulations`),
    });
  });

  it('accepts every reply kind that has a 2008 letter', () => {
    const v = caseReceived('2018-03-01', '2018-03-05');
    for (const kind of ['already-public', 'not-exist', 'other-organ'] as const) {
      expect(findTemplate(replyLetterKind(kind), '2008')).toBeDefined();
      expect(
        checkAction(
          v,
          draft(kind, kind === 'other-organ' ? { otherOrgan: '某局', otherOrganContact: '0539-1234567' } : {}),
          ctxOn('2018-03-05'),
        ),
      ).toBeNull();
    }
  });

  it('does not offer triage outcomes that lead to a reply without a 2008 letter, nor a petition confirmation', () => {
    const v = caseReceived('2018-03-01', '2018-03-05', 'registered');
    for (const outcome of ['petition', 'repeated', 'special-route', 'excessive'] as const)
      expect(checkAction(v, req('triage', { outcome }), ctxOn('2018-03-05'))?.message).toMatch(/2008 Regulations do not know/);
    expect(checkAction(v, req('triage', { outcome: 'accept' }), ctxOn('2018-03-05'))).toBeNull();
    v.status = 'triage';
    v.triageOutcome = 'petition';
    v.triagedBy = 'clerk';
    expect(checkAction(v, req('confirm-petition', { approve: true }, supervisor), ctxOn('2018-03-05'))?.message).toMatch(
      /2008 Regulations have no not-an-application letter/,
    );
    expect(checkAction(v, req('confirm-petition', { approve: false }, supervisor), ctxOn('2018-03-05'))).toBeNull();
  });
});

describe('no 109号 processing fee before 2021-01-01 or under the 2008 Regulations', () => {
  const fee = { fee: { count: 11, basis: 'per-application' as const }, provision: { form: '纸质', method: '邮寄' } };

  it('refuses a fee in a 2008-regime case', () => {
    const v = caseReceived('2018-03-01', '2021-03-05');
    expect(checkAction(v, draft('already-public', fee), ctxOn('2021-03-05'))?.message).toMatch(
      /no processing fee under the 2008 Regulations/,
    );
  });

  it('refuses a fee drafted before 2021-01-01 in a 2019-regime case, and accepts it from that day', () => {
    const v = caseReceived('2020-12-01', '2020-12-31');
    expect(checkAction(v, draft('already-public', fee), ctxOn('2020-12-31'))?.message).toMatch(/no processing fee before 2021-01-01/);
    const w = caseReceived('2020-12-21', '2021-01-04');
    expect(checkAction(w, draft('already-public', fee), ctxOn('2021-01-04'))).toBeNull();
  });
});

describe('2008 regime: no deemed abandonment when the correction period lapses', () => {
  function correctionRequested(receivedOn: string, on: string): CaseView {
    const v = caseReceived(receivedOn, on, 'registered');
    applyAction(v, req('request-correction', { items: ['说明所需信息的名称'] }), ctxOn(on));
    return v;
  }

  it('keeps the case open, back to be handled as it is, with the lapse recorded for the supervisor', () => {
    const v = correctionRequested('2018-03-01', '2018-03-02');
    const steps = expireWindows(v, ctxOn('2018-04-02'));
    expect(v.status).toBe('registered');
    expect(v.outcome).toBeNull();
    expect(steps).toEqual([
      expect.objectContaining({
        type: 'correction_period_lapsed',
        details: { respondBy: v.correction!.respondBy, regime: '2008', flaggedTo: 'supervisor' },
      }),
    ]);
    // the correction was asked once: the case now ends with a written reply
    expect(checkAction(v, req('request-correction', { items: ['x'] }), ctxOn('2018-04-02'))?.message).toMatch(/already requested/);
  });

  it('still closes a 2019-regime case as abandoned, and a 2008 case started before the rule (legacy)', () => {
    const v = correctionRequested('2024-03-01', '2024-03-04');
    expireWindows(v, ctxOn('2024-04-30'));
    expect(v).toMatchObject({ status: 'closed', outcome: 'abandoned', outcomeReason: 'correction_not_made' });
    const w = correctionRequested('2018-03-01', '2018-03-02');
    expireWindows(w, ctxOn('2018-04-02', { abandons2008: true }));
    expect(w).toMatchObject({ status: 'closed', outcome: 'abandoned' });
  });
});
