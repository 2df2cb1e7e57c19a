import { stateQuery } from '../../libs/contracts/workflow';
import { CaseHarness, clerk, reviewer, supervisor, wd } from './support/case-harness';

describe('applicationWorkflow: the letters each step issues', () => {
  const h = new CaseHarness();
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  const issued = (id: string) => (h.store.notices ?? []).filter((n) => n.applicationId === id);
  /** Waits in real time (not handle.result(), which lets the time-skipping server jump years ahead). */
  const issuedCount = async (id: string, count: number) => {
    for (let i = 0; i < 200 && issued(id).length < count; i++) await new Promise((r) => setTimeout(r, 25));
    expect(issued(id)).toHaveLength(count);
  };

  it('issues the receipt, the correction notice and, when the period runs out, the abandonment notice', async () => {
    const { id, handle, receivedOn } = await h.open();
    await h.act(handle, 'request-correction', clerk, { items: ['name the project'], periodDays: 3 });
    await h.sleepUntil(wd(receivedOn, 3), 24, 1);
    await h.eventually(handle, (x) => x?.status === 'closed');
    await issuedCount(id, 3);
    expect(issued(id).map((n) => [n.kind, n.letterKind, n.issueKey])).toEqual([
      ['receipt', 'registration-receipt', 'registration'],
      ['correction', 'correction-notice', 'step-2'],
      ['abandonment', 'abandonment-correction', 'abandonment'],
    ]);
    const [receipt, correction, abandonment] = issued(id);
    expect(receipt).toMatchObject({ issuedOn: receivedOn, issuedBy: 'clerk', fields: { dueOn: wd(receivedOn, 20) } });
    expect(correction.fields).toMatchObject({ correctionItems: ['name the project'], correctionDeadline: wd(receivedOn, 3) });
    expect(abandonment.fields).toEqual({ correctionNoticeDeliveredOn: receivedOn, correctionDeadline: wd(receivedOn, 3) });
    // Only the small references stay in workflow state.
    const state = await handle.query(stateQuery);
    expect(state.notices?.map((n) => n.kind)).toEqual(['receipt', 'correction', 'abandonment']);
    expect(Object.keys(state.notices![0]).sort()).toEqual(['contentHash', 'id', 'kind', 'number']);
  });

  it('issues the extension notice only when the extension is approved', async () => {
    const { id, handle, receivedOn } = await h.open();
    await h.act(handle, 'triage', clerk, { outcome: 'accept' });
    await h.act(handle, 'request-extension', clerk, { reason: '需要调取多个年度的档案' });
    await h.act(handle, 'decide-extension', supervisor, { approve: true });
    await h.act(handle, 'withdraw', clerk, { on: receivedOn });
    await issuedCount(id, 3);
    expect(issued(id).map((n) => n.kind)).toEqual(['receipt', 'extension', 'withdrawal']);
    expect(issued(id)[1].fields).toEqual({ reasons: '需要调取多个年度的档案', extensionDays: 20, extendedDueOn: wd(receivedOn, 40) });
    expect(issued(id)[2].fields).toEqual({ withdrawnOn: receivedOn, withdrawalMethod: '书面' });
  });

  it('issues the reply of the drafted decision, and the not-an-application notice for a confirmed petition', async () => {
    const a = await h.open();
    await h.act(a.handle, 'triage', clerk, { outcome: 'accept' });
    await h.act(a.handle, 'assign', supervisor, { assignee: 'clerk' });
    await h.act(a.handle, 'record-search', clerk, { summary: 'found' });
    await h.act(a.handle, 'draft-decision', clerk, {
      replyKind: 'refuse',
      reasons: '该点位图标注了重要设施的位置',
      parts: [{ description: '重要设施点位图', disposition: 'withhold', exemption: 'security-stability' }],
    });
    await h.act(a.handle, 'approve-decision', reviewer, { approve: true });
    await h.act(a.handle, 'issue-notice', clerk, {});
    expect(issued(a.id).at(-1)).toMatchObject({
      kind: 'reply',
      letterKind: 'reply-refuse',
      issueKey: 'reply',
      fields: {
        withheld: [{ part: '重要设施点位图', ground: 'security-stability', reason: '该点位图标注了重要设施的位置' }],
        reasons: '该点位图标注了重要设施的位置',
      },
    });

    const b = await h.open();
    await h.act(b.handle, 'triage', clerk, { outcome: 'petition' });
    await h.act(b.handle, 'confirm-petition', supervisor, { approve: true });
    await h.act(b.handle, 'issue-notice', clerk, {});
    expect(issued(b.id).map((n) => [n.kind, n.letterKind])).toEqual([
      ['receipt', 'registration-receipt'],
      ['not-application', 'not-ogi-petition'],
    ]);
  });
});
