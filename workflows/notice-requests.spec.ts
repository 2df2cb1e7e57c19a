import type { ActionRequest, CaseView, DraftDecisionBody, HistoryStep } from '../libs/contracts/case';
import { renderNotice } from '../libs/documents';
import { fixtureInput } from '../libs/documents/testing/notice-fixtures';
import { noticesForExpiry, noticesForStep, receiptRequest } from './notice-requests';

const base = {
  applicationId: 'a',
  registrationNumber: 'LYZF-2026-00001',
  arrivedOn: '2026-11-05',
  receivedOn: '2026-11-05',
  status: 'notice_issued',
  outcome: null,
  outcomeReason: null,
  deadline: { regime: '2019', dueOn: '2026-12-03', extendedDueOn: null },
  correction: null,
  extension: null,
  decision: null,
  fee: null,
  withdrawal: null,
} as unknown as CaseView;

const step = [{ seq: 7 }] as HistoryStep[];
const req = (action: string, body: object = {}) => ({ action, actor: { username: 'clerk', role: 'clerk' }, body }) as ActionRequest;

/** Renders the letter with the fixture's applicant and application, and the facts the workflow gave. */
function renders(r: ReturnType<typeof receiptRequest>[number]): string {
  const input = fixtureInput(r.letterKind, '2019', { fields: r.fields, ...(r.reasons ? { reasons: r.reasons } : {}) });
  return renderNotice(input).text;
}

const decided = (d: Partial<DraftDecisionBody>) =>
  noticesForStep(
    { ...base, decision: { reasons: '理由', draftedBy: 'clerk', draftedAt: '', ...d } as CaseView['decision'] },
    req('issue-notice'),
    step,
  );

describe('notice requests: the letters each step issues, filled from the case', () => {
  it("takes each withheld part's ground from the list and its words from the explanation (old drafts: a ground code)", () => {
    const [partial] = decided({
      replyKind: 'partial',
      parts: [
        { description: '批复正文', disposition: 'disclose' },
        { description: '身份证号码', disposition: 'withhold', ground: 'third-party-rights', explanation: '属于被征收人的个人信息' },
        { description: '会议纪要', disposition: 'withhold', ground: 'process-information' },
      ],
    });
    expect(partial.fields.withheld).toEqual([
      { part: '身份证号码', ground: 'third-party-rights', reason: '属于被征收人的个人信息' },
      { part: '会议纪要', ground: 'process-information', reason: '理由' },
    ]);
    // A draft accepted before the list: a ground code is read as the ground, free words as words (no ground).
    const [old] = decided({
      replyKind: 'refuse',
      parts: [
        { description: '点位图', disposition: 'withhold', exemption: 'security-stability' },
        { description: '请示', disposition: 'withhold', exemption: '请示报告' },
      ],
    });
    expect(old.fields.withheld).toEqual([
      { part: '点位图', ground: 'security-stability', reason: '理由' },
      { part: '请示', ground: undefined, reason: '请示报告' },
    ]);
  });

  it('fills every reply that the decision can carry so that it renders', () => {
    const cases: [Partial<DraftDecisionBody>, string][] = [
      [{ replyKind: 'disclose', provision: { form: '纸质', method: '邮寄' } }, '以纸质形式、通过邮寄方式提供'],
      [
        {
          replyKind: 'partial',
          parts: [
            { description: '批复正文', disposition: 'disclose' },
            { description: '身份证号码', disposition: 'withhold', ground: 'third-party-rights' },
          ],
        },
        '身份证号码',
      ],
      [{ replyKind: 'refuse', parts: [{ description: '点位图', disposition: 'withhold', ground: 'security-stability' }] }, '点位图'],
      [{ replyKind: 'not-exist', reasons: '检索了收文和发文登记系统' }, '检索了收文和发文登记系统'],
      [{ replyKind: 'other-organ', otherOrgan: '市自然资源和规划局' }, '市自然资源和规划局'],
      [{ replyKind: 'cannot-create' }, '理由'],
      [{ replyKind: 'already-public', provision: { form: '网页', method: '市政府门户网站' } }, '市政府门户网站'],
      [{ replyKind: 'petition' }, '信访'],
      [{ replyKind: 'repeated', previous: { applicationNumber: 'LYZF-2026-00007', repliedOn: '2026-09-10' } }, 'LYZF-2026-00007'],
      [
        {
          replyKind: 'repeated',
          previous: { applicationNumber: 'LYZF-2026-00007', repliedOn: '2026-09-10', noticeNumber: '临政公开〔2026〕第8号' },
        },
        '作出答复（临政公开〔2026〕第8号）',
      ],
      [
        {
          replyKind: 'special-route',
          specialRoute: { recordType: '不动产登记资料', law: '不动产登记暂行条例', route: '到市不动产登记中心查询' },
        },
        '依照《不动产登记暂行条例》的规定办理：到市不动产登记中心查询',
      ],
      [
        { replyKind: 'publication', publication: { name: '临沂年鉴（2025）', whereToGet: '市图书馆' } },
        '《临沂年鉴（2025）》属于公开出版物',
      ],
      [{ replyKind: 'confirm-or-reissue', reasons: '您要求确认复印件与原件一致' }, '您要求确认复印件与原件一致'],
    ];
    for (const [d, expected] of cases) {
      const [r] = decided(d);
      expect(renders(r)).toContain(expected);
    }
    expect(decided({ replyKind: 'petition' })[0]).toMatchObject({ kind: 'not-application', letterKind: 'not-ogi-petition' });
    expect(decided({ replyKind: 'publication', publication: { name: '《年鉴》', whereToGet: '图书馆' } })[0]).toMatchObject({
      kind: 'not-application',
      letterKind: 'not-ogi-publication',
      fields: { publicationName: '《年鉴》' },
    });
  });

  it('fills the replies that rest on earlier steps: unclear after a correction, excessive after a request for reasons', () => {
    const correction = { requestedOn: '2026-11-06', items: ['x'], deliveredOn: '2026-11-06', periodDays: 15, respondBy: '2026-11-27' };
    const [u] = noticesForStep(
      {
        ...base,
        correction: { ...correction, receivedOn: '2026-11-12' },
        decision: { replyKind: 'unclear-after-correction', reasons: '仍未写明地块位置', draftedBy: 'c', draftedAt: '' },
      },
      req('issue-notice'),
      step,
    );
    expect(u).toMatchObject({ letterKind: 'reply-unclear-after-correction', fields: { correctionReceivedOn: '2026-11-12' } });
    expect(renders(u)).toContain('于2026年11月12日收到您补正后的申请');
    const reasonsRequest = {
      requestedOn: '2026-11-06',
      sentOn: '2026-11-06',
      periodDays: 10,
      respondBy: '2026-11-20',
      requestVolume: '您一个月内提出申请86件',
      statusBefore: 'assigned' as const,
    };
    const excessive = { replyKind: 'excessive' as const, reasons: '申请内容大量重复', draftedBy: 'c', draftedAt: '' };
    const [silent] = noticesForStep(
      { ...base, reasonsRequest: { ...reasonsRequest, outcome: 'no-reply' }, decision: excessive },
      req('issue-notice'),
      step,
    );
    expect(silent.fields).toEqual({
      requestVolume: '您一个月内提出申请86件',
      reasonRequestedOn: '2026-11-06',
      reasonsDeadline: '2026-11-20',
      reasons: '申请内容大量重复',
    });
    expect(renders(silent)).toContain('您逾期未说明理由，视为未提供合理理由');
    const [answered] = noticesForStep(
      { ...base, reasonsRequest: { ...reasonsRequest, outcome: 'unreasonable', receivedOn: '2026-11-18' }, decision: excessive },
      req('issue-notice'),
      step,
    );
    expect(renders(answered)).toContain('并于2026年11月18日收到您的说明。经审查，本机关认为您的申请理由不合理：申请内容大量重复');
  });

  it('issues the consultation and Art. 35 letters only when the workflow says it may (replay of older histories)', () => {
    const on = { consultationLetters: true };
    const consulting = {
      ...base,
      status: 'consulting',
      consultations: [
        { kind: 'third-party', party: '临沂某建材有限公司', sentOn: '2026-11-06', deliveredOn: '2026-11-06', replyBy: '2026-11-27' },
      ],
    } as CaseView;
    const start = req('start-consultation', { kind: 'third-party', party: '临沂某建材有限公司', sentOn: '2026-11-06' });
    expect(noticesForStep(consulting, start, step)).toEqual([]);
    const [t] = noticesForStep(consulting, start, step, on);
    expect(t).toEqual({
      kind: 'consultation',
      letterKind: 'third-party-consultation',
      issueKey: 'step-7',
      issuedBy: 'clerk',
      fields: { thirdPartyName: '临沂某建材有限公司', replyDeadline: '2026-11-27' },
    });
    expect(renders(t)).toContain('临沂某建材有限公司：');
    const coMaking = {
      ...consulting,
      consultations: [{ ...consulting.consultations[0], kind: 'co-maker', party: '市财政局', information: '资金安排通知' }],
    } as CaseView;
    const [m] = noticesForStep(coMaking, start, step, on);
    expect(m).toMatchObject({ letterKind: 'co-maker-consultation', fields: { organName: '市财政局', coMadeInformation: '资金安排通知' } });
    expect(renders(m)).toContain('逾期未提出意见的，视为同意公开');
    expect(noticesForStep({ ...coMaking, deadline: { ...base.deadline!, regime: '2008' } }, start, step, on)).toEqual([]);

    const asked = {
      ...base,
      status: 'reasons_requested',
      reasonsRequest: {
        requestedOn: '2026-11-06',
        sentOn: '2026-11-06',
        periodDays: 10,
        respondBy: '2026-11-20',
        statusBefore: 'assigned',
      },
    } as CaseView;
    expect(noticesForStep(asked, req('request-reasons'), step)).toEqual([]);
    const [ask] = noticesForStep(asked, req('request-reasons'), step, on);
    expect(ask).toMatchObject({ kind: 'correction', letterKind: 'reasons-request', fields: { reasonsDeadline: '2026-11-20' } });
    expect(renders(ask)).toContain('请您于2026年11月20日前向本机关书面说明申请理由');
    const reasonable = { ...asked.reasonsRequest!, receivedOn: '2026-11-18', outcome: 'reasonable' as const, replyBy: '2027-01-29' };
    const [later] = noticesForStep({ ...asked, reasonsRequest: reasonable }, req('receive-reasons'), step, on);
    expect(later).toMatchObject({
      kind: 'extension',
      letterKind: 'later-reply-date',
      fields: { reasonRequestedOn: '2026-11-06', reasonsReceivedOn: '2026-11-18', replyBy: '2027-01-29' },
    });
    expect(renders(later)).toContain('将于2027年1月29日前作出答复');
    const { replyBy: _r, ...noLaterDay } = reasonable;
    expect(noticesForStep({ ...asked, reasonsRequest: noLaterDay }, req('receive-reasons'), step, on)).toEqual([]);
  });

  it('fills the receipt, correction, extension, fee, withdrawal and abandonment letters', () => {
    const [receipt] = receiptRequest(base, 'clerk');
    expect(renders({ ...receipt, fields: { ...receipt.fields, channel: '当面提交' } })).toContain('2026年12月3日');
    const correction = {
      requestedOn: '2026-11-06',
      items: ['写明文件名称'],
      deliveredOn: '2026-11-06',
      periodDays: 15,
      respondBy: '2026-11-27',
    };
    const [c] = noticesForStep({ ...base, correction }, req('request-correction'), step);
    expect(c).toMatchObject({ kind: 'correction', issueKey: 'step-7' });
    expect(renders(c)).toContain('写明文件名称');
    const [e] = noticesForStep(
      {
        ...base,
        extension: { requestedBy: 'clerk', requestedOn: '2026-11-20', reason: '档案多', approved: true },
        deadline: { ...base.deadline!, extendedDueOn: '2026-12-31' },
      },
      req('decide-extension', { approve: true }),
      step,
    );
    expect(renders(e)).toContain('档案多');
    expect(
      noticesForStep(
        { ...base, extension: { requestedBy: 'c', requestedOn: '', reason: '', approved: false } },
        req('decide-extension', { approve: false }),
        step,
      ),
    ).toEqual([]);
    const [f] = noticesForStep(
      {
        ...base,
        status: 'fee_pending',
        fee: { noticeOn: '2026-11-20', payBy: '2026-12-18' },
        decision: { replyKind: 'disclose', reasons: 'r', draftedBy: 'c', draftedAt: '', fee: { amount: 100, basis: 'per-application' } },
      },
      req('approve-decision', { approve: true }),
      step,
    );
    expect(renders(f)).toContain('100.00');
    // The template says "通过{{paymentMethod}}缴纳": the method names the channel, not the act.
    expect(renders(f)).toContain('通过本通知所附缴款方式缴纳。');
    expect(renders(f)).not.toContain('缴纳缴纳');
    const [w] = noticesForStep({ ...base, withdrawal: { on: '2026-11-25' } }, req('withdraw'), step);
    expect(renders(w)).toContain('2026年11月25日');
    const [a] = noticesForExpiry({ ...base, outcome: 'abandoned', outcomeReason: 'correction_not_made', correction });
    expect(renders({ ...a, fields: { ...a.fields, correctionNoticeNumber: '临政公开〔2026〕第3号' } })).toContain('临政公开〔2026〕第3号');
    expect(noticesForStep(base, req('triage', { outcome: 'accept' }), step)).toEqual([]);
  });

  it('an abandonment after a justified reason (正当理由) extended the period says so, not that there was none (issue 15 point 10)', () => {
    const correction = {
      requestedOn: '2026-11-06',
      items: ['写明所需信息的名称'],
      deliveredOn: '2026-11-09',
      periodDays: 15,
      respondBy: '2026-12-07',
      justifiedReasons: [{ reason: '申请人住院治疗', recordedOn: '2026-11-27', extraDays: 5, respondByBefore: '2026-11-30' }],
    };
    const [a] = noticesForExpiry({ ...base, outcome: 'abandoned', outcomeReason: 'correction_not_made', correction });
    expect(a.fields).toMatchObject({ justifiedReason: '申请人住院治疗', correctionDeadline: '2026-12-07' });
    const text = renders({ ...a, fields: { ...a.fields, correctionNoticeNumber: '临政公开〔2026〕第3号' } });
    expect(text).toContain('因您提出逾期补正的正当理由（申请人住院治疗），本机关已将补正期限延长至2026年12月7日');
    expect(text).not.toContain('也未收到您逾期补正的正当理由');
    const [plain] = noticesForExpiry({
      ...base,
      outcome: 'abandoned',
      outcomeReason: 'correction_not_made',
      correction: { ...correction, justifiedReasons: undefined },
    });
    expect(renders({ ...plain, fields: { ...plain.fields, correctionNoticeNumber: '临政公开〔2026〕第3号' } })).toContain(
      '也未收到您逾期补正的正当理由',
    );
  });
});
