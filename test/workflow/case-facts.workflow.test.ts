// Property: whatever legal steps a case goes through, the workflow's state (stateQuery), the
// facts its projection hands to PostgreSQL (the applications row and the state kept with each
// step) and the case-at-a-moment view built from the recorded steps agree, and the read side's
// rules (availableActionsFor / waitingOn on the projected facts) offer exactly what the
// workflow offers. The projection is the in-memory one of the harness: what projectCaseStep
// receives; the SQL mapping of those facts is covered by the e2e tier (inbox and /at routes).
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import fc from 'fast-check';
import type { CaseProjection } from '../../activities/case.activities';
import { caseAtMoment } from '../../apps/api/applications/case-history';
import { type CaseFacts, availableActionsFor, caseFacts, waitingOn } from '../../libs/case';
import type { ActionBodies, ActionName, CaseView } from '../../libs/contracts/case';
import type { Actor } from '../../libs/contracts/roles';
import { availableActionsQuery } from '../../libs/contracts/workflow';
import { CaseHarness, clerk, clerk2, reviewer, reviewer2, supervisor, supervisor2, wd } from './support/case-harness';

const ACTORS: readonly Actor[] = [clerk, clerk2, reviewer, reviewer2, supervisor, supervisor2];
const pick = <T>(xs: readonly T[], n: number): T => xs[n % xs.length];

/** A valid body for each step (dates are today: never in the future, never before the case's earlier days). */
function bodyFor(action: ActionName, today: string, n: number): ActionBodies[ActionName] {
  const bodies: { [A in ActionName]: () => ActionBodies[A] } = {
    'confirm-receipt': () => ({ receivedOn: today }),
    triage: () => ({ outcome: pick(['accept', 'accept', 'petition', 'needs-correction', 'excessive'] as const, n) }),
    'request-correction': () => ({ items: ['写明所需信息的名称'] }),
    'receive-correction': () => ({ receivedOn: today }),
    assign: () => ({ assignee: pick(['clerk', 'clerk2', 'reviewer'], n), department: 'OGI' }),
    'record-search': () => ({ summary: '已检索档案' }),
    'start-consultation': () => ({ kind: pick(['third-party', 'co-maker'] as const, n), party: '某公司', sentOn: today }),
    'receive-consultation-reply': () => ({ receivedOn: today, position: pick(['consent', 'objection', 'none'] as const, n) }),
    'request-extension': () => ({ reason: '需要协调' }),
    'decide-extension': () => ({ approve: n % 3 !== 0 }),
    'reissue-notice': () => ({}),
    'draft-decision': () =>
      pick<ActionBodies['draft-decision']>(
        [
          { replyKind: 'disclose', reasons: '属于本机关政府信息', provision: { form: 'paper', method: 'post' } },
          {
            replyKind: 'partial',
            reasons: '部分涉及个人隐私',
            parts: [
              { description: '方案', disposition: 'disclose' },
              { description: '住户名单', disposition: 'withhold', ground: 'third-party-rights', explanation: 'Art. 15 privacy' },
            ],
          },
          {
            replyKind: 'refuse',
            reasons: '国家秘密',
            parts: [{ description: '全部', disposition: 'withhold', ground: 'state-secret' }],
          },
          { replyKind: 'not-exist', reasons: '经检索不存在' },
          { replyKind: 'disclose', reasons: '收取信息处理费', fee: { count: 12, basis: 'per-application' } },
          { replyKind: 'excessive', reasons: '申请数量明显超过合理范围', requestVolume: '一月内 40 件' },
        ],
        n,
      ),
    'review-confidentiality': () => ({ approve: n % 4 !== 0 }),
    'approve-decision': () => ({ approve: n % 4 !== 0 }),
    'issue-notice': () => ({}),
    'record-delivery': () => ({ method: 'post', on: today }),
    withdraw: () => ({ on: today, reason: '不再需要' }),
    'confirm-petition': () => ({ approve: n % 2 === 0 }),
    'record-payment': () => ({ paidOn: today }),
    'request-reasons': () => ({ sentOn: today, periodDays: 10 }),
    'receive-reasons': () => ({ receivedOn: today, reasonable: n % 2 === 0 }),
    'record-correction-reason': () => ({ reason: '因病住院无法按期补正', extraDays: 5 }),
  };
  return bodies[action]();
}

/** Facts that move with the calendar alone (the clock loop recomputes them without a step). */
const withoutClock = ({ dueOn: _d, overdue: _o, ...f }: CaseFacts) => f;

describe('case facts: workflow state, projection and case-at-a-moment agree', () => {
  const h = new CaseHarness();
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  const projectionsOf = (id: string): CaseProjection[] =>
    h.store.projections.filter((p) => p.applicationId === id).sort((a, b) => a.seq - b.seq);
  const lastSeq = (c: CaseView) => (c.history.length ? c.history[c.history.length - 1].seq : 1);
  /** The case once every step in its history is projected (system steps are projected after they are recorded). */
  const settled = async (id: string, handle: WorkflowHandle): Promise<CaseView> =>
    h.eventually(handle, (c) => c !== undefined && (c.history.length === 0 || projectionsOf(id).some((p) => p.seq === lastSeq(c))));

  it('for random legal step sequences', async () => {
    let totalAccepted = 0;
    const exercised = new Set<ActionName>();
    const moves = fc.array(fc.record({ choice: fc.nat(), variant: fc.nat(), wait: fc.nat({ max: 9 }) }), { minLength: 3, maxLength: 14 });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('2019', '2008', 'online'), moves, async (kind, steps) => {
        const { id, handle } = await h.open(
          kind === 'online' ? { awaitingConfirmation: true } : kind === '2008' ? { receivedOn: '2018-06-04' } : {},
        );
        let view = await settled(id, handle);
        let waited = false;
        /** The live state after each step the workflow recorded, by seq: what the case-at-a-moment view must give back. */
        const liveAfter = new Map<number, CaseFacts>();
        let accepted = 0;
        for (const m of steps) {
          if (view.status === 'closed') break;
          if (m.wait === 0) {
            // Let time pass: windows (correction, consultation, reasons, fee) may run out.
            const today = await h.today();
            await h.sleepUntil(wd(today, 12), 10);
            view = await settled(id, handle);
            waited = true;
            continue;
          }
          const offers: { actor: Actor; action: ActionName }[] = [];
          for (const actor of ACTORS)
            for (const { action } of await handle.query(availableActionsQuery, actor))
              if (action !== 'withdraw' || m.choice % 10 === 0) offers.push({ actor, action });
          if (!offers.length) break;
          const { actor, action } = pick(offers, m.choice);
          const body = bodyFor(action, await h.today(), m.variant);
          const before = lastSeq(view);
          try {
            view = await h.act(handle, action, actor, body as never);
            accepted++;
            exercised.add(action);
            waited = false;
          } catch (err) {
            // Offered by state and role; a body or date rule (a window passed, an excessive reply
            // without reasons) may still refuse it, and then nothing changes.
            expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
            expect(lastSeq(await h.caseOf(handle))).toBe(before);
            continue;
          }
          view = await settled(id, handle);
          if (lastSeq(view) > before) liveAfter.set(lastSeq(view), caseFacts(view));
        }
        view = await settled(id, handle);
        const live = caseFacts(view);
        const projections = projectionsOf(id);

        // The applications row after the last projected step is the workflow's state.
        if (projections.length) {
          const last = projections[projections.length - 1];
          expect(last.seq).toBe(lastSeq(view));
          const { closed, ...row } = last.row;
          expect(closed).toBe(view.status === 'closed');
          if (waited) expect(withoutClock(row)).toEqual(withoutClock(live));
          else expect(row).toEqual(live);
          expect(last.stateAfter).toEqual(row);
        }
        // Every recorded step keeps the state after it, with the status its history step names.
        const history = new Map(view.history.map((s) => [s.seq, s]));
        for (const p of projections) expect(p.stateAfter.status).toBe(history.get(p.seq)?.status);

        // The case at the moment of each step is the workflow's state right after that step.
        for (const [seq, facts] of liveAfter) {
          const at = caseAtMoment(
            history.get(seq)!.at,
            projections.filter((e) => e.seq <= seq),
          );
          expect({ asOfSeq: at.asOfSeq, stateSeq: at.stateSeq }).toEqual({ asOfSeq: seq, stateSeq: seq });
          const state = Object.fromEntries(Object.keys(facts).map((k) => [k, at[k as keyof CaseFacts]])) as unknown as CaseFacts;
          expect(withoutClock(state)).toEqual(withoutClock(facts));
        }

        // The read side's rules on the projected facts offer what the workflow offers.
        const facts: CaseFacts = projections.length ? projections[projections.length - 1].row : live;
        for (const actor of ACTORS) {
          const offered = (await handle.query(availableActionsQuery, actor)).map((a) => a.action);
          expect(availableActionsFor(facts, actor)).toEqual(offered);
          const w = waitingOn(facts, actor);
          if (w) expect(w.actions).toEqual(offered.filter((a) => a !== 'withdraw'));
          if (facts.regime === '2008' || facts.triageOutcome === 'petition') expect(offered).not.toContain('request-reasons');
        }
        totalAccepted += accepted;
        // An open case would keep firing its reminders through the later runs' waits.
        if (view.status !== 'closed') await handle.terminate('property run done');
      }),
      // A fixed seed (FC_SEED to explore others): the same 20 sequences every run, so the check
      // below that they reached the steps that matter cannot fail by chance.
      { numRuns: 20, endOnFailure: true, seed: Number(process.env.FC_SEED ?? 20261203) },
    );
    // Not vacuous: the runs took steps, among them the ones the read side used to get wrong.
    expect(totalAccepted).toBeGreaterThan(40);
    expect([...exercised]).toEqual(expect.arrayContaining(['triage', 'draft-decision', 'approve-decision']));
  }, 180_000);
});
