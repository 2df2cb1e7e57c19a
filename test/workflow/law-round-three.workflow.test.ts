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

  it('ordinary mail unconfirmed at the end of its arrival day is flagged and reminded; a later confirmation is recorded as late', async () => {
    // Arrives at 10:00 on a working day.
    const arrivedOn = wd(await h.today(), 1);
    await h.sleepUntil(arrivedOn, 10);
    const { id, handle } = await h.open({ awaitingConfirmation: true, channel: 'mail' });
    const mine = (key: string) => h.store.notifications.filter((n) => n.applicationId === id && n.key.startsWith(key));
    expect(mine('confirmation')).toEqual([]);
    await h.sleepUntil(wd(arrivedOn, 1), 1);
    const flagged = await h.eventually(handle, (v) => v?.history.some((s) => s.type === 'confirmation_overdue') === true);
    expect(flagged.status).toBe('awaiting_confirmation');
    await h.eventually(handle, () => mine(`confirmation-overdue:${arrivedOn}`).length === 2);
    expect(mine(`confirmation-overdue:${arrivedOn}`).map((n) => [n.recipientRole, n.kind])).toEqual([
      ['clerk', 'reminder'],
      ['supervisor', 'escalation'],
    ]);
    // The next working day at the notify hour the clerks are reminded again.
    await h.sleepUntil(wd(arrivedOn, 1), 10);
    await h.eventually(handle, () => mine(`confirmation-reminder:${wd(arrivedOn, 1)}`).length === 1);

    const confirmedOn = wd(arrivedOn, 1);
    const c = await h.act(handle, 'confirm-receipt', clerk, { receivedOn: confirmedOn });
    expect(c.status).toBe('registered');
    expect(c.history[c.history.length - 1].details).toMatchObject({
      confirmationLate: { arrivedOn, confirmedOn, enteredOn: confirmedOn },
    });
    await handle.terminate('done');
  });

  it('online submissions are not held to the arrival day', async () => {
    const { id, handle } = await h.open({ awaitingConfirmation: true });
    const arrivedOn = await h.today();
    await h.sleepUntil(wd(arrivedOn, 2), 12);
    const v = await h.caseOf(handle);
    expect(v.history.some((s) => s.type === 'confirmation_overdue')).toBe(false);
    expect(h.store.notifications.filter((n) => n.applicationId === id && n.key.startsWith('confirmation'))).toEqual([]);
    await handle.terminate('done');
  });

  it('a justified reason for a late correction (正当理由) extends the period; the abandonment letter then says so', async () => {
    const { id, handle } = await h.open();
    const requested = await h.act(handle, 'request-correction', clerk, { items: ['写明所需信息的名称'] });
    const respondBy = requested.correction!.respondBy;
    await h.sleepUntil(respondBy, 10);
    const extended = await h.act(handle, 'record-correction-reason', clerk, { reason: '申请人住院治疗', extraDays: 5 });
    const newRespondBy = wd(respondBy, 5);
    expect(extended).toMatchObject({ status: 'correction_requested', correction: { respondBy: newRespondBy } });
    expect(extended.history[extended.history.length - 1].details).toMatchObject({ respondByBefore: respondBy, respondBy: newRespondBy });
    // The old end passes: still open.
    await h.sleepUntil(wd(respondBy, 1), 10);
    expect((await h.caseOf(handle)).status).toBe('correction_requested');
    await h.sleepUntil(wd(newRespondBy, 1), 10);
    const closed = await h.eventually(handle, (v) => v?.status === 'closed');
    expect(closed).toMatchObject({ outcome: 'abandoned', outcomeReason: 'correction_not_made' });
    await h.eventually(handle, () => h.store.notices!.some((n) => n.applicationId === id && n.kind === 'abandonment'));
    expect(h.store.notices!.find((n) => n.applicationId === id && n.kind === 'abandonment')!.fields).toMatchObject({
      justifiedReason: '申请人住院治疗',
      correctionDeadline: newRespondBy,
    });
  });

  it("third party's objection: releasing its information needs the public interest, and the third party is told in writing", async () => {
    const today = await h.today();
    const { id, handle } = await h.open({ receivedOn: wd(today, -2) });
    await h.act(handle, 'triage', clerk, { outcome: 'accept' });
    await h.act(handle, 'assign', clerk, { assignee: 'clerk' });
    await h.act(handle, 'start-consultation', clerk, {
      kind: 'third-party',
      party: '临沂某建材有限公司',
      sentOn: today,
      information: '污染物排放数据',
    });
    await h.act(handle, 'receive-consultation-reply', clerk, { receivedOn: today, position: 'objection', reasons: '商业秘密' });
    const draft: DraftDecisionBody = {
      replyKind: 'disclose',
      reasons: '予以公开',
      parts: [{ description: '环境影响评价报告', disposition: 'disclose' }],
    };
    await expectRejected(h.act(handle, 'draft-decision', clerk, draft), 'BadRequest', /body\.publicInterest: 临沂某建材有限公司 objected/);
    await h.act(handle, 'draft-decision', clerk, { ...draft, publicInterest: '涉及周边居民饮用水安全' });
    await h.act(handle, 'review-confidentiality', reviewer, { approve: true });
    await h.act(handle, 'approve-decision', reviewer, { approve: true });
    await h.act(handle, 'issue-notice', clerk, {});
    await h.eventually(handle, () =>
      h.store.notices!.some((n) => n.applicationId === id && n.letterKind === 'third-party-disclosure-notice'),
    );
    const mine = h.store.notices!.filter((n) => n.applicationId === id);
    expect(mine.map((n) => n.letterKind)).toEqual(
      expect.arrayContaining(['third-party-consultation', 'reply-disclose', 'third-party-disclosure-notice']),
    );
    expect(mine.find((n) => n.letterKind === 'third-party-disclosure-notice')!.fields).toEqual({
      thirdPartyName: '临沂某建材有限公司',
      affectedInformation: '污染物排放数据',
      publicInterest: '涉及周边居民饮用水安全',
    });
    await handle.terminate('done');
  });
});
