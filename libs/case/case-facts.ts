// The facts of a case the read side needs, derived from the workflow's state in one
// place: the projection writes them as columns of `applications` and as the state after
// each recorded step (case_events.state_after), so the inbox, the screens and the
// case-at-a-moment view read what the workflow decided instead of rebuilding it.
// Pure and workflow-safe.
import type { CaseOutcome, CaseView } from '../contracts/case';
import { type StepFacts, stepFacts } from './case-machine';
import { groundOfPart } from './reply-letter';

/** Why the answer clock stands still: a correction, a consultation (Art. 32/34) or an unpaid fee notice. */
export const CLOCK_PAUSES = ['correction', 'consultation', 'fee'] as const;
export type ClockPause = (typeof CLOCK_PAUSES)[number];

/** Everything the read model holds of a case after a step: the step facts plus status, deadline and reply facts. */
export interface CaseFacts extends StepFacts {
  receivedOn: string | null;
  /** the due day in force */
  dueOn: string | null;
  department: string | null;
  outcome: CaseOutcome | null;
  outcomeReason: string | null;
  /** the day the reply was issued */
  answeredOn: string | null;
  /** the day the reply was dispatched (record-delivery); on time needs issue and dispatch by the due day */
  dispatchedOn: string | null;
  workingDaysLate: number | null;
  overdue: boolean;
  /** why the answer clock is paused now; null while it runs or once the reply is issued */
  clockPausedFor: ClockPause | null;
  /** who passed (or is recorded on) the confidentiality review of the current draft */
  confidentialityReviewedBy: string | null;
  /** who approved the current decision */
  decisionApprovedBy: string | null;
  /** the withholding ground code of each withheld part of the current draft, in order ('' when a draft before the list named none) */
  withholdingGrounds: string[];
}

/** Why the clock stands still, as the deadline rules count it (libs/case deadlineInput). */
export function clockPausedFor(v: CaseView): ClockPause | null {
  if (v.notice || v.status === 'closed') return null;
  if (v.status === 'correction_requested') return 'correction';
  if (v.consultations.some((c) => c.position === undefined)) return 'consultation';
  if (v.status === 'fee_pending' && v.fee !== null && !v.fee.paidOn) return 'fee';
  return null;
}

/** The read-side facts of a case as the workflow holds it. */
export function caseFacts(v: CaseView): CaseFacts {
  const d = v.deadline;
  return {
    ...stepFacts(v),
    receivedOn: v.receivedOn,
    dueOn: d?.dueOn ?? null,
    department: v.department,
    outcome: v.outcome,
    outcomeReason: v.outcomeReason,
    answeredOn: v.notice?.issuedOn ?? null,
    dispatchedOn: v.delivery?.on ?? null,
    workingDaysLate: d?.workingDaysLate ?? null,
    overdue: d?.overdue ?? false,
    clockPausedFor: clockPausedFor(v),
    confidentialityReviewedBy: v.decision?.confidentiality?.by ?? null,
    decisionApprovedBy: v.decision?.approval?.approved ? v.decision.approval.by : null,
    withholdingGrounds: (v.decision?.parts ?? [])
      .filter((p) => p.disposition === 'withhold')
      .map((p) => groundOfPart(p, d?.regime ?? '2019') ?? ''),
  };
}
