import type { IssueNoticeInput } from '../../libs/contracts/notice';
import { availableActionsQuery, deadlineExplanationQuery, stateQuery } from '../../libs/contracts/workflow';
import { renderNotice } from '../../libs/documents';
import { fixtureInput } from '../../libs/documents/testing/notice-fixtures';
import { CaseHarness, clerk, clerk2, expectRejected, reviewer, supervisor, wd } from './support/case-harness';

/** The letter as the activity renders it (fixture applicant and application, the case's facts). */
const rendered = (n: IssueNoticeInput) => renderNotice(fixtureInput(n.letterKind, '2019', { fields: n.fields })).text;

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
      parts: [{ description: '重要设施点位图', disposition: 'withhold', ground: 'security-stability' }],
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

  it('refuses a draft whose reply letter cannot be made before it enters history, naming the part (不拒办)', async () => {
    const { id, handle } = await h.open();
    await h.act(handle, 'triage', clerk, { outcome: 'accept' });
    await h.act(handle, 'assign', supervisor, { assignee: 'clerk' });
    await h.act(handle, 'record-search', clerk, { summary: 'found' });
    const before = (await h.caseOf(handle)).history.length;
    await expectRejected(
      h.act(handle, 'draft-decision', clerk, {
        replyKind: 'partial',
        reasons: '部分内容属于内部讨论',
        parts: [
          { description: '会议纪要正文', disposition: 'disclose' },
          { description: '领导批示', disposition: 'withhold', ground: 'unrelated-to-own-need' },
        ],
      }),
      'BadRequest',
      /^draft-decision: body\.parts\[1\]: ground "unrelated-to-own-need" does not exist under the 2019 regime/,
    );
    const c = await h.caseOf(handle);
    expect({ status: c.status, decision: c.decision, steps: c.history.length }).toEqual({
      status: 'searching',
      decision: null,
      steps: before,
    });
    await h.act(handle, 'withdraw', clerk, { on: c.receivedOn! });
    await issuedCount(id, 2);
    expect(issued(id).map((n) => n.kind)).toEqual(['receipt', 'withdrawal']);
  });

  it('a reply letter that failed leaves the case unanswered until a supervisor re-issues it, late if the day passed', async () => {
    const { id, handle, receivedOn } = await h.open();
    await h.act(handle, 'triage', clerk, { outcome: 'accept' });
    await h.act(handle, 'assign', supervisor, { assignee: 'clerk' });
    await h.act(handle, 'draft-decision', clerk, {
      replyKind: 'refuse',
      reasons: '该点位图标注了重要设施的位置',
      parts: [{ description: '重要设施点位图', disposition: 'withhold', ground: 'security-stability' }],
    });
    await h.act(handle, 'approve-decision', reviewer, { approve: true });
    h.store.failLetters = new Set(['reply-refuse']);
    try {
      const after = await h.act(handle, 'issue-notice', clerk, {});
      expect(after).toMatchObject({
        status: 'approval',
        notice: null,
        failedLetters: [{ kind: 'reply', letterKind: 'reply-refuse', issueKey: 'reply' }],
      });
      expect(after.failedLetters[0].error).toMatch(/the template is broken/);
      expect(after.deadline).toMatchObject({ workingDaysLate: null });
      expect(after.history.slice(-2).map((s) => [s.type, s.status])).toEqual([
        ['issue-notice', 'notice_issued'],
        ['notice_failed', 'approval'],
      ]);
      expect(issued(id).map((n) => n.kind)).toEqual(['receipt']);
      expect(await handle.query(availableActionsQuery, supervisor)).toContainEqual({ action: 'reissue-notice' });
      await expectRejected(h.act(handle, 'issue-notice', clerk, {}), 'WrongState', /a supervisor re-issues it first \(reissue-notice\)/);
      await expectRejected(h.act(handle, 'reissue-notice', clerk, {}), 'Forbidden', /role clerk may not do this/);
      await expectRejected(
        h.act(handle, 'record-delivery', clerk, { method: 'post', on: receivedOn }),
        'WrongState',
        /not allowed in status approval/,
      );
      // The due day passes while the administrator fixes the template: the case is overdue, not answered on time.
      await h.sleepUntil(wd(receivedOn, 21), 10);
      h.store.failLetters = undefined;
      const reissued = await h.act(handle, 'reissue-notice', supervisor, { comment: '模板已修复' });
      expect(reissued).toMatchObject({ status: 'notice_issued', failedLetters: [], notice: { issuedOn: wd(receivedOn, 21) } });
      expect(reissued.deadline).toMatchObject({ workingDaysLate: 1, overdue: true });
      expect(reissued.history.at(-1)).toMatchObject({
        type: 'reissue-notice',
        actor: 'supervisor',
        details: { letters: [{ kind: 'reply', letterKind: 'reply-refuse', issueKey: 'reply' }], workingDaysLate: 1 },
      });
      expect(issued(id).map((n) => n.kind)).toEqual(['receipt', 'reply']);
      expect(issued(id)[1]).toMatchObject({
        letterKind: 'reply-refuse',
        issueKey: 'reply',
        issuedOn: wd(receivedOn, 21),
        issuedBy: 'clerk',
      });
      expect(await handle.query(availableActionsQuery, supervisor)).not.toContainEqual({ action: 'reissue-notice' });
    } finally {
      h.store.failLetters = undefined;
    }
  });

  it('a registration receipt that failed is recorded and re-issued, the case registered all the same', async () => {
    h.store.failLetters = new Set(['registration-receipt']);
    let opened;
    try {
      opened = await h.open();
    } finally {
      h.store.failLetters = undefined;
    }
    const { id, handle, receivedOn } = opened;
    const c = await h.eventually(handle, (x) => (x?.failedLetters.length ?? 0) > 0);
    expect(c).toMatchObject({
      status: 'registered',
      failedLetters: [{ kind: 'receipt', letterKind: 'registration-receipt', issueKey: 'registration' }],
    });
    expect(c.history.map((s) => s.type)).toEqual(['notice_failed']);
    expect(issued(id)).toEqual([]);
    await h.act(handle, 'reissue-notice', supervisor, {});
    await issuedCount(id, 1);
    expect(issued(id)[0]).toMatchObject({ kind: 'receipt', issueKey: 'registration', fields: { dueOn: wd(receivedOn, 20) } });
    await h.act(handle, 'withdraw', clerk, { on: receivedOn });
  });

  it('a closing letter that failed keeps the closed case open until it is re-issued', async () => {
    const { id, handle, receivedOn } = await h.open();
    h.store.failLetters = new Set(['withdrawal-confirmation']);
    try {
      const closed = await h.act(handle, 'withdraw', clerk, { on: receivedOn });
      expect(closed.status).toBe('closed');
      const c = await h.eventually(handle, (x) => (x?.failedLetters.length ?? 0) > 0);
      expect(c).toMatchObject({ status: 'closed', outcome: 'withdrawn', failedLetters: [{ kind: 'withdrawal', issueKey: 'withdrawal' }] });
      await new Promise((r) => setTimeout(r, 200));
      expect((await handle.describe()).status.name).toBe('RUNNING');
      h.store.failLetters = undefined;
      await h.act(handle, 'reissue-notice', supervisor, {});
      await handle.result();
      expect(issued(id).map((n) => n.kind)).toEqual(['receipt', 'withdrawal']);
    } finally {
      h.store.failLetters = undefined;
    }
  });

  it('issues the consultation letter to a third party and to a co-making organ, with the 15 working-day window', async () => {
    const { id, handle, receivedOn } = await h.open();
    await h.act(handle, 'triage', clerk, { outcome: 'accept' });
    await h.act(handle, 'assign', clerk, { assignee: 'clerk' });
    await h.act(handle, 'start-consultation', clerk, {
      kind: 'third-party',
      party: '临沂某建材有限公司',
      sentOn: receivedOn,
      information: '贵方提交的生产工艺和原料配方',
    });
    await h.act(handle, 'receive-consultation-reply', clerk, { receivedOn, position: 'consent' });
    await h.act(handle, 'start-consultation', clerk, { kind: 'co-maker', party: '临沂市财政局', sentOn: receivedOn });
    await issuedCount(id, 3);
    const [, third, coMaker] = issued(id);
    expect(third).toMatchObject({
      kind: 'consultation',
      letterKind: 'third-party-consultation',
      issueKey: 'step-4',
      fields: {
        thirdPartyName: '临沂某建材有限公司',
        affectedInformation: '贵方提交的生产工艺和原料配方',
        replyDeadline: wd(receivedOn, 15),
      },
    });
    expect(rendered(third)).toContain('贵方逾期未提出意见的，本机关将依照《中华人民共和国政府信息公开条例》的规定决定是否公开');
    expect(coMaker).toMatchObject({
      kind: 'consultation',
      letterKind: 'co-maker-consultation',
      issueKey: 'step-6',
      fields: { organName: '临沂市财政局', replyDeadline: wd(receivedOn, 15) },
    });
    expect(rendered(coMaker)).toContain('贵机关逾期未提出意见的，视为同意公开');
    await h.act(handle, 'withdraw', clerk, { on: receivedOn });
  });

  /** Drafts, approves and issues a reply; returns the reply letter the workflow asked for. */
  const reply = async (c: { id: string; handle: Parameters<CaseHarness['act']>[0] }, body: object) => {
    await h.act(c.handle, 'draft-decision', clerk, body as never);
    await h.act(c.handle, 'approve-decision', reviewer, { approve: true });
    await h.act(c.handle, 'issue-notice', clerk, {});
    const n = issued(c.id).at(-1)!;
    expect(n.issueKey).toBe('reply');
    return n;
  };
  const accepted = async () => {
    const c = await h.open();
    await h.act(c.handle, 'triage', clerk, { outcome: 'accept' });
    await h.act(c.handle, 'assign', clerk, { assignee: 'clerk' });
    return c;
  };

  it('issues the repeated, special-route, publication and confirm-or-reissue replies with their facts', async () => {
    const cases: [object, Partial<IssueNoticeInput>, string][] = [
      [
        {
          replyKind: 'repeated',
          reasons: '与此前申请的信息相同',
          previous: { applicationNumber: 'LYZF-2025-00007', repliedOn: '2025-01-06' },
        },
        {
          letterKind: 'reply-repeated',
          fields: { previousApplicationNumber: 'LYZF-2025-00007', previousReplyDate: '2025-01-06', reasons: '与此前申请的信息相同' },
        },
        '本机关已于2025年1月6日就您提出的政府信息公开申请（申请编号：LYZF-2025-00007）作出答复。',
      ],
      [
        {
          replyKind: 'special-route',
          reasons: '申请的是房屋登记簿',
          specialRoute: { recordType: '不动产登记资料', law: '不动产登记暂行条例', route: '请到临沂市不动产登记中心申请查询' },
        },
        {
          letterKind: 'reply-special-route',
          fields: {
            recordType: '不动产登记资料',
            specialLaw: '《不动产登记暂行条例》',
            specialRoute: '请到临沂市不动产登记中心申请查询',
            reasons: '申请的是房屋登记簿',
          },
        },
        '请您依照《不动产登记暂行条例》的规定办理：请到临沂市不动产登记中心申请查询。',
      ],
      [
        { replyKind: 'publication', reasons: '公开出版物', publication: { name: '临沂年鉴（2025）', whereToGet: '临沂市图书馆可供查阅' } },
        {
          kind: 'not-application',
          letterKind: 'not-ogi-publication',
          fields: { publicationName: '《临沂年鉴（2025）》', whereToGet: '临沂市图书馆可供查阅' },
        },
        '《临沂年鉴（2025）》属于公开出版物',
      ],
      [
        { replyKind: 'confirm-or-reissue', reasons: '您要求本机关重新出具已向您提供的批复并加盖印章' },
        { letterKind: 'reply-confirm-or-reissue', fields: { reasons: '您要求本机关重新出具已向您提供的批复并加盖印章' } },
        '本机关对您的本次申请不予处理',
      ],
    ];
    for (const [body, expected, text] of cases) {
      const c = await accepted();
      const n = await reply(c, body);
      expect(n).toMatchObject({ kind: 'reply', ...expected });
      expect(rendered(n)).toContain(text);
    }
  });

  it('issues the unclear-after-correction reply only after a correction was received', async () => {
    const { id, handle, receivedOn } = await h.open();
    await h.act(handle, 'request-correction', clerk, { items: ['写明地块位置'] });
    await h.act(handle, 'receive-correction', clerk, { receivedOn });
    await h.act(handle, 'triage', clerk, { outcome: 'accept' });
    const n = await reply({ id, handle }, { replyKind: 'unclear-after-correction', reasons: '补正后仍未写明地块位置' });
    expect(n).toMatchObject({ letterKind: 'reply-unclear-after-correction', fields: { correctionReceivedOn: receivedOn } });
    expect(rendered(n)).toContain('补正后的申请内容仍不明确：补正后仍未写明地块位置');
  });

  it('Art. 35: asks for reasons, sets a later reply day for reasonable ones and tells the applicant, both in writing', async () => {
    const { id, handle, receivedOn } = await h.open();
    await h.act(handle, 'triage', clerk, { outcome: 'excessive' });
    await h.act(handle, 'assign', clerk, { assignee: 'clerk2' });
    let c = await h.act(handle, 'request-reasons', clerk2, { sentOn: receivedOn, periodDays: 5, requestVolume: '您一个月内提出申请86件' });
    expect(c).toMatchObject({ status: 'reasons_requested', reasonsRequest: { respondBy: wd(receivedOn, 5), statusBefore: 'assigned' } });
    expect(c.deadline).toMatchObject({ dueOn: wd(receivedOn, 20), paused: false }); // the clock keeps running
    await h.sleepUntil(wd(receivedOn, 3), 10);
    const on = await h.today();
    const replyBy = wd(receivedOn, 45);
    c = await h.act(handle, 'receive-reasons', clerk2, { receivedOn: on, reasonable: true, replyBy });
    expect(c).toMatchObject({ status: 'assigned', reasonsRequest: { outcome: 'reasonable', replyBy }, deadline: { dueOn: replyBy } });
    const explained = await handle.query(deadlineExplanationQuery);
    expect(explained?.dueOn).toBe(replyBy);
    expect(explained?.text).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^要求说明理由（条例第三十五条）：${receivedOn}告知.*其间答复期限照常计算`)),
        expect.stringMatching(new RegExp(`^延迟答复（条例第三十五条）：本机关于${on}.*将答复期限由${wd(receivedOn, 20)}改为${replyBy}`)),
      ]),
    );
    await issuedCount(id, 3);
    const [, ask, later] = issued(id);
    expect(ask).toMatchObject({ kind: 'correction', letterKind: 'reasons-request', fields: { reasonsDeadline: wd(receivedOn, 5) } });
    expect(rendered(ask)).toContain('您一个月内提出申请86件');
    expect(later).toMatchObject({
      kind: 'extension',
      letterKind: 'later-reply-date',
      fields: { reasonRequestedOn: receivedOn, reasonsReceivedOn: on, replyBy },
    });
    expect(rendered(later)).toContain('本机关确定延迟答复的期限');
    await h.act(handle, 'withdraw', clerk, { on });
  });

  it('Art. 35: no reasons by the day set count as unreasonable, and the excessive reply says so', async () => {
    const c = await h.open();
    await h.act(c.handle, 'triage', clerk, { outcome: 'excessive' });
    await h.act(c.handle, 'request-reasons', clerk, { sentOn: c.receivedOn, periodDays: 3 });
    await h.sleepUntil(wd(c.receivedOn, 3), 24, 1);
    const v = await h.eventually(c.handle, (x) => x?.status === 'triage');
    expect(v.reasonsRequest).toMatchObject({ outcome: 'no-reply', respondBy: wd(c.receivedOn, 3) });
    expect(v.history.at(-1)).toMatchObject({ type: 'reasons_period_expired', actor: 'system' });
    expect(v.deadline?.dueOn).toBe(wd(c.receivedOn, 20));
    await h.act(c.handle, 'assign', clerk, { assignee: 'clerk' });
    const n = await reply(c, { replyKind: 'excessive', reasons: '所列申请内容大量重复', requestVolume: '您一个月内提出申请86件' });
    expect(n).toMatchObject({
      kind: 'reply',
      letterKind: 'reply-excessive',
      fields: {
        requestVolume: '您一个月内提出申请86件',
        reasonRequestedOn: c.receivedOn,
        reasonsDeadline: wd(c.receivedOn, 3),
        reasons: '所列申请内容大量重复',
      },
    });
    expect(n.fields.reasonsReceivedOn).toBeUndefined();
    expect(rendered(n)).toContain('您逾期未说明理由，视为未提供合理理由。所列申请内容大量重复。');
  });
});
