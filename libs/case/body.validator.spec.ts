import { validateActionBody } from './body.validator';
import { ACTION_RULES, availableActions, newCase, shanghaiDay, startOfShanghaiDay } from './case-machine';

describe('validateActionBody', () => {
  it('accepts a well-formed body', () => {
    expect(validateActionBody('record-delivery', { method: 'post', on: '2025-03-03', comment: 'sent' })).toEqual([]);
  });

  it('names every bad, missing and unknown field', () => {
    expect(validateActionBody('record-delivery', { method: 'pigeon', on: '2025-02-30', extra: 1 })).toEqual([
      'body.extra: is not an allowed field',
      'body.method: must be one of in_person, post, electronic',
      'body.on: must be a date YYYY-MM-DD',
    ]);
    expect(validateActionBody('assign', {})).toEqual(['body.assignee: is required']);
    expect(validateActionBody('triage', null)).toEqual(['body: must be an object']);
    expect(validateActionBody('request-correction', { items: [], periodDays: 0 })).toEqual([
      'body.items: must be a list of 1 to 50 non-empty strings',
      'body.periodDays: must be an integer from 1 to 60',
    ]);
  });

  it('checks the cross-field rules of a reply', () => {
    // The other-organ reply may say the organ cannot be determined (libs/case checks name and contact).
    expect(validateActionBody('draft-decision', { replyKind: 'other-organ', reasons: 'x', otherOrganUndetermined: true })).toEqual([]);
    expect(
      validateActionBody('draft-decision', { replyKind: 'refuse', reasons: 'x', parts: [{ description: 'a', disposition: 'withhold' }] }),
    ).toEqual(['body.parts[0].ground: a withheld part names its ground from the list (GET /api/reference/withholding-grounds)']);
    expect(
      validateActionBody('draft-decision', { replyKind: 'disclose', reasons: 'x', fee: { amount: 100, basis: 'per-volume' } }),
    ).toEqual(['body.fee.amount: is not an allowed field']);
  });

  it("takes a withheld part's ground from the list, with free words only as its explanation", () => {
    const draft = (parts: object[]) => validateActionBody('draft-decision', { replyKind: 'partial', reasons: 'x', parts });
    expect(
      draft([
        { description: '正文', disposition: 'disclose' },
        { description: '请示', disposition: 'withhold', ground: 'process-information', explanation: '请示报告，尚在研究' },
      ]),
    ).toEqual([]);
    expect(
      draft([
        { description: '正文', disposition: 'disclose' },
        { description: '请示', disposition: 'withhold', exemption: '请示报告' },
      ]),
    ).toEqual(['body.parts[1].exemption: is not an allowed field']);
    expect(
      draft([
        { description: '正文', disposition: 'disclose' },
        { description: '请示', disposition: 'withhold', ground: '请示报告' },
      ]),
    ).toEqual([expect.stringMatching(/^body\.parts\[1\]\.ground: must be one of state-secret, prohibited-by-law/)]);
    expect(
      draft([
        { description: '正文', disposition: 'disclose', ground: 'state-secret' },
        { description: '名单', disposition: 'withhold', ground: 'third-party-rights' },
      ]),
    ).toEqual(['body.parts[0]: a disclosed part has no ground or explanation']);
  });

  it('keeps the reply kind and its parts in agreement, naming the part that breaks it', () => {
    const part = (disposition: 'disclose' | 'withhold', ground?: string) => ({ description: '某文件', disposition, ground });
    const draft = (replyKind: string, parts?: object[]) => validateActionBody('draft-decision', { replyKind, reasons: 'x', parts });
    expect(draft('refuse')).toEqual(['body.parts: a refusal lists the parts withheld, each with its ground (Art. 36(3))']);
    expect(draft('refuse', [part('withhold', 'state-secret'), part('disclose')])).toEqual([
      'body.parts[1].disposition: a refusal withholds every part; use replyKind partial',
    ]);
    expect(draft('disclose', [part('disclose'), part('withhold', 'third-party-rights')])).toEqual([
      'body.parts[1].disposition: a disclosure releases every part; use replyKind partial',
    ]);
    expect(draft('partial', [part('disclose'), part('disclose')])).toEqual([
      'body.parts: a partial disclosure (Art. 37) lists at least one part disclosed and one withheld',
    ]);
    expect(draft('refuse', [part('withhold', 'state-secret')])).toEqual([]);
    expect(draft('disclose', [part('disclose')])).toEqual([]);
    expect(draft('disclose')).toEqual([]);
    expect(draft('partial', [part('disclose'), part('withhold', 'third-party-rights')])).toEqual([]);
  });

  it('requires the facts each reply letter names, and keeps them to their own kind', () => {
    expect(validateActionBody('draft-decision', { replyKind: 'repeated', reasons: 'x' })).toEqual([
      'body.previous: is required for a repeated reply (Art. 36(6): the earlier application and the day it was answered)',
    ]);
    expect(validateActionBody('draft-decision', { replyKind: 'repeated', reasons: 'x', previous: { applicationNumber: 'A-1' } })).toEqual([
      'body.previous.repliedOn: is required',
    ]);
    expect(
      validateActionBody('draft-decision', { replyKind: 'special-route', reasons: 'x', specialRoute: { law: '《不动产登记暂行条例》' } }),
    ).toEqual(['body.specialRoute.recordType: is required', 'body.specialRoute.route: is required']);
    expect(validateActionBody('draft-decision', { replyKind: 'publication', reasons: 'x' })).toEqual([
      'body.publication: is required for a publication reply (Art. 39(2): the publication and where to get it)',
    ]);
    expect(validateActionBody('draft-decision', { replyKind: 'disclose', reasons: 'x', requestVolume: '86 requests' })).toEqual([
      'body.requestVolume: is only for replyKind excessive, not disclose',
    ]);
    expect(
      validateActionBody('draft-decision', {
        replyKind: 'repeated',
        reasons: 'x',
        previous: { applicationNumber: 'LYZF-2025-00001', repliedOn: '2025-03-03' },
      }),
    ).toEqual([]);
    expect(validateActionBody('draft-decision', { replyKind: 'unclear-after-correction', reasons: 'x' })).toEqual([]);
  });

  it('checks the Art. 35 steps', () => {
    expect(validateActionBody('request-reasons', { sentOn: '2025-03-03', periodDays: 0 })).toEqual([
      'body.periodDays: must be an integer from 1 to 60',
    ]);
    expect(validateActionBody('receive-reasons', { receivedOn: '2025-03-10', reasonable: false, replyBy: '2025-05-30' })).toEqual([
      'body.replyBy: only reasons found reasonable get a later reply day (Art. 35); leave it out when reasonable is false',
    ]);
    expect(validateActionBody('receive-reasons', { receivedOn: '2025-03-10', reasonable: 'yes' })).toEqual([
      'body.reasonable: must be true or false',
    ]);
    expect(validateActionBody('receive-reasons', { receivedOn: '2025-03-10', reasonable: true, replyBy: '2025-05-30' })).toEqual([]);
  });
});

describe('case machine', () => {
  it('counts days in Asia/Shanghai', () => {
    expect(shanghaiDay(Date.parse('2025-03-02T16:00:00Z'))).toBe('2025-03-03');
    expect(shanghaiDay(Date.parse('2025-03-02T15:59:59Z'))).toBe('2025-03-02');
    expect(new Date(startOfShanghaiDay('2025-03-03')).toISOString()).toBe('2025-03-02T16:00:00.000Z');
  });

  it('lists the steps a role may take in a status', () => {
    const c = newCase({
      applicationId: 'a',
      registrationNumber: 'n',
      arrivedOn: '2025-03-03',
      receivedOn: '2025-03-03',
      status: 'registered',
    });
    expect(availableActions(c, { username: 'clerk', role: 'clerk' })).toEqual(['triage', 'request-correction', 'withdraw']);
    expect(availableActions(c, { username: 'auditor', role: 'auditor' })).toEqual([]);
    expect(ACTION_RULES['decide-extension'].roles).toEqual(['supervisor']);
  });
});
