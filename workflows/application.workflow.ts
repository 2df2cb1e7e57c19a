import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  log,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import type { CaseActivities } from '../activities/case.activities';
import type { NoticeActivities } from '../activities/notice.activities';
import type { RegistrationActivities } from '../activities/registration.activities';
import { buildWorkingDayIndex, parseIsoDate, type WorkingDayIndex } from '../libs/calendar';
import {
  type Alarm,
  type CaseContext,
  applyAction,
  availableActions,
  caseFacts,
  checkAction,
  deadlineInput,
  expireWindows,
  isActionName,
  newCase,
  pendingAlarms,
  recomputeDeadline,
  recordLetterFailure,
  shanghaiDay,
  type LetterRequest,
} from '../libs/case';
import {
  calendarYearsFor,
  type ApplicationWorkflowInput,
  type CaseRegistration,
  type RegistrationResult,
} from '../libs/contracts/application';
import type { ActionRequest, CaseView, HistoryStep } from '../libs/contracts/case';
import type { NoticeRef } from '../libs/contracts/notice';
import { ROLES } from '../libs/contracts/roles';
import { SA } from '../libs/contracts/search-attributes';
import {
  actionUpdate,
  availableActionsQuery,
  calendarUpdatedSignal,
  deadlineExplanationQuery,
  type DeadlineExplanationView,
  registrationUpdate,
  stateQuery,
  testClockSignal,
} from '../libs/contracts/workflow';
import { computeDeadlines } from '../libs/deadline';
import { noticesForExpiry, noticesForStep, receiptRequest } from './notice-requests';

const { registerApplication } = proxyActivities<RegistrationActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', nonRetryableErrorTypes: ['RegistrationRejected'] },
});
// Registration and the case's calendar in one local activity: it runs inside the
// first workflow task, so the API's registration Update is answered without extra
// round trips through the server.
const { registerCase } = proxyLocalActivities<RegistrationActivities>({
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '200 milliseconds', maximumInterval: '30 seconds', nonRetryableErrorTypes: ['RegistrationRejected'] },
});
// Projection, calendar and notifications retry until they succeed: they are idempotent.
const { loadCalendarYears, projectCaseStep, notify } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});
// Letters are issued once per (case, kind, key); a letter the case cannot fill is refused, not retried.
const { issueNotice } = proxyActivities<NoticeActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', nonRetryableErrorTypes: ['NoticeRejected'] },
});

const yearOf = (isoDate: string) => Number(isoDate.slice(0, 4));

function rejectStep(type: 'WrongState' | 'Forbidden' | 'BadRequest', message: string): never {
  throw ApplicationFailure.create({ type, message, nonRetryable: true });
}

/** Shape of the Update's envelope; the body is checked by libs/case. */
function checkEnvelope(req: unknown): asserts req is ActionRequest {
  const r = req as Partial<ActionRequest> | null;
  if (typeof r !== 'object' || r === null) rejectStep('BadRequest', 'the action request must be an object');
  if (!isActionName(r.action)) rejectStep('BadRequest', `action: unknown action ${JSON.stringify(r.action)}`);
  const a = r.actor as Partial<ActionRequest['actor']> | undefined;
  if (!a || typeof a.username !== 'string' || !a.username || !(ROLES as readonly string[]).includes(a.role as string))
    rejectStep('BadRequest', 'actor: must be {username, role}');
}

/**
 * One application, from receipt to its formal outcome (不拒收: every submission is
 * registered and numbered first; 不拒办: the workflow ends only with a reply
 * delivered, a withdrawal or a deemed abandonment; 不超时答复: the answer clock
 * is armed with reminders and escalations).
 */
export async function applicationWorkflow(input: ApplicationWorkflowInput): Promise<void> {
  let registration: RegistrationResult | undefined;
  let registrationError: string | undefined;
  let view: CaseView | undefined = undefined; // set once registered
  let index: WorkingDayIndex | undefined;
  let calendarStale = false;
  let changes = 0; // bumped by every accepted step: wakes the clock loop to re-arm its timers
  const fired = new Set<string>();
  let projections: Promise<void> = Promise.resolve();
  const notices: NoticeRef[] = [];
  // Versions, decided once in the first workflow task, so a case keeps one behaviour for
  // its whole life. A case started by this version records the single marker
  // 'registration-in-one-task', which implies every change before it; histories recorded
  // earlier replay through the older markers: 'notices' (letters), 'consultation-letters'
  // (Art. 32/34 and Art. 35 letters) and 'local-registration' (registerCase).
  const current = patched('registration-in-one-task');
  const issuesNotices = current || patched('notices');
  const issuesConsultationLetters = current || (issuesNotices && patched('consultation-letters'));
  // 'law-round-two': a step recorded after the due day had passed no longer moves it, and a
  // 2008-regime case whose correction period lapses stays open, flagged to the supervisors.
  const lawRoundTwo = patched('law-round-two');
  // Later changes, each its own marker on top of those: 'letter-failures' records a letter that
  // could not be made as a step (a failed reply leaves the case unanswered) for reissue-notice.
  const recordsLetterFailures = current && patched('letter-failures');
  // 'dispatch-lateness': a reply is on time when issued and dispatched by the due day (legal-rules
  // section 7), judged again at record-delivery; earlier histories judged the issue day only.
  const dispatchLateness = patched('dispatch-lateness');
  // 'law-round-three' (issue 15, points 6-10): the fee payment period runs from the day after the
  // recorded delivery of the fee notice; earlier histories counted it from the notice day.
  const lawRoundThree = patched('law-round-three');
  /** The requests of the letters that failed, by kind and key, for reissue-notice. */
  const failedRequests = new Map<string, LetterRequest>();

  const settings = input.settings ?? {};
  // The case's clock: Temporal's, moved forward only by the fault tests' testClock signal
  // (cases started with settings.testClock; the offset is 0 for every other case).
  let clockOffset = 0;
  const clock = (): number => Date.now() + clockOffset;
  const ctx = (): CaseContext => ({
    now: clock(),
    index: index!,
    ...(settings.reminderOffsets ? { reminderOffsets: settings.reminderOffsets } : {}),
    ...(settings.notifyHour !== undefined ? { notifyHour: settings.notifyHour } : {}),
    ...(lawRoundTwo
      ? dispatchLateness
        ? lawRoundThree
          ? {}
          : { legacy: { feeFromNotice: true } }
        : { legacy: { latenessAtIssue: true, feeFromNotice: true } }
      : { legacy: { erasesLateness: true, abandons2008: true, latenessAtIssue: true, feeFromNotice: true } }),
    ...(lawRoundThree && input.submission.channel === 'mail' ? { confirmOnArrivalDay: true } : {}),
  });

  // The API waits on this Update (sent together with the start), so the caller
  // gets the registration number and due day in the same request.
  // Settled once the case can take its first step (registered and its calendar loaded), or
  // registration has failed. A promise rather than a condition: a condition is re-checked
  // after every job and costs the first task an extra pass through the workflow sandbox.
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  setHandler(registrationUpdate, async () => {
    await ready;
    if (registrationError !== undefined) throw ApplicationFailure.nonRetryable(registrationError, 'RegistrationRejected');
    return registration!;
  });
  setHandler(stateQuery, () => ({ registration, ...(view ? { case: view } : {}), notices }));
  setHandler(availableActionsQuery, (actor) => (view && index ? availableActions(view, actor).map((action) => ({ action })) : []));
  setHandler(deadlineExplanationQuery, (): DeadlineExplanationView | null => {
    const d = view && index ? deadlineInput(view, shanghaiDay(clock())) : null;
    if (!d || !index) return null;
    const r = computeDeadlines(d, index);
    const e = r.explanation;
    return {
      dueOn: r.dueOn,
      calendarVersion: r.calendarVersion,
      text: e.text,
      pauses: e.pauses.map((p) => ({
        from: p.from,
        to: p.to,
        workingDaysRemoved: p.workingDaysRemoved,
        ...(p.sentOn !== undefined ? { sentOn: p.sentOn } : {}),
        ...(p.enteredOn !== undefined ? { enteredOn: p.enteredOn } : {}),
      })),
      extension: e.extension,
      laterReplyDate: e.laterReplyDate,
      laterReplyDateEnteredLate: e.laterReplyDateEnteredLate,
      provisionalYears: e.provisionalYears,
    };
  });
  setHandler(calendarUpdatedSignal, () => {
    calendarStale = true;
  });
  if (settings.testClock === true)
    setHandler(testClockSignal, ({ offsetMs }) => {
      if (!Number.isSafeInteger(offsetMs) || offsetMs < clockOffset) return; // the case's clock never runs backwards
      clockOffset = offsetMs;
      changes++; // wakes the clock loop to re-arm its timer from the new time
    });

  /** Writes steps to PostgreSQL in seq order; each caller waits for its own. */
  const project = (steps: HistoryStep[]): Promise<void> => {
    const v = view!;
    const facts = caseFacts(v);
    const row = { ...facts, closed: v.status === 'closed' };
    for (const s of steps) {
      const payload = { ...(s.details ?? {}), status: s.status, ...(s.comment !== undefined ? { comment: s.comment } : {}) };
      projections = projections.then(async () => {
        await projectCaseStep({
          applicationId: input.applicationId,
          seq: s.seq,
          type: s.type,
          actor: s.actor,
          actorRole: s.role,
          occurredAt: s.at,
          payload,
          // the state after this step: a step followed by a system step in the same batch
          // (delivery, then closed) keeps its own status
          stateAfter: { ...facts, status: s.status },
          row,
        });
      });
    }
    return projections;
  };

  const syncSearchAttributes = (extra: SearchAttributeUpdatePair[] = []) => {
    const v = view!;
    upsertSearchAttributes([
      ...extra,
      { key: SA.status, value: v.status },
      { key: SA.dueOn, value: v.deadline ? new Date(`${v.deadline.dueOn}T00:00:00Z`) : null },
      { key: SA.assignee, value: v.assignee },
      { key: SA.department, value: v.department },
      { key: SA.overdue, value: v.deadline?.overdue ?? false },
      ...(v.deadline ? [{ key: SA.regime, value: v.deadline.regime }] : []),
    ]);
  };

  /** Issues letters one by one after their step is projected; only their reference stays in state. */
  const issueNotices = async (requests: LetterRequest[]): Promise<void> => {
    if (!issuesNotices) return;
    for (const r of requests) {
      try {
        notices.push(await issueNotice({ ...r, applicationId: input.applicationId, issuedOn: shanghaiDay(clock()) }));
      } catch (err) {
        const error = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
        log.error('notice not issued', { kind: r.kind, letterKind: r.letterKind, error });
        await letterFailed(r, error);
      }
    }
  };

  /** Records a letter that could not be made (in older histories only the log has it). */
  const letterFailed = async (r: LetterRequest, error: string): Promise<void> => {
    if (!recordsLetterFailures) return;
    failedRequests.set(`${r.kind}:${r.issueKey}`, r);
    const steps = recordLetterFailure(view!, { kind: r.kind, letterKind: r.letterKind, issueKey: r.issueKey, error }, ctx());
    changes++;
    syncSearchAttributes();
    await project(steps);
  };

  /** The calendar years this case can touch, through an activity (recorded in history). */
  const loadCalendar = async (v: CaseView) => {
    const { fromYear, toYear } = calendarYearsFor([v.arrivedOn, v.receivedOn ?? v.arrivedOn, shanghaiDay(clock())]);
    const data = await loadCalendarYears({ fromYear, toYear });
    index = buildWorkingDayIndex(data, fromYear, toYear);
  };

  let stepping = 0; // steps whose handler (and letters) are still running: the case does not end under them
  setHandler(
    actionUpdate,
    async (req) => {
      // reissue-notice issues again the letters that failed, as they were asked for.
      stepping++;
      const again = req.action === 'reissue-notice' ? [...failedRequests.values()] : [];
      if (req.action === 'reissue-notice') failedRequests.clear();
      const steps = applyAction(view!, req, ctx());
      changes++;
      syncSearchAttributes();
      await project(steps);
      await issueNotices(
        req.action === 'reissue-notice' ? again : noticesForStep(view!, req, steps, { consultationLetters: issuesConsultationLetters }),
      );
      stepping--;
      if (recordsLetterFailures) changes++; // wakes the clock loop: a closed case ends once its letters exist
      return JSON.parse(JSON.stringify(view)) as CaseView;
    },
    {
      // A rejected step never enters history; the failure type says why (API: 409 / 403 / 400).
      validator: (req) => {
        checkEnvelope(req);
        if (!view || !index) rejectStep('WrongState', `${req.action}: the case is still being registered`);
        const e = checkAction(view, req, ctx());
        if (e) rejectStep(e.type, e.message);
      },
    },
  );

  // Histories recorded before the local registration replay the two activities they made.
  let prefetched: Omit<CaseRegistration, 'registration'> | undefined;
  try {
    if (current || patched('local-registration')) {
      const r = await registerCase(input);
      registration = r.registration;
      prefetched = r;
    } else {
      registration = await registerApplication(input);
    }
  } catch (err) {
    registrationError = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
    log.error('registration failed', { applicationId: input.applicationId, error: registrationError });
    markReady();
    await condition(allHandlersFinished);
    throw ApplicationFailure.nonRetryable(registrationError, 'RegistrationRejected');
  }

  // Temporal's own UI and list queries find cases by these (sent with the case's first
  // attributes in one upsert, except in histories of the older versions).
  const registrationAttributes: SearchAttributeUpdatePair[] = [
    { key: SA.status, value: registration.status },
    { key: SA.registrationNumber, value: registration.registrationNumber },
    { key: SA.office, value: input.officeCode },
    { key: SA.regime, value: registration.regime },
    { key: SA.dueOn, value: registration.dueOn ? new Date(`${registration.dueOn}T00:00:00Z`) : null },
  ];
  if (!current) upsertSearchAttributes(registrationAttributes);
  log.info('application registered', { registrationNumber: registration.registrationNumber });

  const caseView = newCase({
    applicationId: input.applicationId,
    registrationNumber: registration.registrationNumber,
    arrivedOn: shanghaiDay(Date.parse(input.arrivedAt)),
    receivedOn: registration.receivedOn,
    status: registration.status,
  });
  if (prefetched) index = buildWorkingDayIndex(prefetched.calendar, prefetched.fromYear, prefetched.toYear);
  else await loadCalendar(caseView);
  recomputeDeadline(caseView, ctx());
  view = caseView;
  markReady();
  syncSearchAttributes(current ? registrationAttributes : []);
  if (!prefetched) {
    await issueNotices(receiptRequest(caseView, input.submittedBy.username));
  } else if (prefetched.receipt) {
    notices.push(prefetched.receipt);
  } else if (prefetched.receiptError) {
    log.error('notice not issued', { kind: 'receipt', letterKind: 'registration-receipt', error: prefetched.receiptError });
    for (const r of receiptRequest(caseView, input.submittedBy.username)) await letterFailed(r, prefetched.receiptError);
  }

  // The clock loop: expire windows, send due reminders and escalations, then sleep
  // until the next alarm or until a step, a calendar update or a signal moves things.
  // A closed case whose closing letter failed stays open for reissue-notice (不拒办: its letter exists in the end).
  while (caseView.status !== 'closed' || (recordsLetterFailures && (caseView.failedLetters.length > 0 || stepping > 0))) {
    const today = shanghaiDay(clock());
    if (calendarStale || yearOf(today) + 1 > index!.toYear) {
      calendarStale = false;
      const before = caseView.deadline?.dueOn;
      await loadCalendar(caseView);
      if (recomputeDeadline(caseView, ctx())) {
        const steps = [
          {
            seq: caseView.history.length ? caseView.history[caseView.history.length - 1].seq + 1 : 2,
            type: 'deadline_recomputed',
            actor: 'system',
            role: 'system' as const,
            at: new Date(clock()).toISOString(),
            status: caseView.status,
            details: { before, dueOn: caseView.deadline?.dueOn, calendarVersion: index!.calendarVersion },
          },
        ];
        caseView.history.push(...steps);
        syncSearchAttributes();
        await project(steps);
      }
      continue;
    }
    const expired = expireWindows(caseView, ctx());
    if (expired.length) {
      changes++;
      syncSearchAttributes();
      await project(expired);
      await issueNotices(noticesForExpiry(caseView));
      for (const s of expired) if (s.type === 'correction_period_lapsed') await flagLapse(caseView, s);
      continue;
    }
    const wasOverdue = caseView.deadline?.overdue;
    const moved = recomputeDeadline(caseView, ctx());
    if (moved || caseView.deadline?.overdue !== wasOverdue) syncSearchAttributes();

    const now = clock();
    const alarms = pendingAlarms(caseView, ctx(), fired);
    const due = alarms.filter((a) => a.at <= now);
    for (const a of due) {
      fired.add(a.key);
      await sendNotification(caseView, a);
    }
    if (due.length) continue;
    const seen = changes;
    const next = alarms[0];
    const woken = () => changes !== seen || calendarStale;
    if (next) await condition(woken, next.at - now);
    else await condition(woken);
  }

  await projections;
  await condition(allHandlersFinished);
  log.info('case closed', { registrationNumber: caseView.registrationNumber, outcome: caseView.outcome });

  /** 2008 regime: a lapsed correction period closes nothing; the supervisors see that a reply is still owed. */
  async function flagLapse(v: CaseView, s: HistoryStep): Promise<void> {
    const respondBy = String(s.details?.respondBy);
    await notify({
      applicationId: v.applicationId,
      key: `correction-lapsed:${respondBy}`,
      kind: 'escalation',
      recipientUsername: null,
      recipientRole: 'supervisor',
      dueOn: v.deadline?.dueOn ?? null,
      message: `${v.registrationNumber ?? v.applicationId}：补正期限（${respondBy}）已过，申请人未补正；2008年条例不视为放弃申请，请按原申请内容书面答复`,
    });
  }

  async function sendNotification(v: CaseView, a: Alarm): Promise<void> {
    if (a.kind === 'wake') return;
    const n = v.registrationNumber ?? v.applicationId;
    if (a.kind === 'confirmation') {
      // Ordinary mail unconfirmed after its arrival day: recorded once as a step, and the clerks and
      // the supervisors are told (then the clerks every working day until it is confirmed).
      const flag = a.key.startsWith('confirmation-overdue:');
      if (flag) {
        const steps = [
          {
            seq: v.history.length ? v.history[v.history.length - 1].seq + 1 : 2,
            type: 'confirmation_overdue',
            actor: 'system',
            role: 'system' as const,
            at: new Date(clock()).toISOString(),
            status: v.status,
            details: { arrivedOn: v.arrivedOn, channel: 'mail' },
          },
        ];
        v.history.push(...steps);
        await project(steps);
      }
      const message = `${n}：平常信函于${v.arrivedOn}到达，当日未与申请人确认收到申请的日期，请尽快确认（确认之日为收到申请之日）`;
      for (const recipientRole of flag ? (['clerk', 'supervisor'] as const) : (['clerk'] as const))
        await notify({
          applicationId: v.applicationId,
          key: `${a.key}:${recipientRole}`,
          kind: flag && recipientRole === 'supervisor' ? 'escalation' : 'reminder',
          recipientUsername: null,
          recipientRole,
          dueOn: null,
          message,
        });
      return;
    }
    if (a.kind === 'reminder') {
      await notify({
        applicationId: v.applicationId,
        key: a.key,
        kind: 'reminder',
        recipientUsername: v.assignee,
        recipientRole: v.assignee ? null : 'clerk',
        dueOn: a.dueOn ?? null,
        message:
          a.workingDaysBefore === 0
            ? `${n}：今日为答复期限（${a.dueOn}），请今日内答复`
            : `${n}：距答复期限还有 ${a.workingDaysBefore} 个工作日（${a.dueOn}）`,
      });
    } else {
      const late = index!.workingDaysBetween(parseIsoDate(a.dueOn!), parseIsoDate(a.on!));
      await notify({
        applicationId: v.applicationId,
        key: a.key,
        kind: 'escalation',
        recipientUsername: null,
        recipientRole: 'supervisor',
        dueOn: a.dueOn ?? null,
        message: `${n}：已超过答复期限 ${late} 个工作日（期限 ${a.dueOn}），承办人：${v.assignee ?? '未分配'}`,
      });
    }
  }
}
