// An auditor's view of one case: its recorded steps merged with the Temporal
// event history, and the case as the workflow recorded it at a past moment.
import { temporal } from '@temporalio/proto';
import { tsToMs } from '@temporalio/common/lib/time';
import { type CaseFacts, caseFacts, effectiveDay, newCase, shanghaiDay } from '../../../libs/case';
import type { CaseEventRow } from './applications.repository';

export interface TimelineEntry {
  at: string;
  source: 'case' | 'temporal';
  /** case: the step (action name or system event); temporal: the event type, e.g. TIMER_FIRED */
  type: string;
  seq?: number;
  actor?: string;
  role?: string;
  status?: string;
  deadline?: { before?: unknown; after?: unknown };
  /** a back-dated step: the day it took effect (its body's date), before the day it was entered (`at`) */
  effectiveOn?: string;
  enteredOn?: string;
  /** it was entered after this due day (then in force) had passed, so it did not move it */
  enteredAfterDueOn?: string;
  payload?: Record<string, unknown>;
  eventId?: number;
  detail?: Record<string, unknown>;
}

/** One recorded step as a timeline entry; the deadline before/after where the payload has it. */
export function caseEntry(e: CaseEventRow): TimelineEntry {
  const p = e.payload;
  const before = p.before;
  const after = p.dueOn;
  return {
    at: e.occurredAt,
    source: 'case',
    type: e.type,
    seq: e.seq,
    actor: e.actor,
    role: e.actorRole,
    status: typeof p.status === 'string' ? p.status : undefined,
    ...(before !== undefined || after !== undefined ? { deadline: { before, after } } : {}),
    // derived from the body's date and the step's day, so steps recorded before this field show it too
    ...effectiveDay(e.type, p, shanghaiDay(Date.parse(e.occurredAt))),
    ...(typeof p.enteredAfterDueOn === 'string' ? { enteredAfterDueOn: p.enteredAfterDueOn } : {}),
    payload: p,
  };
}

const KEPT = new Set([
  'WORKFLOW_EXECUTION_STARTED',
  'WORKFLOW_EXECUTION_COMPLETED',
  'WORKFLOW_EXECUTION_FAILED',
  'WORKFLOW_EXECUTION_TERMINATED',
  'WORKFLOW_EXECUTION_CONTINUED_AS_NEW',
  'WORKFLOW_EXECUTION_SIGNALED',
  'WORKFLOW_EXECUTION_UPDATE_ACCEPTED',
  'WORKFLOW_EXECUTION_UPDATE_COMPLETED',
  'TIMER_STARTED',
  'TIMER_FIRED',
  'TIMER_CANCELED',
  'ACTIVITY_TASK_SCHEDULED',
  'ACTIVITY_TASK_COMPLETED',
  'ACTIVITY_TASK_FAILED',
  'ACTIVITY_TASK_TIMED_OUT',
  'UPSERT_WORKFLOW_SEARCH_ATTRIBUTES',
]);

/** The Temporal events an auditor cares about (workflow tasks and markers left out). */
export function temporalEntries(history: temporal.api.history.v1.IHistory): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  const activityNames = new Map<number, string>();
  for (const ev of history.events ?? []) {
    const name = (temporal.api.enums.v1.EventType[ev.eventType ?? 0] ?? 'UNKNOWN').replace(/^EVENT_TYPE_/, '');
    const eventId = Number(ev.eventId);
    if (ev.activityTaskScheduledEventAttributes?.activityType?.name)
      activityNames.set(eventId, ev.activityTaskScheduledEventAttributes.activityType.name);
    if (!KEPT.has(name)) continue;
    const detail: Record<string, unknown> = {};
    const acc = ev.workflowExecutionUpdateAcceptedEventAttributes;
    if (acc) {
      detail.update = acc.acceptedRequest?.input?.name;
      detail.updateId = acc.acceptedRequest?.meta?.updateId;
    }
    const done = ev.workflowExecutionUpdateCompletedEventAttributes;
    if (done) {
      detail.updateId = done.meta?.updateId;
      detail.failed = !!done.outcome?.failure;
      if (done.outcome?.failure) detail.failure = done.outcome.failure.message;
    }
    if (ev.timerStartedEventAttributes) {
      detail.timerId = ev.timerStartedEventAttributes.timerId;
      detail.firesAfterMs = tsToMs(ev.timerStartedEventAttributes.startToFireTimeout);
    }
    if (ev.timerFiredEventAttributes) detail.timerId = ev.timerFiredEventAttributes.timerId;
    if (ev.activityTaskScheduledEventAttributes) detail.activity = ev.activityTaskScheduledEventAttributes.activityType?.name;
    const scheduled =
      ev.activityTaskCompletedEventAttributes?.scheduledEventId ??
      ev.activityTaskFailedEventAttributes?.scheduledEventId ??
      ev.activityTaskTimedOutEventAttributes?.scheduledEventId;
    if (scheduled != null) detail.activity = activityNames.get(Number(scheduled));
    if (ev.workflowExecutionSignaledEventAttributes) detail.signal = ev.workflowExecutionSignaledEventAttributes.signalName;
    out.push({ at: new Date(tsToMs(ev.eventTime)).toISOString(), source: 'temporal', type: name, eventId, detail });
  }
  return out;
}

/** Both histories in time order; at the same instant the case step comes after the Temporal event that carried it. */
export function mergeTimeline(caseEntries: TimelineEntry[], temporalEntries: TimelineEntry[]): TimelineEntry[] {
  const all = [...caseEntries, ...temporalEntries];
  return all
    .map((e, i) => ({ e, i }))
    .sort((x, y) => x.e.at.localeCompare(y.e.at) || (x.e.source === y.e.source ? x.i - y.i : x.e.source === 'temporal' ? -1 : 1))
    .map((x) => x.e);
}

/** The case as it stood at a past moment: the workflow's own state after the last step recorded by then. */
export type CaseAtMoment = {
  moment: string;
  /** the last step recorded by the moment; 0 when the case did not exist yet */
  asOfSeq: number;
  /**
   * the step whose recorded state this is: asOfSeq, or an earlier step when the later ones were
   * recorded before steps kept their state (then the state is as of that step); 0 when none
   */
  stateSeq: number;
  exists: boolean;
  lastStep: { seq: number; type: string; actor: string; at: string } | null;
  steps: number;
} & { [K in keyof CaseFacts]: CaseFacts[K] | null };

const NO_FACTS: { [K in keyof CaseFacts]: null } = {
  status: null,
  regime: null,
  assignee: null,
  triageOutcome: null,
  triagedBy: null,
  reasonsRequestedOn: null,
  replyKind: null,
  draftedBy: null,
  confidentialityApproved: null,
  decisionApproved: null,
  letterFailed: null,
  receivedOn: null,
  dueOn: null,
  department: null,
  outcome: null,
  outcomeReason: null,
  answeredOn: null,
  dispatchedOn: null,
  workingDaysLate: null,
  overdue: null,
  clockPausedFor: null,
  confidentialityReviewedBy: null,
  decisionApprovedBy: null,
  withholdingGrounds: null,
};

/** The case as registration left it, from the registration event (written before the workflow holds the case). */
function registeredFacts(e: CaseEventRow): CaseFacts {
  const p = e.payload;
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  const receivedOn = str(p.receivedOn);
  const regime = p.regime === '2008' || p.regime === '2019' ? p.regime : null;
  const v = newCase({
    applicationId: '',
    registrationNumber: str(p.registrationNumber),
    arrivedOn: shanghaiDay(Date.parse(e.occurredAt)),
    receivedOn,
    status: receivedOn ? 'registered' : 'awaiting_confirmation',
  });
  return { ...caseFacts(v), regime, dueOn: str(p.dueOn) };
}

/**
 * The case at a moment from its recorded steps (already cut at the moment): the state the
 * workflow recorded after the last of them (case_events.state_after, libs/case caseFacts),
 * not a rebuild of its own.
 */
export function caseAtMoment(moment: string, events: CaseEventRow[]): CaseAtMoment {
  const steps = events.filter((e) => e.seq > 0); // remedies (negative seq) are not steps of the case
  const last = steps.length ? steps[steps.length - 1] : undefined;
  let state: { seq: number; facts: CaseFacts } | undefined;
  for (const e of steps) {
    if (e.stateAfter) state = { seq: e.seq, facts: e.stateAfter as CaseFacts };
    else if (e.type === 'registered') state = { seq: e.seq, facts: registeredFacts(e) };
  }
  return {
    moment,
    asOfSeq: last?.seq ?? 0,
    stateSeq: state?.seq ?? 0,
    exists: last !== undefined,
    lastStep: last ? { seq: last.seq, type: last.type, actor: last.actor, at: last.occurredAt } : null,
    steps: steps.length,
    ...NO_FACTS,
    ...state?.facts,
  };
}
