import type { ActionRequest, CaseView, DraftDecisionBody, HistoryStep } from '../libs/contracts/case';
import { renderNotice } from '../libs/documents';
import { fixtureInput } from '../libs/documents/testing/notice-fixtures';
import { groundOf, noticesForExpiry, noticesForStep, receiptRequest } from './notice-requests';

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
  it('maps exemptions to withholding grounds of the regime', () => {
    expect(groundOf('privacy', '2019')).toBe('privacy');
    expect(groundOf('涉及个人隐私', '2019')).toBe('third-party-rights');
    expect(groundOf('涉及个人隐私', '2008')).toBe('privacy');
    expect(groundOf('内部讨论记录，属于过程性信息', '2019')).toBe('process-information');
    expect(groundOf('国家秘密', '2019')).toBe('state-secret');
    expect(groundOf('别的', '2019')).toBe('别的');
  });

  it('fills every reply that the decision can carry so that it renders', () => {
    const cases: [Partial<DraftDecisionBody>, string][] = [
      [{ replyKind: 'disclose', provision: { form: '纸质', method: '邮寄' } }, '以纸质形式、通过邮寄方式提供'],
      [
        {
          replyKind: 'partial',
          parts: [
            { description: '批复正文', disposition: 'disclose' },
            { description: '身份证号码', disposition: 'withhold', exemption: '个人隐私' },
          ],
        },
        '身份证号码',
      ],
      [{ replyKind: 'refuse', parts: [{ description: '点位图', disposition: 'withhold', exemption: 'security-stability' }] }, '点位图'],
      [{ replyKind: 'not-exist', reasons: '检索了收文和发文登记系统' }, '检索了收文和发文登记系统'],
      [{ replyKind: 'other-organ', otherOrgan: '市自然资源和规划局' }, '市自然资源和规划局'],
      [{ replyKind: 'cannot-create' }, '理由'],
      [{ replyKind: 'already-public', provision: { form: '网页', method: '市政府门户网站' } }, '市政府门户网站'],
      [{ replyKind: 'petition' }, '信访'],
    ];
    for (const [d, expected] of cases) {
      const [r] = decided(d);
      expect(renders(r)).toContain(expected);
    }
    expect(decided({ replyKind: 'petition' })[0]).toMatchObject({ kind: 'not-application', letterKind: 'not-ogi-petition' });
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
    const [w] = noticesForStep({ ...base, withdrawal: { on: '2026-11-25' } }, req('withdraw'), step);
    expect(renders(w)).toContain('2026年11月25日');
    const [a] = noticesForExpiry({ ...base, outcome: 'abandoned', outcomeReason: 'correction_not_made', correction });
    expect(renders({ ...a, fields: { ...a.fields, correctionNoticeNumber: '临政公开〔2026〕第3号' } })).toContain('临政公开〔2026〕第3号');
    expect(noticesForStep(base, req('triage', { outcome: 'accept' }), step)).toEqual([]);
  });
});
