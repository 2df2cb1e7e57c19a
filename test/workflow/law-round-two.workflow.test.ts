import { deadlineExplanationQuery } from '../../libs/contracts/workflow';
import { CaseHarness, clerk, expectRejected, reviewer, wd } from './support/case-harness';

// Issue 15 (points 4-5) on the time-skipping server: lateness recorded late is not erased,
// and a 2008-regime case ends only with a letter of the 2008 Regulations.
describe('applicationWorkflow: exact to the law, round two', () => {
  const h = new CaseHarness();
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  it('keeps a case overdue when a consultation sent in time is recorded after the due day', async () => {
    const today = await h.today();
    const receivedOn = wd(today, -25);
    const dueOn = wd(receivedOn, 20);
    const { handle } = await h.open({ receivedOn });
    await h.act(handle, 'triage', clerk, { outcome: 'accept' });
    await h.act(handle, 'assign', clerk, { assignee: 'clerk' });
    expect((await h.caseOf(handle)).deadline).toMatchObject({ dueOn, overdue: true });
    const sentOn = wd(dueOn, -3);
    const c = await h.act(handle, 'start-consultation', clerk, { kind: 'third-party', party: '某公司', sentOn });
    expect(c.deadline).toMatchObject({ dueOn, overdue: true, paused: false });
    expect(c.consultations[0]).toMatchObject({ sentOn, enteredOn: today, enteredAfterDueOn: dueOn });
    expect(c.history[c.history.length - 1].details).toMatchObject({ effectiveOn: sentOn, enteredOn: today, enteredAfterDueOn: dueOn });
    const e = (await handle.query(deadlineExplanationQuery))!;
    expect(e.dueOn).toBe(dueOn);
    expect(e.pauses).toEqual([{ from: today, to: today, sentOn, enteredOn: today, workingDaysRemoved: 0 }]);
    expect(e.text.join('\n')).toContain(`函件${sentOn}发出，${today}才登记`);
    // A letter sent after the due day then in force stops nothing and is refused.
    await h.act(handle, 'receive-consultation-reply', clerk, { receivedOn: today, position: 'consent' });
    await expectRejected(
      h.act(handle, 'start-consultation', clerk, { kind: 'third-party', party: '另一公司', sentOn: wd(dueOn, 1) }),
      'WrongState',
      new RegExp(`after the due day then in force \\(${dueOn}\\)`),
    );
    await handle.terminate('done');
  });

  it('2008 regime: a lapsed correction period leaves the case open, flags the supervisors, and it ends with a 2008 reply', async () => {
    const { id, handle } = await h.open({ receivedOn: '2018-06-04' });
    const requested = await h.act(handle, 'request-correction', clerk, { items: ['写明所需信息的名称'] });
    const respondBy = requested.correction!.respondBy;
    await h.sleepUntil(wd(respondBy, 1), 10);
    const c = await h.eventually(handle, (v) => v?.history.some((s) => s.type === 'correction_period_lapsed') === true);
    expect(c).toMatchObject({ status: 'registered', outcome: null });
    await h.eventually(handle, () =>
      h.store.notifications.some((n) => n.applicationId === id && n.key === `correction-lapsed:${respondBy}`),
    );
    expect(h.store.notifications.find((n) => n.applicationId === id && n.key.startsWith('correction-lapsed'))).toMatchObject({
      kind: 'escalation',
      recipientRole: 'supervisor',
    });
    expect(h.store.notices!.filter((n) => n.applicationId === id && n.kind === 'abandonment')).toEqual([]);

    await expectRejected(h.act(handle, 'triage', clerk, { outcome: 'petition' }), 'WrongState', /2008 Regulations do not know/);
    await h.act(handle, 'triage', clerk, { outcome: 'accept' });
    await h.act(handle, 'assign', clerk, { assignee: 'clerk' });
    await expectRejected(
      h.act(handle, 'draft-decision', clerk, { replyKind: 'cannot-create', reasons: '需另行制作' }),
      'WrongState',
      /reply kind cannot-create does not exist under the 2008 Regulations/,
    );
    await h.act(handle, 'draft-decision', clerk, { replyKind: 'not-exist', reasons: '经检索不存在' });
    await h.act(handle, 'approve-decision', reviewer, { approve: true });
    await h.act(handle, 'issue-notice', clerk, {});
    const closed = await h.act(handle, 'record-delivery', clerk, { method: 'post', on: await h.today() });
    expect(closed).toMatchObject({ status: 'closed', outcome: 'replied' });
  });
});
