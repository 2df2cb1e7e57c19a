import { buildWorkingDayIndex } from '../calendar';
import { bundledCalendar } from '../calendar/bundled-calendar';
import type { ActionRequest, CaseView, DraftDecisionBody } from '../contracts/case';
import { type CaseContext, checkAction, newCase, recomputeDeadline, startOfShanghaiDay } from './case-machine';
import { replyLetterProblem } from './reply-letter';

const index = buildWorkingDayIndex(bundledCalendar());
const ctx: CaseContext = { now: startOfShanghaiDay('2026-03-10') + 10 * 3600_000, index };

function searching(receivedOn = '2026-03-02'): CaseView {
  const v = newCase({ applicationId: 'a', registrationNumber: 'LYZF-X', arrivedOn: receivedOn, receivedOn, status: 'registered' });
  v.status = 'searching';
  v.triageOutcome = 'accept';
  v.assignee = 'clerk';
  recomputeDeadline(v, ctx);
  return v;
}

const draft = (v: CaseView, body: Partial<DraftDecisionBody>) =>
  checkAction(
    v,
    { action: 'draft-decision', actor: { username: 'clerk', role: 'clerk' }, body: { reasons: '理由', ...body } } as ActionRequest,
    ctx,
  );

describe('a reply is drafted only when its letter can be made (不拒办)', () => {
  it('refuses a withheld part without a ground of the list, naming the part, before anything is accepted', () => {
    // The old body (free words as "exemption") is no longer a draft at all.
    expect(
      draft(searching(), { replyKind: 'refuse', parts: [{ description: '请示', disposition: 'withhold', exemption: '请示报告' }] }),
    ).toEqual({
      type: 'BadRequest',
      message: expect.stringContaining('body.parts[0].exemption: is not an allowed field'),
    });
    expect(draft(searching(), { replyKind: 'refuse', parts: [{ description: '请示', disposition: 'withhold' }] })?.message).toContain(
      'body.parts[0].ground: a withheld part names its ground from the list',
    );
  });

  it("checks the ground against the list of the case's regime and the letter kind, with the letter's own rule", () => {
    // 2008 regime: 'process-information' is a ground of the 2019 list only.
    const v2008 = searching('2019-03-01');
    expect(v2008.deadline?.regime).toBe('2008');
    const r = draft(v2008, {
      replyKind: 'refuse',
      parts: [{ description: '会议纪要', disposition: 'withhold', ground: 'process-information' }],
    });
    expect(r).toEqual({
      type: 'BadRequest',
      message: expect.stringMatching(
        /^draft-decision: body\.parts\[0\]: ground "process-information" does not exist under the 2008 regime/,
      ),
    });
    // Partial-only ground in a refusal.
    expect(
      draft(searching(), {
        replyKind: 'refuse',
        parts: [{ description: '内部便签', disposition: 'withhold', ground: 'not-government-information' }],
      })?.message,
    ).toMatch(/body\.parts\[0\]: ground "not-government-information" is only for the withheld parts of a partial disclosure/);
    // The second withheld part of a partial reply is named by its place among all parts.
    expect(
      draft(searching(), {
        replyKind: 'partial',
        parts: [
          { description: '正文', disposition: 'disclose' },
          { description: '身份证号码', disposition: 'withhold', ground: 'third-party-rights' },
          { description: '讨论记录', disposition: 'withhold', ground: 'trade-secret' },
        ],
      })?.message,
    ).toMatch(/body\.parts\[2\]: ground "trade-secret" does not exist under the 2019 regime/);
    expect(
      draft(searching(), { replyKind: 'refuse', parts: [{ description: '案卷', disposition: 'withhold', ground: 'enforcement-file' }] }),
    ).toBeNull();
  });

  it("refuses any reply whose letter misses a required fact, by the letter field's name", () => {
    // Reasons of nothing but a full stop pass the body's shape check, but leave the letter's search description empty.
    expect(draft(searching(), { replyKind: 'not-exist', reasons: '。' })).toEqual({
      type: 'BadRequest',
      message: expect.stringMatching(/^draft-decision: the reply-not-exist letter cannot be made: .*"searchDescription".* is empty/),
    });
    expect(draft(searching(), { replyKind: 'not-exist', reasons: '检索了收发文登记系统。' })).toBeNull();
  });

  it("reads an old draft's ground code as its ground, and names old free words as no ground at issue-notice", () => {
    const v = searching();
    v.status = 'approval';
    v.decision = {
      replyKind: 'refuse',
      reasons: '理由',
      parts: [{ description: '请示', disposition: 'withhold', exemption: '领导不同意公开' }],
      draftedBy: 'clerk',
      draftedAt: '',
      approval: { approved: true, by: 'reviewer', at: '' },
    };
    expect(replyLetterProblem(v)).toMatch(/^body\.parts\[0\]: ground is missing under the 2019 regime/);
    const issue = checkAction(v, { action: 'issue-notice', actor: { username: 'clerk', role: 'clerk' }, body: {} }, ctx);
    expect(issue).toEqual({
      type: 'WrongState',
      message: expect.stringMatching(/^issue-notice: the reply letter cannot be made \(body\.parts\[0\]: ground is missing/),
    });
    v.decision.parts = [{ description: '请示', disposition: 'withhold', exemption: 'process-information' }];
    expect(replyLetterProblem(v)).toBeNull();
  });
});
