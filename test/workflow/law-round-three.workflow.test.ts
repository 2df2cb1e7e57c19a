import type { DraftDecisionBody } from '../../libs/contracts/case';
import { CaseHarness, clerk, expectRejected, reviewer, wd } from './support/case-harness';

// Issue 15 point 6 on the time-skipping server: the fee is computed from basis and count, the fee
// notice goes out after review and approval, and the 20 working days run from the day after its
// recorded delivery (patch 'law-round-three').
describe('applicationWorkflow: exact to the law, round three', () => {
  const h = new CaseHarness();
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  it('fee: computed amount, notice after review and approval, payment period from the recorded delivery, then abandonment', async () => {
    const today = await h.today();
    const { id, handle } = await h.open({ receivedOn: wd(today, -2) });
    await h.act(handle, 'triage', clerk, { outcome: 'accept' });
    await h.act(handle, 'assign', clerk, { assignee: 'clerk' });
    const draft: DraftDecisionBody = {
      replyKind: 'disclose',
      reasons: '予以公开，收取信息处理费',
      parts: [{ description: '维修计划', disposition: 'disclose' }],
      provision: { form: '纸质复印件', method: '邮寄', medium: 'paper' },
    };
    await expectRejected(
      h.act(handle, 'draft-decision', clerk, { ...draft, fee: { basis: 'per-volume', amount: 1700 } as never }),
      'BadRequest',
      /body\.fee\.amount: is not an allowed field/,
    );
    const drafted = await h.act(handle, 'draft-decision', clerk, { ...draft, fee: { basis: 'per-volume', count: 150 } });
    expect(drafted.decision!.fee).toEqual({ basis: 'per-volume', count: 150, amount: 1700 });
    await expectRejected(h.act(handle, 'approve-decision', reviewer, { approve: true }), 'WrongState', /confidentiality review first/);
    await h.act(handle, 'review-confidentiality', reviewer, { approve: true });
    const pending = await h.act(handle, 'approve-decision', reviewer, { approve: true });
    expect(pending).toMatchObject({ status: 'fee_pending', fee: { noticeOn: today, payBy: '', amount: 1700 } });
    const feeNotice = await h.eventually(handle, () => h.store.notices!.some((n) => n.applicationId === id && n.kind === 'fee'));
    expect(feeNotice.status).toBe('fee_pending');
    const letter = h.store.notices!.find((n) => n.applicationId === id && n.kind === 'fee')!;
    expect(letter.fields).toMatchObject({ feeAmount: '1700.00', feeCalculation: expect.stringContaining('合计1700元') });
    expect(letter.fields).not.toHaveProperty('paymentDeadline');

    // Days pass before the delivery is recorded: nothing runs out meanwhile.
    const deliveredOn = wd(today, 3);
    await h.sleepUntil(wd(today, 4), 10);
    const delivered = await h.act(handle, 'record-delivery', clerk, { method: 'post', on: deliveredOn });
    const payBy = wd(deliveredOn, 20);
    expect(delivered).toMatchObject({ status: 'fee_pending', fee: { deliveredOn, payBy } });
    expect(delivered.history[delivered.history.length - 1].details).toMatchObject({ letter: 'fee-notice', payBy });

    await h.sleepUntil(wd(payBy, 1), 10);
    const closed = await h.eventually(handle, (v) => v?.status === 'closed');
    expect(closed).toMatchObject({ outcome: 'abandoned', outcomeReason: 'fee_not_paid' });
    await h.eventually(handle, () => h.store.notices!.some((n) => n.applicationId === id && n.kind === 'abandonment'));
    expect(h.store.notices!.find((n) => n.applicationId === id && n.kind === 'abandonment')!.fields).toMatchObject({
      feeNoticeDeliveredOn: deliveredOn,
      paymentDeadline: payBy,
    });
  });
});
