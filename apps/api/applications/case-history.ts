// An auditor's view of one case: its recorded steps merged with the Temporal
// event history, and the case folded from its steps up to a past moment.
import { temporal } from '@temporalio/proto';
import { tsToMs } from '@temporalio/common/lib/time';
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

export interface CaseAtMoment {
  moment: string;
  /** the last step applied; 0 when the case did not exist yet */
  asOfSeq: number;
  exists: boolean;
  status: string | null;
  receivedOn: string | null;
  regime: string | null;
  dueOn: string | null;
  assignee: string | null;
  department: string | null;
  triageOutcome: string | null;
  replyKind: string | null;
  outcome: string | null;
  lastStep: { seq: number; type: string; actor: string; at: string } | null;
  steps: number;
}

/** Folds the recorded steps (already cut at the moment) into the case as it stood. */
export function foldCase(moment: string, events: CaseEventRow[]): CaseAtMoment {
  const s: CaseAtMoment = {
    moment,
    asOfSeq: 0,
    exists: events.length > 0,
    status: null,
    receivedOn: null,
    regime: null,
    dueOn: null,
    assignee: null,
    department: null,
    triageOutcome: null,
    replyKind: null,
    outcome: null,
    lastStep: null,
    steps: events.length,
  };
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  for (const e of events) {
    const p = e.payload;
    s.asOfSeq = e.seq;
    if (e.type === 'registered') s.status = p.receivedOn ? 'registered' : 'awaiting_confirmation';
    s.status = str(p.status) ?? s.status;
    s.dueOn = str(p.dueOn) ?? s.dueOn;
    s.regime = str(p.regime) ?? s.regime;
    s.receivedOn = str(p.receivedOn) ?? s.receivedOn;
    if (e.type === 'assign') {
      s.assignee = str(p.assignee) ?? s.assignee;
      s.department = str(p.department) ?? s.department;
    }
    if (e.type === 'triage') s.triageOutcome = str(p.outcome) ?? s.triageOutcome;
    if (e.type === 'draft-decision') s.replyKind = str(p.replyKind) ?? s.replyKind;
    if (e.type === 'withdraw') s.outcome = 'withdrawn';
    if (str(p.outcome) && e.type !== 'triage' && e.type !== 'registered') s.outcome = str(p.outcome)!;
    s.lastStep = { seq: e.seq, type: e.type, actor: e.actor, at: e.occurredAt };
  }
  return s;
}
