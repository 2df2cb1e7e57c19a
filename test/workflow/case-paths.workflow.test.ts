import { SA } from '../../libs/contracts/search-attributes';
import { calendarUpdatedSignal, deadlineExplanationQuery, testClockSignal } from '../../libs/contracts/workflow';
import { CaseHarness, calendarIndex, clerk, clerk2, reviewer, reviewer2, supervisor, wd } from './support/case-harness';
import { parseIsoDate } from '../../libs/calendar';
import { startOfShanghaiDay } from '../../libs/case';

describe('applicationWorkflow: the paths of a case', () => {
  const h = new CaseHarness();
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  it('accept -> assign -> search -> draft disclose -> review by another user -> approve -> issue -> deliver -> closed', async () => {
    const { id, handle, receivedOn } = await h.open();
    let c = await h.caseOf(handle);
    expect(c.status).toBe('registered');
    expect(c.deadline).toMatchObject({ regime: '2019', dueOn: wd(receivedOn, 20), correctionRequestBy: wd(receivedOn, 7) });

    c = await h.act(handle, 'triage', clerk, { outcome: 'accept' });
    expect(c.status).toBe('triage');
    c = await h.act(handle, 'assign', supervisor, { assignee: 'clerk2', department: 'OGI', comment: 'urgent' });
    expect(c).toMatchObject({ status: 'assigned', assignee: 'clerk2', department: 'OGI' });
    c = await h.act(handle, 'record-search', clerk2, { summary: 'found the compensation plan in the archive', found: true });
    expect(c.status).toBe('searching');
    c = await h.act(handle, 'draft-decision', clerk2, {
      replyKind: 'disclose',
      reasons: 'the plan is government information held by this office',
      provision: { form: 'paper', method: 'post' },
    });
    expect(c.status).toBe('decision_drafted');
    c = await h.act(handle, 'review-confidentiality', reviewer, { approve: true, comment: 'no secrets' });
    expect(c.status).toBe('confidentiality_review');
    c = await h.act(handle, 'approve-decision', reviewer, { approve: true });
    expect(c.status).toBe('approval');
    c = await h.act(handle, 'issue-notice', clerk2, {});
    expect(c.status).toBe('notice_issued');
    expect(c.deadline?.workingDaysLate).toBe(0);
    c = await h.act(handle, 'record-delivery', clerk2, { method: 'post', on: await h.today() });
    expect(c).toMatchObject({ status: 'closed', outcome: 'replied' });
    await handle.result();

    // Every step recorded with actor, role, workflow time and comment, and projected in seq order.
    expect(c.history.map((s) => [s.seq, s.type, s.actor, s.role, s.status])).toEqual([
      [2, 'triage', 'clerk', 'clerk', 'triage'],
      [3, 'assign', 'supervisor', 'supervisor', 'assigned'],
      [4, 'record-search', 'clerk2', 'clerk', 'searching'],
      [5, 'draft-decision', 'clerk2', 'clerk', 'decision_drafted'],
      [6, 'review-confidentiality', 'reviewer', 'reviewer', 'confidentiality_review'],
      [7, 'approve-decision', 'reviewer', 'reviewer', 'approval'],
      [8, 'issue-notice', 'clerk2', 'clerk', 'notice_issued'],
      [9, 'record-delivery', 'clerk2', 'clerk', 'delivered'],
      [10, 'closed', 'system', 'system', 'closed'],
    ]);
    expect(c.history[1].comment).toBe('urgent');
    expect(c.history.every((s) => !Number.isNaN(Date.parse(s.at)))).toBe(true);
    const rows = h.store.projections.filter((p) => p.applicationId === id);
    expect(rows.map((p) => p.seq)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(rows[rows.length - 1].row).toMatchObject({ status: 'closed', outcome: 'replied', replyKind: 'disclose', workingDaysLate: 0 });
    const sa = (await handle.describe()).typedSearchAttributes;
    expect(sa.get(SA.status)).toBe('closed');
    expect(sa.get(SA.assignee)).toBe('clerk2');
    expect(sa.get(SA.department)).toBe('OGI');
  });

  it('confirms the receipt of an online submission, which starts the answer clock', async () => {
    const { handle } = await h.open({ awaitingConfirmation: true });
    expect((await h.caseOf(handle)).deadline).toBeNull();
    const today = await h.today();
    const c = await h.act(handle, 'confirm-receipt', clerk, { receivedOn: today });
    expect(c).toMatchObject({ status: 'registered', receivedOn: today, deadline: { dueOn: wd(today, 20) } });
  });

  it('restarts the clock when the correction arrives', async () => {
    const { handle, receivedOn } = await h.open();
    let c = await h.act(handle, 'request-correction', clerk, { items: ['name the project', 'sign the form'] });
    expect(c).toMatchObject({ status: 'correction_requested', correction: { respondBy: wd(receivedOn, 15), periodDays: 15 } });
    await h.sleepUntil(wd(receivedOn, 3), 10);
    const correctedOn = await h.today();
    c = await h.act(handle, 'receive-correction', clerk, { receivedOn: correctedOn });
    expect(c.status).toBe('registered');
    expect(c.deadline).toMatchObject({ clockStart: correctedOn, dueOn: wd(correctedOn, 20) });
    await h.act(handle, 'withdraw', clerk, { on: correctedOn, reason: 'test done' });
    await handle.result();
  });

  it('deems the application abandoned when the correction period runs out, and closes the case', async () => {
    const { id, handle, receivedOn } = await h.open();
    await h.act(handle, 'request-correction', clerk, { items: ['name the project'], periodDays: 3 });
    await h.sleepUntil(wd(receivedOn, 3), 23, 59);
    expect((await h.caseOf(handle)).status).toBe('correction_requested');
    await h.sleepUntil(wd(receivedOn, 3), 24, 1);
    const c = await h.eventually(handle, (x) => x?.status === 'closed');
    expect(c).toMatchObject({ outcome: 'abandoned', outcomeReason: 'correction_not_made' });
    expect(c.history[c.history.length - 1]).toMatchObject({ type: 'correction_period_expired', actor: 'system' });
    await handle.result();
    const last = h.store.projections.filter((p) => p.applicationId === id).pop()!;
    expect(last.row).toMatchObject({ status: 'closed', outcome: 'abandoned', closed: true });
  });

  it('pauses the answer clock during a third-party consultation and moves the due day', async () => {
    const { handle, receivedOn } = await h.open();
    await h.act(handle, 'triage', clerk, { outcome: 'accept' });
    await h.act(handle, 'assign', clerk, { assignee: 'clerk' });
    await h.sleepUntil(wd(receivedOn, 2), 10);
    const sentOn = await h.today();
    let c = await h.act(handle, 'start-consultation', clerk, { kind: 'third-party', party: '某公司', sentOn });
    expect(c).toMatchObject({ status: 'consulting', deadline: { paused: true } });
    expect(c.consultations[0].replyBy).toBe(wd(sentOn, 15));
    await h.sleepUntil(wd(sentOn, 4), 10);
    const repliedOn = await h.today();
    c = await h.act(handle, 'receive-consultation-reply', clerk, { receivedOn: repliedOn, position: 'objection', reasons: 'trade secret' });
    const paused = calendarIndex.workingDaysBetween(parseIsoDate(sentOn), parseIsoDate(repliedOn));
    expect(paused).toBe(4);
    expect(c).toMatchObject({ status: 'searching', deadline: { paused: false, pausedWorkingDays: 4, dueOn: wd(receivedOn, 24) } });
    const explained = await handle.query(deadlineExplanationQuery);
    expect(explained).toMatchObject({ dueOn: wd(receivedOn, 24), pauses: [{ from: sentOn, to: repliedOn, workingDaysRemoved: 4 }] });
    await h.act(handle, 'withdraw', clerk, { on: repliedOn });
  });

  it("takes a co-maker's silence as consent when its 15 working days run out, and resumes the clock", async () => {
    const { handle, receivedOn } = await h.open();
    await h.act(handle, 'triage', clerk, { outcome: 'accept' });
    await h.act(handle, 'assign', clerk, { assignee: 'clerk' });
    await h.act(handle, 'start-consultation', clerk, { kind: 'co-maker', party: '市财政局', sentOn: receivedOn });
    await h.sleepUntil(wd(receivedOn, 15), 24, 1);
    const c = await h.eventually(handle, (x) => x?.status === 'searching');
    expect(c.consultations[0]).toMatchObject({ position: 'deemed-consent', replyBy: wd(receivedOn, 15) });
    expect(c.deadline).toMatchObject({ paused: false, pausedWorkingDays: 15, dueOn: wd(receivedOn, 35) });
    await h.act(handle, 'withdraw', clerk, { on: await h.today() });
  });

  it('extends the deadline once when the supervisor approves, and refuses a second extension', async () => {
    const { handle, receivedOn } = await h.open();
    await h.act(handle, 'triage', clerk, { outcome: 'accept' });
    let c = await h.act(handle, 'request-extension', clerk, { reason: 'many archives to search' });
    expect(c.status).toBe('extension_requested');
    c = await h.act(handle, 'decide-extension', supervisor, { approve: true, comment: 'approved' });
    expect(c).toMatchObject({
      status: 'triage',
      deadline: { baseDueOn: wd(receivedOn, 20), dueOn: wd(receivedOn, 40), extendedDueOn: wd(receivedOn, 40) },
    });
    await expect(h.act(handle, 'request-extension', clerk, { reason: 'again' })).rejects.toThrow();
    await h.act(handle, 'withdraw', clerk, { on: receivedOn });
  });

  it('ends with a recorded withdrawal', async () => {
    const { id, handle, receivedOn } = await h.open();
    const c = await h.act(handle, 'withdraw', clerk, { on: receivedOn, reason: 'no longer needed' });
    expect(c).toMatchObject({ status: 'closed', outcome: 'withdrawn', withdrawal: { on: receivedOn, reason: 'no longer needed' } });
    await handle.result();
    expect(h.store.projections.filter((p) => p.applicationId === id).pop()!.row).toMatchObject({ outcome: 'withdrawn', closed: true });
  });

  it('replies to a petition only after a supervisor confirms the classification', async () => {
    const { handle } = await h.open();
    await h.act(handle, 'triage', clerk, { outcome: 'petition' });
    let c = await h.act(handle, 'confirm-petition', supervisor, { approve: true });
    expect(c).toMatchObject({ status: 'approval', decision: { replyKind: 'petition', approval: { approved: true, by: 'supervisor' } } });
    await h.act(handle, 'issue-notice', clerk, {});
    c = await h.act(handle, 'record-delivery', clerk, { method: 'electronic', on: await h.today() });
    expect(c).toMatchObject({ status: 'closed', outcome: 'replied' });
  });

  it('handles the application after all when the supervisor does not confirm the petition', async () => {
    const { handle, receivedOn } = await h.open();
    await h.act(handle, 'triage', clerk, { outcome: 'petition' });
    const c = await h.act(handle, 'confirm-petition', supervisor, { approve: false, comment: 'this is a real OGI request' });
    expect(c).toMatchObject({ status: 'triage', triageOutcome: 'accept' });
    await h.act(handle, 'assign', clerk, { assignee: 'clerk' });
    await h.act(handle, 'withdraw', clerk, { on: receivedOn });
  });

  it('reminds the clerk 5 and 2 working days before and on the due day, then escalates daily and records the lateness', async () => {
    const { id, handle, receivedOn } = await h.open();
    await h.act(handle, 'triage', clerk, { outcome: 'accept' });
    await h.act(handle, 'assign', supervisor, { assignee: 'clerk2' });
    const dueOn = wd(receivedOn, 20);
    const mine = () => h.store.notifications.filter((n) => n.applicationId === id);

    await h.sleepUntil(wd(dueOn, -5), 8, 59);
    expect(mine()).toEqual([]);
    await h.sleepUntil(wd(dueOn, -5), 9, 1);
    await h.eventually(handle, () => mine().length === 1);
    await h.sleepUntil(dueOn, 10);
    await h.eventually(handle, () => mine().length === 3);
    expect(mine()).toEqual([
      expect.objectContaining({
        kind: 'reminder',
        key: `reminder:${dueOn}:5`,
        recipientUsername: 'clerk2',
        message: expect.stringContaining(`距答复期限还有 5 个工作日（${dueOn}）`),
      }),
      expect.objectContaining({ kind: 'reminder', key: `reminder:${dueOn}:2`, recipientUsername: 'clerk2' }),
      expect.objectContaining({
        kind: 'reminder',
        key: `reminder:${dueOn}:0`,
        message: expect.stringContaining(`今日为答复期限（${dueOn}）`),
      }),
    ]);
    expect((await handle.describe()).typedSearchAttributes.get(SA.overdue)).toBe(false);

    await h.sleepUntil(wd(dueOn, 2), 10);
    await h.eventually(handle, () => mine().length === 5);
    expect(mine().slice(3)).toEqual([
      expect.objectContaining({ kind: 'escalation', key: `escalation:${wd(dueOn, 1)}`, recipientRole: 'supervisor' }),
      expect.objectContaining({
        kind: 'escalation',
        key: `escalation:${wd(dueOn, 2)}`,
        message: expect.stringContaining(`已超过答复期限 2 个工作日（期限 ${dueOn}），承办人：clerk2`),
      }),
    ]);
    const c0 = await h.eventually(handle, (x) => x?.deadline?.overdue === true);
    expect(c0.deadline?.dueOn).toBe(dueOn);
    expect((await handle.describe()).typedSearchAttributes.get(SA.overdue)).toBe(true);

    await h.act(handle, 'draft-decision', clerk2, { replyKind: 'not-exist', reasons: 'no such plan was ever made' });
    await h.act(handle, 'approve-decision', reviewer2, { approve: true });
    const c = await h.act(handle, 'issue-notice', clerk2, {});
    expect(c.deadline).toMatchObject({ workingDaysLate: 2, overdue: true });
    expect(h.store.projections.filter((p) => p.applicationId === id).pop()!.row).toMatchObject({
      workingDaysLate: 2,
      answeredOn: wd(dueOn, 2),
    });
    await h.act(handle, 'record-delivery', clerk2, { method: 'in_person', on: wd(dueOn, 2) });
    await handle.result();
    void reviewer;
  });

  it("reminds at the office's configured offsets and hour", async () => {
    const { id, handle, receivedOn } = await h.open({ settings: { reminderOffsets: [3], notifyHour: 14 } });
    await h.act(handle, 'triage', clerk, { outcome: 'accept' });
    const dueOn = wd(receivedOn, 20);
    const mine = () => h.store.notifications.filter((n) => n.applicationId === id);
    await h.sleepUntil(wd(dueOn, -3), 13, 59);
    expect(mine()).toEqual([]);
    await h.sleepUntil(wd(dueOn, -3), 14, 1);
    await h.eventually(handle, () => mine().length === 1);
    expect(mine()).toEqual([expect.objectContaining({ kind: 'reminder', key: `reminder:${dueOn}:3`, recipientRole: 'clerk' })]);
    // No reminder on the due day itself: 0 is not among the configured offsets.
    await h.sleepUntil(dueOn, 15);
    expect(mine()).toHaveLength(1);
    await h.act(handle, 'withdraw', clerk, { on: await h.today() });
  });

  it('reloads the calendar when an administrator loads a new arrangement', async () => {
    const { handle, receivedOn } = await h.open();
    const loads = h.store.calendarLoads;
    await handle.signal(calendarUpdatedSignal, { version: 'db-2' });
    await h.eventually(handle, () => h.store.calendarLoads === loads + 1);
    await h.act(handle, 'withdraw', clerk, { on: receivedOn });
  });

  it("moves the clock of a case started with testClock only, and only forward (the fault tier's switch)", async () => {
    const on = await h.open({ settings: { testClock: true } });
    const off = await h.open();
    const dueOn = wd(on.receivedOn, 20);
    // To 09:30 of the first working day after the due day: overdue, and that day's escalation (09:00) sent.
    const offsetMs = startOfShanghaiDay(wd(dueOn, 1)) + 9.5 * 3600_000 - (await h.env.currentTimeMs());
    for (const c of [on, off]) await c.handle.signal(testClockSignal, { offsetMs });
    const notes = (id: string) => h.store.notifications.filter((n) => n.applicationId === id).map((n) => n.key);
    await h.eventually(on.handle, (c) => c?.deadline?.overdue === true && notes(on.id).includes(`escalation:${wd(dueOn, 1)}`));
    expect(notes(on.id)).toEqual([`escalation:${wd(dueOn, 1)}`]); // reminders of days already past are not sent late
    // Backwards is ignored: still overdue.
    await on.handle.signal(testClockSignal, { offsetMs: 0 });
    await h.env.sleep(1_000);
    expect((await h.caseOf(on.handle)).deadline?.overdue).toBe(true);
    // The case started without the switch kept Temporal's clock.
    expect((await h.caseOf(off.handle)).deadline?.overdue).toBe(false);
    expect(notes(off.id)).toEqual([]);
    for (const c of [on, off]) await c.handle.terminate('test over');
  });
});
