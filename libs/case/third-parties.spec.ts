// Issue 15 point 8: third parties' objections (Art. 32; 2008 Art. 23) and other organs (Art. 36(5)).
import { buildWorkingDayIndex } from '../calendar';
import { bundledCalendar } from '../calendar/bundled-calendar';
import type { ActionBodies, ActionRequest, CaseView } from '../contracts/case';
import type { Actor } from '../contracts/roles';
import { replyRequest } from './reply-letter';
import { type CaseContext, applyAction, checkAction, newCase, recomputeDeadline, startOfShanghaiDay } from './case-machine';

const index = buildWorkingDayIndex(bundledCalendar());
const clerk: Actor = { username: 'clerk', role: 'clerk' };
const ctxOn = (day: string): CaseContext => ({ now: startOfShanghaiDay(day) + 10 * 3600_000, index });
const draft = (body: Partial<ActionBodies['draft-decision']>) =>
  ({ action: 'draft-decision', actor: clerk, body: { reasons: '理由', ...body } }) as ActionRequest;
const today = '2026-03-16';

function caseWith(position?: 'objection' | 'consent'): CaseView {
  const v = newCase({
    applicationId: 'a',
    registrationNumber: 'LYZF-1',
    arrivedOn: '2026-03-02',
    receivedOn: '2026-03-02',
    status: 'registered',
  });
  v.status = 'searching';
  v.assignee = 'clerk';
  if (position)
    v.consultations.push({
      kind: 'third-party',
      party: '某建设公司',
      sentOn: '2026-03-03',
      deliveredOn: '2026-03-03',
      replyBy: '2026-03-24',
      receivedOn: '2026-03-10',
      position,
    });
  recomputeDeadline(v, ctxOn(today));
  return v;
}

describe("a third party's objection (Art. 32)", () => {
  const disclose = { replyKind: 'disclose' as const, parts: [{ description: '合同', disposition: 'disclose' as const }] };

  it('a disclose draft over an objection needs the public interest, naming the party and the field', () => {
    const e = checkAction(caseWith('objection'), draft(disclose), ctxOn(today));
    expect(e).toEqual({
      type: 'BadRequest',
      message: expect.stringContaining('body.publicInterest: 某建设公司 objected to disclosure on 2026-03-10'),
    });
    expect(
      checkAction(caseWith('objection'), draft({ ...disclose, publicInterest: '涉及公共安全，不公开将严重损害公共利益' }), ctxOn(today)),
    ).toBeNull();
    expect(checkAction(caseWith('consent'), draft(disclose), ctxOn(today))).toBeNull();
  });

  it('a partial draft that withholds the party’s information on third-party rights needs none', () => {
    const parts = [
      { description: '合同金额', disposition: 'disclose' as const },
      { description: '公司商业秘密', disposition: 'withhold' as const, ground: 'third-party-rights' as const },
    ];
    expect(checkAction(caseWith('objection'), draft({ replyKind: 'partial', parts }), ctxOn(today))).toBeNull();
    const other = [parts[0], { description: '内部讨论记录', disposition: 'withhold' as const, ground: 'process-information' as const }];
    expect(checkAction(caseWith('objection'), draft({ replyKind: 'partial', parts: other }), ctxOn(today))?.message).toMatch(
      /body\.publicInterest: 某建设公司 objected/,
    );
  });
});

describe('other-organ reply (Art. 36(5))', () => {
  it('carries the organ name and contact details as fields', () => {
    const v = caseWith();
    const body = {
      replyKind: 'other-organ' as const,
      otherOrgan: '临沂市自然资源和规划局',
      otherOrganContact: '0539-8888888，临沂市北城新区',
    };
    expect(checkAction(v, draft({ replyKind: 'other-organ', otherOrgan: '临沂市自然资源和规划局' }), ctxOn(today))?.message).toMatch(
      /body\.otherOrganContact/,
    );
    applyAction(v, draft(body), ctxOn(today));
    expect(replyRequest(v, 'clerk')!.fields).toMatchObject({
      responsibleOrgan: '临沂市自然资源和规划局',
      responsibleOrganContact: '0539-8888888，临沂市北城新区',
    });
  });

  it('reaches the "cannot be determined" branch', () => {
    const v = caseWith();
    expect(checkAction(v, draft({ replyKind: 'other-organ' }), ctxOn(today))?.message).toMatch(/body\.otherOrganUndetermined: true/);
    expect(
      checkAction(
        v,
        draft({ replyKind: 'other-organ', otherOrgan: 'x', otherOrganContact: 'y', otherOrganUndetermined: true }),
        ctxOn(today),
      )?.type,
    ).toBe('BadRequest');
    applyAction(v, draft({ replyKind: 'other-organ', otherOrganUndetermined: true }), ctxOn(today));
    const r = replyRequest(v, 'clerk')!;
    expect(r.letterKind).toBe('reply-other-organ');
    expect(r.fields).not.toHaveProperty('responsibleOrgan');
  });
});
