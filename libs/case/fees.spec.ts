// Issue 15 point 6: fees per legal-rules.md section 8 (国办函〔2020〕109号), computed, never typed.
import { buildWorkingDayIndex, parseIsoDate } from '../calendar';
import { bundledCalendar } from '../calendar/bundled-calendar';
import type { ActionBodies, ActionName, ActionRequest, CaseView } from '../contracts/case';
import type { Actor } from '../contracts/roles';
import { noticesForExpiry, noticesForStep } from '../../workflows/notice-requests';
import {
  type CaseContext,
  applyAction,
  checkAction,
  expireWindows,
  newCase,
  pendingAlarms,
  recomputeDeadline,
  startOfShanghaiDay,
} from './case-machine';
import { feeAmount, feeCalculation, perApplicationFee, perVolumeFee } from './fees';

const index = buildWorkingDayIndex(bundledCalendar());
const clerk: Actor = { username: 'clerk', role: 'clerk' };
const reviewer: Actor = { username: 'reviewer', role: 'reviewer' };
const ctxOn = (day: string, legacy?: CaseContext['legacy']): CaseContext => ({
  now: startOfShanghaiDay(day) + 10 * 3600_000,
  index,
  ...(legacy ? { legacy } : {}),
});
const req = <A extends ActionName>(action: A, body: ActionBodies[A], actor = clerk) => ({ action, actor, body }) as ActionRequest;
const wd = (d: string, n: number) => index.isoDate(index.addWorkingDays(parseIsoDate(d), n));

function caseReceived(receivedOn: string, today: string): CaseView {
  const v = newCase({ applicationId: 'a', registrationNumber: 'LYZF-1', arrivedOn: receivedOn, receivedOn, status: 'registered' });
  v.status = 'searching';
  v.assignee = 'clerk';
  recomputeDeadline(v, ctxOn(today));
  return v;
}
/** Accepts a step as the workflow does: checked, then applied. */
function act(v: CaseView, r: ActionRequest, day: string, legacy?: CaseContext['legacy']) {
  expect(checkAction(v, r, ctxOn(day, legacy))).toBeNull();
  return applyAction(v, r, ctxOn(day, legacy));
}

describe('fee amounts (国办函〔2020〕109号)', () => {
  it('per application: 1-10 free, 11-30 CNY 100, then CNY 100 more per band of 10', () => {
    expect([1, 10, 11, 30, 31, 40, 41, 50, 51].map(perApplicationFee)).toEqual([0, 0, 100, 100, 200, 200, 300, 300, 400]);
  });
  it('per volume: by parts, 1-30 free, 31-100 CNY 10, 101-200 CNY 20, above 200 CNY 40 a page', () => {
    expect([30, 31, 100, 101, 200, 201, 250].map(perVolumeFee)).toEqual([0, 10, 700, 720, 2700, 2740, 4700]);
    expect(feeAmount('per-volume', 150)).toBe(700 + 50 * 20);
    expect(feeCalculation('per-volume', 150)).toBe(
      '共150页，按量计收：30页以下（含）不收费，31至100页部分70页×10元，101至200页部分50页×20元，合计1700元',
    );
    expect(feeCalculation('per-application', 12)).toContain('第12件');
  });
  it('refuses counts that are not positive integers', () => {
    expect(() => perVolumeFee(0)).toThrow(RangeError);
    expect(() => perApplicationFee(2.5)).toThrow(RangeError);
  });
});

describe('fee rules of a draft and of the fee notice', () => {
  const today = '2026-03-02';
  const feeDraft = (fee: object, extra: object = {}) =>
    req('draft-decision', {
      replyKind: 'disclose',
      reasons: '予以公开',
      parts: [{ description: '文件', disposition: 'disclose' }],
      fee,
      ...extra,
    } as never);

  it('a typed amount is not accepted; the count is', () => {
    const v = caseReceived('2026-02-24', today);
    expect(checkAction(v, feeDraft({ basis: 'per-application', amount: 100 }), ctxOn(today))?.message).toMatch(
      /fee\.amount: is not an allowed field/,
    );
    expect(checkAction(v, feeDraft({ basis: 'per-application', count: 11 }), ctxOn(today))).toBeNull();
  });

  it('a free count is refused, naming the count', () => {
    const v = caseReceived('2026-02-24', today);
    expect(checkAction(v, feeDraft({ basis: 'per-application', count: 10 }), ctxOn(today))).toEqual({
      type: 'BadRequest',
      message: expect.stringContaining('body.fee.count'),
    });
  });

  it('per volume only where paper or copied data is supplied', () => {
    const v = caseReceived('2026-02-24', today);
    const online = { provision: { form: '电子文档', method: '网上发送', medium: 'electronic' } };
    expect(checkAction(v, feeDraft({ basis: 'per-volume', count: 40 }, online), ctxOn(today))?.message).toMatch(
      /per-volume fees only where paper or copied data is supplied/,
    );
    const paper = { provision: { form: '纸质复印件', method: '邮寄', medium: 'paper' } };
    expect(checkAction(v, feeDraft({ basis: 'per-volume', count: 40 }, paper), ctxOn(today))).toBeNull();
  });

  it('computes the amount, issues the notice after review and approval, and runs 20 working days from the day after its delivery', () => {
    const v = caseReceived('2026-02-24', today);
    act(v, feeDraft({ basis: 'per-volume', count: 150 }, { provision: { form: '纸质复印件', method: '邮寄', medium: 'paper' } }), today);
    expect(v.decision!.fee).toEqual({ basis: 'per-volume', count: 150, amount: 1700 });
    // Approval before the confidentiality review would send the fee notice too early.
    expect(checkAction(v, req('approve-decision', { approve: true }, reviewer), ctxOn(today))?.message).toMatch(
      /needs its confidentiality review first/,
    );
    act(v, req('review-confidentiality', { approve: true }, reviewer), today);
    const steps = act(v, req('approve-decision', { approve: true }, reviewer), today);
    expect(v.status).toBe('fee_pending');
    expect(v.fee).toEqual({ noticeOn: today, payBy: '', amount: 1700 });
    const [letter] = noticesForStep(v, req('approve-decision', { approve: true }, reviewer), steps, { consultationLetters: true });
    expect(letter.fields).toMatchObject({ feeAmount: '1700.00', feeCalculation: expect.stringContaining('合计1700元') });
    expect(letter.fields).not.toHaveProperty('paymentDeadline');
    // Nothing expires before the delivery is recorded.
    expect(expireWindows(v, ctxOn('2026-06-01'))).toEqual([]);
    expect(pendingAlarms(v, ctxOn(today), new Set()).some((a) => a.key.startsWith('fee:'))).toBe(false);

    const deliveredOn = '2026-03-04';
    act(v, req('record-delivery', { method: 'post', on: deliveredOn }), '2026-03-05');
    const payBy = wd(deliveredOn, 20);
    expect(v.fee).toMatchObject({ deliveredOn, payBy });
    expect(v.status).toBe('fee_pending');
    expect(checkAction(v, req('record-delivery', { method: 'post', on: deliveredOn }), ctxOn('2026-03-05'))?.message).toMatch(
      /recorded already/,
    );
    expect(expireWindows(v, ctxOn(payBy))).toEqual([]);
    expect(expireWindows(v, ctxOn(wd(payBy, 1)))[0]).toMatchObject({
      type: 'fee_payment_expired',
    });
    expect(noticesForExpiry(v)[0].fields).toMatchObject({ feeNoticeDeliveredOn: deliveredOn, paymentDeadline: payBy });
  });

  it('the fee notice is not sent after the answer period ended', () => {
    const receivedOn = '2026-01-05';
    const late = '2026-03-02';
    const v = caseReceived(receivedOn, late);
    expect(v.deadline!.overdue).toBe(true);
    act(v, feeDraft({ basis: 'per-application', count: 12 }), late);
    act(v, req('review-confidentiality', { approve: true }, reviewer), late);
    expect(checkAction(v, req('approve-decision', { approve: true }, reviewer), ctxOn(late))?.message).toMatch(
      /within the answer period, which ended on/,
    );
  });

  it('cases before law-round-three count the payment period from the notice day', () => {
    const v = caseReceived('2026-02-24', today);
    const legacy = { feeFromNotice: true };
    act(v, feeDraft({ basis: 'per-application', count: 12 }), today, legacy);
    act(v, req('review-confidentiality', { approve: true }, reviewer), today, legacy);
    act(v, req('approve-decision', { approve: true }, reviewer), today, legacy);
    expect(v.fee!.payBy).toBe(wd(today, 20));
    expect(checkAction(v, req('record-delivery', { method: 'post', on: today }), ctxOn(today, legacy))?.message).toMatch(
      /runs from the fee notice day/,
    );
  });
});
