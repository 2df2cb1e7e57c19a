// The state machine of one case: which step is allowed in which status and for
// which role, what each accepted step changes, the windows that run out by
// themselves and the alarms (reminders, escalations, expiries) the workflow arms.
// Pure and deterministic: the workflow passes in its own time and calendar index.
import { type WorkingDayIndex, parseIsoDate } from '../calendar';
import {
  DEFAULT_REMINDER_OFFSETS,
  type DeadlineEvent,
  type DeadlineInput,
  type DeadlineResult,
  REGIME_RULES,
  THIRD_PARTY_REPLY_WORKING_DAYS,
  CO_MAKER_REPLY_WORKING_DAYS,
  DEFAULT_CORRECTION_PERIOD_WORKING_DAYS,
  FEE_PAYMENT_WORKING_DAYS,
  computeDeadlines,
  regimeFor,
  reminderDays,
  workingDayWindow,
} from '../deadline';
import {
  type ActionBodies,
  type ActionErrorType,
  type ActionName,
  type ActionRequest,
  CASE_STATUSES,
  type CaseStatus,
  type CaseView,
  DISCLOSING_REPLY_KINDS,
  type FailedLetter,
  type HistoryStep,
  type ReplyKind,
  type TriageOutcome,
} from '../contracts/case';
import type { Actor, Role } from '../contracts/roles';
import { replyLetterKind } from '../documents/document.types';
import { KINDS_WITHOUT_2008_TEMPLATE } from '../documents/templates/notice-templates-2008.data';
import { validateActionBody } from './body.validator';
import { replyLetterProblem } from './reply-letter';
import { FEE_BEARING_MEDIA, FEE_MEASURES_START, feeAmount } from './fees';

export { FEE_MEASURES_START };

/** What the workflow knows when it judges or applies a step. */
export interface CaseContext {
  /** workflow time, epoch ms */
  now: number;
  index: WorkingDayIndex;
  reminderOffsets?: readonly number[];
  /** hour of the day (Asia/Shanghai) for reminders and escalations; 9 when absent */
  notifyHour?: number;
  /**
   * Behaviours of cases started before a change (the workflow's patched() markers), kept for
   * their whole life; absent: the rules as they stand.
   * erasesLateness: a step recorded after the due day had passed still moved it (before 'law-round-two');
   * abandons2008: a lapsed correction period closed a 2008-regime case as abandoned (before 'law-round-two').
   * latenessAtIssue: lateness was judged by the day the reply was issued only (before 'dispatch-lateness').
   * feeFromNotice: the payment period ran from the day the fee notice was issued, not from its
   * recorded delivery (before 'law-round-three').
   */
  legacy?: { erasesLateness?: boolean; abandons2008?: boolean; latenessAtIssue?: boolean; feeFromNotice?: boolean };
  /**
   * Ordinary mail without a signature (平常信函, legal-rules.md section 2): the office confirms with
   * the applicant on the day it arrives. Set by the workflow for such cases (from 'law-round-three'):
   * unconfirmed at the end of that day they are flagged, reminded, and a later confirmation is late.
   */
  confirmOnArrivalDay?: boolean;
}

export interface ActionError {
  type: ActionErrorType;
  message: string;
}

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** The office's calendar day (Asia/Shanghai, no daylight saving) of an instant. */
export function shanghaiDay(ms: number): string {
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}
/** 00:00 Asia/Shanghai of a day, epoch ms. */
export function startOfShanghaiDay(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00.000Z`) - SHANGHAI_OFFSET_MS;
}
const DAY_MS = 86_400_000;
/** Reminders and escalations go out at 09:00 office time. */
const NOTIFY_HOUR_MS = 9 * 3600_000;

/** Open statuses in which the applicant may still withdraw (before the reply is issued). */
const BEFORE_REPLY: readonly CaseStatus[] = CASE_STATUSES.slice(0, CASE_STATUSES.indexOf('notice_issued'));

interface Rule {
  roles: readonly Role[];
  from: readonly CaseStatus[];
}

/** Who may take each step, and from which statuses. */
export const ACTION_RULES: Readonly<Record<ActionName, Rule>> = {
  'confirm-receipt': { roles: ['clerk'], from: ['awaiting_confirmation'] },
  triage: { roles: ['clerk'], from: ['registered'] },
  'request-correction': { roles: ['clerk'], from: ['registered', 'triage'] },
  'receive-correction': { roles: ['clerk'], from: ['correction_requested'] },
  assign: { roles: ['clerk', 'supervisor'], from: ['triage', 'assigned', 'searching'] },
  'record-search': { roles: ['clerk'], from: ['assigned', 'searching'] },
  'start-consultation': { roles: ['clerk'], from: ['assigned', 'searching'] },
  'receive-consultation-reply': { roles: ['clerk'], from: ['consulting'] },
  'request-extension': {
    roles: ['clerk'],
    from: ['triage', 'assigned', 'searching', 'consulting', 'decision_drafted', 'confidentiality_review', 'approval'],
  },
  'decide-extension': { roles: ['supervisor'], from: ['extension_requested'] },
  'draft-decision': { roles: ['clerk', 'reviewer'], from: ['triage', 'assigned', 'searching'] },
  'review-confidentiality': { roles: ['reviewer'], from: ['decision_drafted', 'approval'] },
  'approve-decision': { roles: ['reviewer'], from: ['decision_drafted', 'confidentiality_review'] },
  'issue-notice': { roles: ['clerk'], from: ['approval'] },
  // From fee_pending it records the delivery of the fee notice (the payment period runs from the day after).
  'record-delivery': { roles: ['clerk'], from: ['notice_issued', 'fee_pending'] },
  withdraw: { roles: ['clerk'], from: BEFORE_REPLY },
  'confirm-petition': { roles: ['supervisor'], from: ['triage'] },
  'record-payment': { roles: ['clerk'], from: ['fee_pending'] },
  'request-reasons': { roles: ['clerk'], from: ['triage', 'assigned', 'searching'] },
  'receive-reasons': { roles: ['clerk'], from: ['reasons_requested'] },
  // Whenever a letter failed (stepFacts.letterFailed), closed cases included: every letter exists in the end.
  'reissue-notice': { roles: ['supervisor'], from: CASE_STATUSES },
  'record-correction-reason': { roles: ['clerk'], from: ['correction_requested'] },
};

/**
 * The substance of an assigned case, which only its assignee works on (another clerk gets
 * 403 until a supervisor reassigns it). Intake (confirm-receipt, triage, correction),
 * the registry's issuing, delivery and payment records, and a withdrawal stay open to
 * every clerk of the office.
 */
const ASSIGNEE_STEPS: ReadonlySet<ActionName> = new Set<ActionName>([
  'record-search',
  'start-consultation',
  'receive-consultation-reply',
  'request-extension',
  'draft-decision',
  'request-reasons',
  'receive-reasons',
]);

/** A new case as registration left it. */
export function newCase(p: {
  applicationId: string;
  registrationNumber: string | null;
  arrivedOn: string;
  receivedOn: string | null;
  status: 'awaiting_confirmation' | 'registered';
}): CaseView {
  return {
    applicationId: p.applicationId,
    registrationNumber: p.registrationNumber,
    arrivedOn: p.arrivedOn,
    receivedOn: p.receivedOn,
    status: p.status,
    outcome: null,
    outcomeReason: null,
    triageOutcome: null,
    triagedBy: null,
    assignee: null,
    department: null,
    deadline: null,
    correction: null,
    consultations: [],
    reasonsRequest: null,
    extension: null,
    decision: null,
    fee: null,
    notice: null,
    delivery: null,
    withdrawal: null,
    statusBeforeExtension: null,
    failedLetters: [],
    history: [],
  };
}

const wrong = (message: string): ActionError => ({ type: 'WrongState', message });
const forbidden = (message: string): ActionError => ({ type: 'Forbidden', message });
const bad = (message: string): ActionError => ({ type: 'BadRequest', message });

const openConsultation = (v: CaseView) => v.consultations.find((c) => c.position === undefined);

/**
 * The facts of a case that decide which step may be taken now and by whom: everything the
 * state and role rules read. The workflow derives them from its state (stepFacts); the read
 * side stores them as columns of `applications` and asks the same rules (availableActionsFor),
 * so there is one rule of what may happen next.
 */
export interface StepFacts {
  status: CaseStatus;
  /** the regime of the answer clock; null while the receipt day is unknown */
  regime: '2008' | '2019' | null;
  assignee: string | null;
  triageOutcome: TriageOutcome | null;
  triagedBy: string | null;
  /** the day the Art. 35 request for reasons was sent; null when none was sent */
  reasonsRequestedOn: string | null;
  /** the reply kind of the current draft decision; null when there is none */
  replyKind: ReplyKind | null;
  /** who drafted the current decision */
  draftedBy: string | null;
  /** the current draft passed the confidentiality review */
  confidentialityApproved: boolean;
  /** the current decision is approved */
  decisionApproved: boolean;
  /** a letter of the case failed and waits to be re-issued (reissue-notice) */
  letterFailed: boolean;
}

/** The step facts of a case as the workflow holds it. */
export function stepFacts(v: CaseView): StepFacts {
  return {
    status: v.status,
    regime: v.deadline?.regime ?? null,
    assignee: v.assignee,
    triageOutcome: v.triageOutcome,
    triagedBy: v.triagedBy,
    reasonsRequestedOn: v.reasonsRequest?.sentOn ?? null,
    replyKind: v.decision?.replyKind ?? null,
    draftedBy: v.decision?.draftedBy ?? null,
    confidentialityApproved: v.decision?.confidentiality?.approved === true,
    decisionApproved: v.decision?.approval?.approved === true,
    letterFailed: v.failedLetters.length > 0,
  };
}

/** A reply that discloses something: it passes the confidentiality review first (Art. 17). */
export const disclosing = (f: Pick<StepFacts, 'replyKind'>): boolean =>
  f.replyKind !== null && DISCLOSING_REPLY_KINDS.includes(f.replyKind);

/** State and role checks only (what availableActions lists): they read nothing but the step facts. */
function checkStateAndRole(f: StepFacts, action: ActionName, actor: Actor): ActionError | null {
  const rule = ACTION_RULES[action];
  if (!rule.roles.includes(actor.role))
    return forbidden(`${action}: role ${actor.role} may not do this; allowed: ${rule.roles.join(', ')}`);
  if (!rule.from.includes(f.status)) return wrong(`${action}: not allowed in status ${f.status}`);
  if (actor.role === 'clerk' && f.assignee && f.assignee !== actor.username && ASSIGNEE_STEPS.has(action))
    return forbidden(`${action}: the case is assigned to ${f.assignee}; only the assignee takes this step (a supervisor can reassign it)`);
  const self = (what: string) => forbidden(`${action}: ${actor.username} drafted this decision and may not ${what} it (no self-approval)`);
  switch (action) {
    case 'request-reasons':
      if (f.regime === '2008')
        return wrong('request-reasons: Art. 35 (reasons for a very large number of requests) exists only in the 2019 Regulations');
      if (f.reasonsRequestedOn) return wrong(`request-reasons: the applicant was already asked for reasons on ${f.reasonsRequestedOn}`);
      if (f.triageOutcome === 'petition')
        return wrong(`${action}: the petition classification waits for a supervisor's confirmation (confirm-petition)`);
      break;
    case 'assign':
    case 'draft-decision':
    case 'request-correction':
      if (f.triageOutcome === 'petition')
        return wrong(`${action}: the petition classification waits for a supervisor's confirmation (confirm-petition)`);
      break;
    case 'confirm-petition':
      if (f.triageOutcome !== 'petition') return wrong('confirm-petition: the case was not triaged as a petition');
      if (f.triagedBy === actor.username)
        return forbidden('confirm-petition: a second person confirms a petition classification, not the one who triaged it');
      break;
    case 'review-confidentiality':
      if (!disclosing(f)) return wrong('review-confidentiality: the draft discloses nothing, so it needs no confidentiality review');
      if (f.confidentialityApproved) return wrong('review-confidentiality: the draft already passed the review');
      if (f.draftedBy === actor.username) return self('review');
      break;
    case 'approve-decision':
      if (f.draftedBy === actor.username) return self('approve');
      break;
    case 'reissue-notice':
      if (!f.letterFailed) return wrong('reissue-notice: no letter of this case failed');
      break;
    case 'issue-notice':
      if (f.letterFailed)
        return wrong(
          'issue-notice: a letter of this case failed; a supervisor re-issues it first (reissue-notice), once its template is fixed',
        );
      if (disclosing(f) && !f.confidentialityApproved)
        return wrong('issue-notice: a reply that discloses information needs an approved confidentiality review first (Art. 17)');
      if (!f.decisionApproved) return wrong('issue-notice: the decision is not approved yet');
      break;
  }
  return null;
}

/** Checks that need the body and the calendar: dates and windows. */
function checkRules(v: CaseView, req: ActionRequest, ctx: CaseContext): ActionError | null {
  const today = shanghaiDay(ctx.now);
  const notFuture = (field: string, d: string) => (d > today ? bad(`body.${field}: must not be in the future (today is ${today})`) : null);
  const notBefore = (field: string, d: string, floor: string, what: string) =>
    d < floor ? bad(`body.${field}: must not be before ${what} (${floor})`) : null;
  const inRange = (field: string, d: string) =>
    ctx.index.contains(parseIsoDate(d)) ? null : bad(`body.${field}: ${d} is outside the loaded calendar`);
  const date = (field: string, d: string, floor: string, what: string) =>
    inRange(field, d) ?? notFuture(field, d) ?? notBefore(field, d, floor, what);
  const dl = v.deadline;
  switch (req.action) {
    case 'confirm-receipt':
      return date('receivedOn', req.body.receivedOn, v.arrivedOn, 'the day the submission arrived');
    case 'request-correction': {
      if (v.correction)
        return wrong(
          `request-correction: a correction was already requested on ${v.correction.requestedOn}; it is asked once, listing everything`,
        );
      if (dl?.correctionRequestBy && today > dl.correctionRequestBy)
        return wrong(
          `request-correction: the window ended on ${dl.correctionRequestBy} (7th working day after receipt, ${REGIME_RULES['2019'].correctionBasis}); handle the application as it is`,
        );
      // The notice is requested (sent) on the day of this step; it cannot reach the applicant before that.
      if (req.body.deliveredOn) return date('deliveredOn', req.body.deliveredOn, today, 'the day the correction was requested');
      return null;
    }
    case 'receive-correction':
      return date('receivedOn', req.body.receivedOn, v.correction!.requestedOn, 'the day the correction was requested');
    case 'record-correction-reason':
      if (dl?.regime === '2008')
        return wrong('record-correction-reason: the 2008 Regulations have no deemed abandonment, so no correction period to extend');
      return null;
    case 'start-consultation': {
      const e =
        date('sentOn', req.body.sentOn, dl!.clockStart, 'the start of the answer clock') ??
        withinDueDayOf(
          v,
          ctx,
          req.action,
          req.body.sentOn,
          'the consultation letter was sent',
          'it pauses only a clock that has not run out',
        );
      if (e) return e;
      if (req.body.deliveredOn) return date('deliveredOn', req.body.deliveredOn, req.body.sentOn, 'the day the letter was sent');
      return null;
    }
    case 'receive-consultation-reply': {
      const c = openConsultation(v)!;
      if (req.body.receivedOn < c.sentOn)
        return wrong(
          `receive-consultation-reply: the reply cannot be received (${req.body.receivedOn}) before the letter was sent (${c.sentOn})`,
        );
      return date('receivedOn', req.body.receivedOn, c.sentOn, 'the day the letter was sent');
    }
    case 'request-extension':
      if (v.reasonsRequest?.replyBy)
        return wrong(
          `request-extension: the office set a later reply day (${v.reasonsRequest.replyBy}) under Art. 35; it replaces the answer period and its extension`,
        );
      if (v.extension)
        return wrong(
          `request-extension: the one extension allowed was already requested on ${v.extension.requestedOn}${v.extension.approved === false ? ' and refused' : ''}`,
        );
      if (dl && today >= dl.baseDueOn)
        return wrong(`request-extension: must be requested before the due day ${dl.baseDueOn} (today is ${today})`);
      return null;
    case 'decide-extension':
      if (req.body.approve && dl && today > dl.baseDueOn)
        return wrong(`decide-extension: the extension had to be approved by the due day ${dl.baseDueOn} (today is ${today})`);
      return null;
    case 'record-delivery':
      if (v.status === 'fee_pending') {
        if (v.fee!.deliveredOn)
          return wrong(`record-delivery: the delivery of the fee notice was recorded already (${v.fee!.deliveredOn})`);
        if (v.fee!.payBy)
          return wrong(`record-delivery: this case's payment period runs from the fee notice day (${v.fee!.noticeOn}) to ${v.fee!.payBy}`);
        return date('on', req.body.on, v.fee!.noticeOn, 'the day the fee notice was issued');
      }
      return date('on', req.body.on, v.notice!.issuedOn, 'the day the notice was issued');
    case 'approve-decision': {
      // The fee notice goes out on approval: after the review (Art. 17) and within the answer period.
      if (!req.body.approve || !v.decision?.fee) return null;
      if (disclosing(stepFacts(v)) && v.decision.confidentiality?.approved !== true)
        return wrong(
          'approve-decision: a draft with a processing fee needs its confidentiality review first: the fee notice goes out only after review and approval',
        );
      if (dl && today > dl.dueOn)
        return wrong(
          `approve-decision: the fee notice must go out within the answer period, which ended on ${dl.dueOn} (today is ${today})`,
        );
      return null;
    }
    case 'withdraw':
      return date('on', req.body.on, v.arrivedOn, 'the day the submission arrived');
    case 'record-payment':
      return date('paidOn', req.body.paidOn, v.fee!.noticeOn, 'the day of the fee notice');
    case 'request-reasons':
      return (
        date('sentOn', req.body.sentOn, dl!.clockStart, 'the start of the answer clock') ??
        withinDueDayOf(
          v,
          ctx,
          req.action,
          req.body.sentOn,
          'the request for reasons was sent',
          'once the period has run out the office answers',
        )
      );
    case 'receive-reasons': {
      const e = date('receivedOn', req.body.receivedOn, v.reasonsRequest!.sentOn, 'the day the request for reasons was sent');
      if (e || req.body.replyBy === undefined) return e;
      const replyBy = req.body.replyBy;
      if (!ctx.index.contains(parseIsoDate(replyBy))) return bad(`body.replyBy: ${replyBy} is outside the loaded calendar`);
      if (!ctx.index.isWorkingDay(parseIsoDate(replyBy))) return bad(`body.replyBy: ${replyBy} is not a working day`);
      // The later reply day is set on receivedOn: judged against the due day in force on that day.
      const late = withinDueDayOf(
        v,
        ctx,
        req.action,
        req.body.receivedOn,
        'the later reply day was set',
        'a period that has run out cannot be moved',
      );
      if (late) return late;
      const due = dueOnAsOf(v, req.body.receivedOn, ctx.index);
      if (due && replyBy <= due)
        return bad(
          `body.replyBy: must be after the due day in force on ${req.body.receivedOn} (${due}); otherwise answer within the period`,
        );
      return null;
    }
    case 'triage': {
      const kind = TRIAGE_REPLY_KIND[req.body.outcome];
      if (dl?.regime === '2008' && kind && KINDS_WITHOUT_2008_TEMPLATE[replyLetterKind(kind)])
        return wrong(
          `triage: outcome ${req.body.outcome} leads to a ${kind} reply, which the 2008 Regulations do not know (${KINDS_WITHOUT_2008_TEMPLATE[replyLetterKind(kind)]})`,
        );
      return null;
    }
    case 'confirm-petition':
      if (req.body.approve && dl?.regime === '2008')
        return wrong(
          `confirm-petition: the 2008 Regulations have no not-an-application letter (${KINDS_WITHOUT_2008_TEMPLATE['not-ogi-petition']})`,
        );
      return null;
    case 'draft-decision':
      return checkDraft(v, req.body, today) ?? draftLetterProblem(v, req.body, req.actor, ctx);
    case 'issue-notice': {
      // 不拒办: the reply is issued only with its letter (the draft was checked; the facts may have moved since).
      const problem = replyLetterProblem(v);
      return problem ? wrong(`issue-notice: the reply letter cannot be made (${problem})`) : null;
    }
    default:
      return null;
  }
}

/** Triage outcomes that commit the case to one reply kind (not to be offered where that kind has no letter). */
const TRIAGE_REPLY_KIND: Partial<Record<TriageOutcome, ReplyKind>> = {
  petition: 'petition',
  repeated: 'repeated',
  'special-route': 'special-route',
  excessive: 'excessive',
};

/**
 * The due day in force at the end of `day`: the deadline as the case's steps dated up to that
 * day made it, with a pause still open on that day assumed to end on it. Not today's
 * recomputation: a step dated `day` is judged by what the office had to meet then. Null
 * before the receipt day.
 */
export function dueOnAsOf(v: CaseView, day: string, index: WorkingDayIndex): string | null {
  if (!v.receivedOn || day < v.receivedOn) return null;
  const input = deadlineInput(v, day, day);
  return input ? computeDeadlines(input, index, { explain: false }).dueOn : null;
}

/**
 * A step dated `on` that moves or stops the answer clock is lawful only on or before the due day
 * in force on that day (legal-rules.md section 3-4: a pause starting after the due day does nothing;
 * a period that has run out is answered late, not extended).
 */
function withinDueDayOf(v: CaseView, ctx: CaseContext, action: ActionName, on: string, what: string, why: string): ActionError | null {
  const due = dueOnAsOf(v, on, ctx.index);
  if (due && on > due) return wrong(`${action}: ${what} on ${on}, after the due day then in force (${due}); ${why}`);
  return null;
}

/** Rules of a draft that depend on the case: the facts a reply kind rests on must have happened. */
function checkDraft(v: CaseView, body: ActionBodies['draft-decision'], today: string): ActionError | null {
  const regime = v.deadline?.regime ?? null;
  // The 2008 Regulations end a case only with the letters they know (libs/documents templates).
  const without2008 = KINDS_WITHOUT_2008_TEMPLATE[replyLetterKind(body.replyKind)];
  if (regime === '2008' && without2008)
    return wrong(`draft-decision: reply kind ${body.replyKind} does not exist under the 2008 Regulations: ${without2008}`);
  if (body.fee && regime === '2008')
    return wrong(`draft-decision: no processing fee under the 2008 Regulations: ${KINDS_WITHOUT_2008_TEMPLATE['fee-notice']}`);
  if (body.fee && today < FEE_MEASURES_START)
    return wrong(
      `draft-decision: no processing fee before ${FEE_MEASURES_START}, when the fee measures (国办函〔2020〕109号) took effect (today is ${today})`,
    );
  if (body.fee) {
    const { basis, count } = body.fee;
    if (count === undefined) return bad('body.fee.count: required (the amount is computed from the basis and the count)');
    if (basis === 'per-volume' && !FEE_BEARING_MEDIA.includes(body.provision?.medium as never))
      return bad(
        `body.fee.basis: per-volume fees only where paper or copied data is supplied (body.provision.medium is ${body.provision?.medium ?? 'absent'}; must be ${FEE_BEARING_MEDIA.join(' or ')})`,
      );
    if (feeAmount(basis, count) === 0)
      return bad(
        basis === 'per-application'
          ? `body.fee.count: the applicant's applications 1-10 in a calendar month are free (this is number ${count})`
          : `body.fee.count: 30 pages or fewer are free (${count} pages)`,
      );
  }
  const released = releasedObjector(v, body);
  if (released && !body.publicInterest?.trim())
    return bad(
      `body.publicInterest: ${released.party} objected to disclosure on ${released.receivedOn} (Art. 32); a ${body.replyKind} draft that releases its information needs the public interest that non-disclosure would seriously harm, or withhold that part on the ground third-party-rights`,
    );
  switch (body.replyKind) {
    case 'other-organ':
      // Art. 36(5): name the organ and its contact when it can be determined; otherwise say so.
      if (body.otherOrganUndetermined && body.otherOrgan)
        return bad('body.otherOrganUndetermined: the responsible organ is named (body.otherOrgan), so it was determined');
      if (!body.otherOrganUndetermined && !body.otherOrgan)
        return bad(
          'body.otherOrgan: an other-organ reply (Art. 36(5)) names the responsible organ, or says it cannot be determined (body.otherOrganUndetermined: true)',
        );
      if (body.otherOrgan && !body.otherOrganContact)
        return bad("body.otherOrganContact: an other-organ reply (Art. 36(5)) gives the responsible organ's contact details with its name");
      return null;
    case 'excessive': {
      const r = v.reasonsRequest;
      if (r?.outcome === 'unreasonable' || r?.outcome === 'no-reply') return null;
      return wrong(
        r
          ? `draft-decision: an excessive reply (Art. 35) needs the applicant's reasons found unreasonable or their period run out (${r.outcome === 'reasonable' ? 'they were found reasonable' : `waiting until ${r.respondBy}`})`
          : 'draft-decision: an excessive reply (Art. 35) needs the applicant asked for reasons first (request-reasons)',
      );
    }
    case 'unclear-after-correction':
      if (v.correction?.receivedOn) return null;
      return wrong('draft-decision: unclear-after-correction needs a corrected application received (receive-correction)');
    case 'repeated':
      if (body.previous && body.previous.repliedOn > today)
        return bad(`body.previous.repliedOn: must not be in the future (today is ${today})`);
      return null;
    default:
      return null;
  }
}

/**
 * The third party whose objection (Art. 32; 2008 Art. 23) a draft overrides: a disclose draft, or a
 * partial one that withholds nothing on the ground of third-party rights. Null when none objected.
 */
export function releasedObjector(
  v: CaseView,
  body: Pick<ActionBodies['draft-decision'], 'replyKind' | 'parts'>,
): { party: string; receivedOn: string } | null {
  if (body.replyKind !== 'disclose' && body.replyKind !== 'partial') return null;
  if (body.replyKind === 'partial' && body.parts?.some((p) => p.disposition === 'withhold' && p.ground === 'third-party-rights'))
    return null;
  const c = v.consultations.find((x) => x.kind === 'third-party' && x.position === 'objection');
  return c ? { party: c.party, receivedOn: c.receivedOn ?? c.replyBy } : null;
}

/** A draft whose reply letter cannot be made is refused here, naming the missing fact (不拒办). */
function draftLetterProblem(v: CaseView, body: ActionBodies['draft-decision'], actor: Actor, ctx: CaseContext): ActionError | null {
  const { comment: _c, ...draft } = body;
  const decision = { ...draft, draftedBy: actor.username, draftedAt: new Date(ctx.now).toISOString() };
  const problem = replyLetterProblem({ ...v, decision });
  return problem ? bad(`draft-decision: ${problem}`) : null;
}

/** Why this step may not be taken now, or null when it may. */
export function checkAction(v: CaseView, req: ActionRequest, ctx: CaseContext): ActionError | null {
  const shape = validateActionBody(req.action, req.body);
  if (shape.length) return bad(`${req.action}: ${shape.join('; ')}`);
  return checkStateAndRole(stepFacts(v), req.action, req.actor) ?? checkRules(v, req, ctx);
}

/** The steps this actor may take in a case with these facts (state and role; body and date rules are checked when sent). */
export function availableActionsFor(f: StepFacts, actor: Actor): ActionName[] {
  return (Object.keys(ACTION_RULES) as ActionName[]).filter((a) => checkStateAndRole(f, a, actor) === null);
}

/** The steps this actor may take now (the workflow's availableActionsQuery). */
export function availableActions(v: CaseView, actor: Actor): ActionName[] {
  return availableActionsFor(stepFacts(v), actor);
}

/**
 * The steps each role's queue holds: a case waiting on one of these waits on the role as
 * such (any holder of the role takes it), not on its assignee. Intake for clerks, the
 * review and approval of a draft for reviewers, extension and petition decisions for
 * supervisors.
 */
const ROLE_QUEUE_STEPS: Readonly<Record<Role, readonly ActionName[]>> = {
  clerk: ['confirm-receipt', 'triage'],
  reviewer: ['review-confidentiality', 'approve-decision'],
  supervisor: ['decide-extension', 'confirm-petition'],
  auditor: [],
  admin: [],
};

/**
 * The statuses in which a case can wait on the role as such: those from which one of the
 * role's queue steps may be taken. A superset of what `waitingOn` answers 'role' for, so
 * a read can narrow its rows in SQL before asking `waitingOn` about each.
 */
export function roleQueueStatuses(role: Role): CaseStatus[] {
  const from = new Set(ROLE_QUEUE_STEPS[role].flatMap((a) => ACTION_RULES[a].from));
  return CASE_STATUSES.filter((s) => from.has(s));
}

/** Why a case is in someone's inbox and what they can do in it now. */
export interface WaitingOn {
  /** assigned: the case is assigned to them; role: it waits on a step their role takes, which they may take */
  reasons: ('assigned' | 'role')[];
  /** the steps they may take now (withdraw left out: always possible, never waited for) */
  actions: ActionName[];
}

/** Whether an open case waits on this user (their inbox), and with which steps; null when it does not. */
export function waitingOn(f: StepFacts, actor: Actor): WaitingOn | null {
  if (f.status === 'closed') return null;
  const actions = availableActionsFor(f, actor).filter((a) => a !== 'withdraw');
  const reasons: WaitingOn['reasons'] = [];
  if (f.assignee !== null && f.assignee === actor.username) reasons.push('assigned');
  if (actions.some((a) => ROLE_QUEUE_STEPS[actor.role].includes(a))) reasons.push('role');
  return reasons.length ? { reasons, actions } : null;
}

// ---------------------------------------------------------------------------
// Deadlines

/**
 * The deadline input of the case as it stands: correction restart, pauses, extension. With
 * `asOf`, as it stood at the end of that day: steps dated after it left out, a pause that
 * ended later cut at it (pass asOf as `today` too, so a pause open then ends on it).
 */
export function deadlineInput(v: CaseView, today: string, asOf?: string): DeadlineInput | null {
  if (!v.receivedOn) return null;
  const cut = asOf ?? '9999-12-31';
  const upTo = (d: string) => (d > cut ? cut : d);
  const events: { key: string; e: DeadlineEvent }[] = [];
  if (v.correction?.receivedOn && v.correction.receivedOn <= cut)
    events.push({ key: v.correction.receivedOn, e: { type: 'correction_received', on: v.correction.receivedOn } });
  const regime = v.deadline?.regime ?? regimeFor(v.receivedOn);
  for (const c of v.consultations) {
    // The 2008 Regulations stop the clock only for a third party's opinion (Art. 23); an
    // organ consulted as co-maker (Art. 34 of 2019) is consulted within the period.
    if (regime === '2008' && c.kind === 'co-maker') continue;
    // Recorded after the due day had passed: the pause counts from the day it was recorded.
    const from = c.enteredAfterDueOn && c.enteredOn ? c.enteredOn : c.sentOn;
    if (from > cut) continue;
    const to = upTo(c.receivedOn ?? (c.position ? c.replyBy : today > from ? today : from));
    const e: DeadlineEvent = { type: 'paused', from, to: to < from ? from : to };
    if (from !== c.sentOn) e.sentOn = c.sentOn;
    if (c.enteredOn && c.enteredOn > c.sentOn) e.enteredOn = c.enteredOn;
    events.push({ key: from, e });
  }
  if (v.fee && v.fee.noticeOn <= cut) {
    const to = upTo(v.fee.paidOn ?? (today > v.fee.noticeOn ? today : v.fee.noticeOn));
    events.push({ key: v.fee.noticeOn, e: { type: 'paused', from: v.fee.noticeOn, to } });
  }
  const r = v.reasonsRequest;
  if (r && r.sentOn <= cut) {
    // Art. 35 does not stop the answer clock; only a later reply day set by the office moves the due day.
    events.push({ key: r.sentOn, e: { type: 'reasons_requested', on: r.sentOn, by: r.respondBy } });
    if (r.replyBy && r.receivedOn && r.receivedOn <= cut) {
      const e: DeadlineEvent = { type: 'later_reply_date', on: r.receivedOn, dueOn: r.replyBy };
      if (r.reasonsEnteredOn && r.reasonsEnteredOn > r.receivedOn) e.enteredOn = r.reasonsEnteredOn;
      if (r.replyByEnteredAfterDueOn) e.enteredAfterDueOn = r.replyByEnteredAfterDueOn;
      events.push({ key: r.receivedOn, e });
    }
  }
  if (v.extension?.approved && (asOf === undefined || extensionApprovedBy(v, asOf))) events.push({ key: '9999', e: { type: 'extended' } });
  events.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { receivedOn: v.receivedOn, regime: 'auto', events: events.map((x) => x.e) };
}

/** Whether the extension was approved by the end of `day` (the day of its decide-extension step). */
function extensionApprovedBy(v: CaseView, day: string): boolean {
  return v.history.some((s) => s.type === 'decide-extension' && s.details?.approve === true && shanghaiDay(Date.parse(s.at)) <= day);
}

/**
 * The deadline the case has on `today` counted on `index`; null once the reply is issued or the
 * case closed (frozen), or before its receipt day is known. recomputeDeadline applies it; the
 * calendar preview asks it with a proposed calendar.
 */
export function deadlineOn(v: CaseView, today: string, index: WorkingDayIndex): DeadlineResult | null {
  if (v.notice || v.status === 'closed') return null;
  const input = deadlineInput(v, today);
  return input ? computeDeadlines(input, index, { explain: false }) : null;
}

/** Recomputes the deadline facts in place; frozen once the reply is issued. Returns true when the due day moved. */
export function recomputeDeadline(v: CaseView, ctx: CaseContext): boolean {
  const today = shanghaiDay(ctx.now);
  const r = deadlineOn(v, today, ctx.index);
  if (!r) return false;
  const before = v.deadline?.dueOn;
  v.deadline = {
    regime: r.regime,
    receivedOn: r.receivedOn,
    clockStart: r.clockStart,
    dueOn: r.dueOn,
    baseDueOn: r.baseDueOn,
    correctionRequestBy: r.correctionRequestBy,
    extendedDueOn: r.extendedDueOn,
    pausedWorkingDays: r.pausedWorkingDays,
    provisional: r.provisional,
    calendarVersion: r.calendarVersion,
    // a consultation recorded after the due day had passed stops nothing (deadlineInput)
    paused:
      (openConsultation(v) !== undefined && !openConsultation(v)!.enteredAfterDueOn) ||
      (v.fee !== null && !v.fee.paidOn && v.status === 'fee_pending'),
    overdue: today > r.dueOn,
    workingDaysLate: null,
  };
  return before !== r.dueOn;
}

// ---------------------------------------------------------------------------
// Transitions

function step(
  v: CaseView,
  type: string,
  actor: Actor | 'system',
  ctx: CaseContext,
  comment?: string,
  details?: Record<string, unknown>,
): HistoryStep {
  const last = v.history.length ? v.history[v.history.length - 1].seq : 1; // seq 1 is the registration
  const s: HistoryStep = {
    seq: last + 1,
    type,
    actor: actor === 'system' ? 'system' : actor.username,
    role: actor === 'system' ? 'system' : actor.role,
    at: new Date(ctx.now).toISOString(),
    status: v.status,
  };
  if (comment !== undefined) s.comment = comment;
  if (details !== undefined) s.details = details;
  v.history.push(s);
  return s;
}

/**
 * Applies an accepted step (checkAction returned null) in place and returns the
 * history steps it added (usually one; delivery also closes the case).
 */
export function applyAction(v: CaseView, req: ActionRequest, ctx: CaseContext): HistoryStep[] {
  const today = shanghaiDay(ctx.now);
  const at = new Date(ctx.now).toISOString();
  const who = req.actor.username;
  const out: HistoryStep[] = [];
  const details: Record<string, unknown> = { ...(req.body as object) };
  delete details.comment;
  switch (req.action) {
    case 'confirm-receipt':
      v.receivedOn = req.body.receivedOn;
      v.status = 'registered';
      details.regime = regimeFor(req.body.receivedOn);
      // Ordinary mail is confirmed on the day it arrives; a confirmation on a later day is recorded as late.
      if (ctx.confirmOnArrivalDay && (req.body.receivedOn > v.arrivedOn || today > v.arrivedOn))
        details.confirmationLate = { arrivedOn: v.arrivedOn, confirmedOn: req.body.receivedOn, enteredOn: today };
      break;
    case 'triage':
      v.triageOutcome = req.body.outcome;
      v.triagedBy = who;
      v.status = 'triage';
      break;
    case 'request-correction': {
      const deliveredOn = req.body.deliveredOn ?? today;
      const periodDays = req.body.periodDays ?? DEFAULT_CORRECTION_PERIOD_WORKING_DAYS;
      const respondBy = workingDayWindow(deliveredOn, periodDays, ctx.index).endsOn;
      v.correction = { requestedOn: today, items: req.body.items, deliveredOn, periodDays, respondBy };
      v.status = 'correction_requested';
      details.respondBy = respondBy;
      break;
    }
    case 'record-correction-reason': {
      // 正当理由 (legal-rules.md section 4): the period is extended after its current end.
      const c = v.correction!;
      const respondBy = workingDayWindow(c.respondBy, req.body.extraDays, ctx.index).endsOn;
      (c.justifiedReasons ??= []).push({
        reason: req.body.reason,
        recordedOn: today,
        extraDays: req.body.extraDays,
        respondByBefore: c.respondBy,
      });
      details.respondByBefore = c.respondBy;
      c.respondBy = respondBy;
      details.respondBy = respondBy;
      break;
    }
    case 'receive-correction':
      v.correction!.receivedOn = req.body.receivedOn;
      v.triageOutcome = null;
      v.status = 'registered';
      break;
    case 'assign':
      v.assignee = req.body.assignee;
      if (req.body.department !== undefined) v.department = req.body.department;
      if (v.status === 'triage') v.status = 'assigned';
      break;
    case 'record-search':
      v.status = 'searching';
      break;
    case 'start-consultation': {
      const deliveredOn = req.body.deliveredOn ?? req.body.sentOn;
      const days = req.body.kind === 'co-maker' ? CO_MAKER_REPLY_WORKING_DAYS : THIRD_PARTY_REPLY_WORKING_DAYS;
      const replyBy = workingDayWindow(deliveredOn, days, ctx.index).endsOn;
      // Recorded after the due day had passed, it cannot un-pass it: the pause counts from today.
      const lateAfter = !ctx.legacy?.erasesLateness && v.deadline && today > v.deadline.dueOn ? v.deadline.dueOn : undefined;
      v.consultations.push({
        kind: req.body.kind,
        party: req.body.party,
        ...(req.body.information ? { information: req.body.information } : {}),
        sentOn: req.body.sentOn,
        deliveredOn,
        replyBy,
        ...(ctx.legacy?.erasesLateness ? {} : { enteredOn: today }),
        ...(lateAfter ? { enteredAfterDueOn: lateAfter } : {}),
      });
      v.status = 'consulting';
      details.replyBy = replyBy;
      if (lateAfter) details.enteredAfterDueOn = lateAfter;
      break;
    }
    case 'receive-consultation-reply': {
      const c = openConsultation(v)!;
      c.receivedOn = req.body.receivedOn;
      c.position = req.body.position;
      if (req.body.reasons) c.reasons = req.body.reasons;
      v.status = 'searching';
      break;
    }
    case 'request-extension':
      v.extension = { requestedBy: who, requestedOn: today, reason: req.body.reason };
      v.statusBeforeExtension = v.status;
      v.status = 'extension_requested';
      break;
    case 'decide-extension':
      v.extension!.approved = req.body.approve;
      v.extension!.decidedBy = who;
      v.status = v.statusBeforeExtension ?? 'searching';
      v.statusBeforeExtension = null;
      break;
    case 'draft-decision': {
      const { comment: _c, ...draft } = req.body;
      v.decision = { ...draft, draftedBy: who, draftedAt: at };
      // The engine computes the amount (drafts before 'law-round-three' carry the typed one).
      if (draft.fee?.count !== undefined) {
        v.decision.fee = { ...draft.fee, amount: feeAmount(draft.fee.basis, draft.fee.count) };
        details.fee = v.decision.fee;
      }
      v.status = 'decision_drafted';
      break;
    }
    case 'review-confidentiality': {
      const review = { approved: req.body.approve, by: who, at, ...(req.body.comment ? { comment: req.body.comment } : {}) };
      if (!req.body.approve) {
        details.draft = v.decision;
        v.decision = null;
        v.status = 'searching'; // a rejected review sends the draft back
      } else {
        v.decision!.confidentiality = review;
        if (v.status === 'decision_drafted') v.status = 'confidentiality_review';
      }
      break;
    }
    case 'approve-decision': {
      const approval = { approved: req.body.approve, by: who, at, ...(req.body.comment ? { comment: req.body.comment } : {}) };
      if (!req.body.approve) {
        details.draft = v.decision;
        v.decision = null;
        v.status = 'searching';
      } else {
        v.decision!.approval = approval;
        if (v.decision!.fee && ctx.legacy?.feeFromNotice) {
          const payBy = workingDayWindow(today, FEE_PAYMENT_WORKING_DAYS, ctx.index).endsOn;
          v.fee = { noticeOn: today, payBy };
          v.status = 'fee_pending';
          details.payBy = payBy;
        } else if (v.decision!.fee) {
          // The 20 working days run from the day after the recorded delivery (record-delivery).
          v.fee = { noticeOn: today, payBy: '', ...(v.decision!.fee.amount !== undefined ? { amount: v.decision!.fee.amount } : {}) };
          v.status = 'fee_pending';
        } else v.status = 'approval';
      }
      break;
    }
    case 'record-payment':
      v.fee!.paidOn = req.body.paidOn;
      v.status = 'approval';
      break;
    case 'request-reasons': {
      const { sentOn, periodDays, requestVolume } = req.body;
      const respondBy = workingDayWindow(sentOn, periodDays, ctx.index).endsOn;
      v.reasonsRequest = { requestedOn: today, sentOn, periodDays, respondBy, statusBefore: v.status };
      if (requestVolume) v.reasonsRequest.requestVolume = requestVolume;
      v.status = 'reasons_requested';
      details.respondBy = respondBy;
      break;
    }
    case 'receive-reasons': {
      const r = v.reasonsRequest!;
      r.receivedOn = req.body.receivedOn;
      r.outcome = req.body.reasonable ? 'reasonable' : 'unreasonable';
      if (req.body.replyBy) r.replyBy = req.body.replyBy;
      if (!ctx.legacy?.erasesLateness) {
        r.reasonsEnteredOn = today;
        // A later reply day recorded after the due day had passed replaces nothing (it cannot un-pass it).
        if (req.body.replyBy && v.deadline && today > v.deadline.dueOn) {
          r.replyByEnteredAfterDueOn = v.deadline.dueOn;
          details.enteredAfterDueOn = v.deadline.dueOn;
        }
      }
      v.status = r.statusBefore;
      break;
    }
    case 'confirm-petition':
      if (req.body.approve) {
        v.decision = {
          replyKind: 'petition',
          reasons: 'Art. 39(1): a petition, complaint or report is not handled as an application for disclosure',
          draftedBy: v.triagedBy ?? who,
          draftedAt: at,
          approval: { approved: true, by: who, at, ...(req.body.comment ? { comment: req.body.comment } : {}) },
        };
        v.status = 'approval';
      } else {
        v.triageOutcome = 'accept'; // handled as an application after all
      }
      break;
    case 'issue-notice':
      issueReply(v, who, today, ctx, details);
      break;
    case 'reissue-notice': {
      details.letters = v.failedLetters.map((l) => ({ kind: l.kind, letterKind: l.letterKind, issueKey: l.issueKey }));
      // A failed reply took back its issuing: the case is answered (and counted) on the day its letter exists.
      if (v.failedLetters.some((l) => REPLY_LETTER_KINDS.includes(l.kind)) && v.status === 'approval')
        issueReply(v, who, today, ctx, details);
      v.failedLetters = [];
      break;
    }
    case 'record-delivery':
      if (v.status === 'fee_pending') {
        // The fee notice reached the applicant: payment within 20 working days from the day after.
        v.fee!.deliveredOn = req.body.on;
        v.fee!.payBy = workingDayWindow(req.body.on, FEE_PAYMENT_WORKING_DAYS, ctx.index).endsOn;
        details.letter = 'fee-notice';
        details.payBy = v.fee!.payBy;
        break;
      }
      v.delivery = { method: req.body.method, on: req.body.on };
      v.status = 'delivered';
      if (!ctx.legacy?.latenessAtIssue) judgeDispatch(v, req.body.on, ctx, details);
      break;
    case 'withdraw':
      v.withdrawal = { on: req.body.on, ...(req.body.reason ? { reason: req.body.reason } : {}) };
      v.status = 'closed';
      v.outcome = 'withdrawn';
      break;
  }
  recomputeDeadline(v, ctx);
  if (v.deadline) details.dueOn = v.deadline.dueOn;
  const dated = effectiveDay(req.action, details, today);
  if (dated) Object.assign(details, dated);
  out.push(step(v, req.action, req.actor, ctx, req.body.comment, details));
  if (v.status === 'delivered') {
    v.status = 'closed';
    v.outcome = 'replied';
    out.push(step(v, 'closed', 'system', ctx, undefined, { outcome: 'replied', replyKind: v.decision?.replyKind }));
  }
  return out;
}

/** The body field that dates each step that can be recorded after the day it took effect. */
export const EFFECTIVE_DAY_FIELD: Partial<Record<ActionName, string>> = {
  'confirm-receipt': 'receivedOn',
  'request-correction': 'deliveredOn',
  'receive-correction': 'receivedOn',
  'start-consultation': 'sentOn',
  'receive-consultation-reply': 'receivedOn',
  'request-reasons': 'sentOn',
  'receive-reasons': 'receivedOn',
  'record-payment': 'paidOn',
  'record-delivery': 'on',
  withdraw: 'on',
};

/**
 * A back-dated step's two days: the day it took effect (its body's date) and the day it was
 * recorded (the step's own day); null when it took effect on the day it was recorded.
 */
export function effectiveDay(
  type: string,
  details: Record<string, unknown> | undefined,
  enteredOn: string,
): { effectiveOn: string; enteredOn: string } | null {
  const field = EFFECTIVE_DAY_FIELD[type as ActionName];
  const on = field ? details?.[field] : undefined;
  return typeof on === 'string' && on < enteredOn ? { effectiveOn: on, enteredOn } : null;
}

/** The notice kinds of a reply: issuing one answers the case. */
const REPLY_LETTER_KINDS: readonly string[] = ['reply', 'not-application'];

function issueReply(v: CaseView, who: string, today: string, ctx: CaseContext, details: Record<string, unknown>): void {
  v.notice = { issuedOn: today, issuedBy: who };
  v.status = 'notice_issued';
  if (v.deadline) {
    const late = ctx.index.workingDaysBetween(parseIsoDate(v.deadline.dueOn), parseIsoDate(today));
    v.deadline.workingDaysLate = late;
    v.deadline.overdue = late > 0;
    details.workingDaysLate = late;
    details.dueOn = v.deadline.dueOn;
  }
}

/**
 * legal-rules.md section 7: a reply is on time when it is issued and dispatched by the due day.
 * The dispatch day is the delivery day as recorded: in person the day the applicant signs, post
 * the day it is handed to the postal service, electronic the day it is sent (never before the
 * issue day, record-delivery checks). Lateness is judged again on that day, which the step shows.
 */
function judgeDispatch(v: CaseView, dispatchedOn: string, ctx: CaseContext, details: Record<string, unknown>): void {
  if (!v.deadline || !v.notice) return;
  const day = dispatchedOn > v.notice.issuedOn ? dispatchedOn : v.notice.issuedOn;
  const late = ctx.index.workingDaysBetween(parseIsoDate(v.deadline.dueOn), parseIsoDate(day));
  v.deadline.workingDaysLate = late;
  v.deadline.overdue = late > 0;
  details.onTimeJudgedOn = day;
  details.workingDaysLate = late;
}

/**
 * A letter the workflow asked for could not be made (NoticeRejected): recorded in the history and
 * kept until a supervisor re-issues it. A failed reply takes back the issuing of the reply: the
 * case is not answered (nor on time) until its letter exists. Applied in place.
 */
export function recordLetterFailure(v: CaseView, failure: Omit<FailedLetter, 'failedOn'>, ctx: CaseContext): HistoryStep[] {
  v.failedLetters.push({ ...failure, failedOn: shanghaiDay(ctx.now) });
  if (REPLY_LETTER_KINDS.includes(failure.kind) && v.notice && v.status === 'notice_issued') {
    v.notice = null;
    v.status = 'approval';
    if (v.deadline) v.deadline.workingDaysLate = null;
    recomputeDeadline(v, ctx);
  }
  return [step(v, 'notice_failed', 'system', ctx, undefined, { ...failure, dueOn: v.deadline?.dueOn })];
}

/** Windows that ran out by `now` (correction period, consultation reply, fee payment): applied in place. */
export function expireWindows(v: CaseView, ctx: CaseContext): HistoryStep[] {
  const today = shanghaiDay(ctx.now);
  const out: HistoryStep[] = [];
  if (
    v.status === 'correction_requested' &&
    v.correction &&
    today > v.correction.respondBy &&
    v.deadline?.regime === '2008' &&
    !ctx.legacy?.abandons2008
  ) {
    // The 2008 Regulations have no deemed abandonment (Art. 21(4) only asks for the change): the
    // case goes back to be handled as it is, flagged to the supervisor, and ends with a written reply.
    v.status = v.triageOutcome ? 'triage' : 'registered';
    out.push(
      step(v, 'correction_period_lapsed', 'system', ctx, undefined, {
        respondBy: v.correction.respondBy,
        regime: '2008',
        flaggedTo: 'supervisor',
      }),
    );
  } else if (v.status === 'correction_requested' && v.correction && today > v.correction.respondBy) {
    v.status = 'closed';
    v.outcome = 'abandoned';
    v.outcomeReason = 'correction_not_made';
    out.push(step(v, 'correction_period_expired', 'system', ctx, undefined, { respondBy: v.correction.respondBy }));
  }
  const c = openConsultation(v);
  if (v.status === 'consulting' && c && today > c.replyBy) {
    // Art. 34: a co-maker's silence is consent; Art. 32: without a reply the office decides by itself.
    c.position = c.kind === 'co-maker' ? 'deemed-consent' : 'no-reply';
    v.status = 'searching';
    recomputeDeadline(v, ctx);
    out.push(
      step(v, 'consultation_window_expired', 'system', ctx, undefined, {
        kind: c.kind,
        replyBy: c.replyBy,
        position: c.position,
        dueOn: v.deadline?.dueOn,
      }),
    );
  }
  const r = v.reasonsRequest;
  if (v.status === 'reasons_requested' && r && today > r.respondBy) {
    // No reasons in time: treated as unreasonable, so the excessive reply (Art. 35) becomes possible.
    r.outcome = 'no-reply';
    v.status = r.statusBefore;
    recomputeDeadline(v, ctx);
    out.push(step(v, 'reasons_period_expired', 'system', ctx, undefined, { respondBy: r.respondBy, outcome: r.outcome }));
  }
  if (v.status === 'fee_pending' && v.fee && !v.fee.paidOn && v.fee.payBy && today > v.fee.payBy) {
    v.status = 'closed';
    v.outcome = 'abandoned';
    v.outcomeReason = 'fee_not_paid';
    out.push(step(v, 'fee_payment_expired', 'system', ctx, undefined, { payBy: v.fee.payBy }));
  }
  return out;
}

// ---------------------------------------------------------------------------
// Alarms

export interface Alarm {
  key: string;
  at: number; // epoch ms
  /** confirmation: ordinary mail still unconfirmed after its arrival day (flag, then a reminder each working day) */
  kind: 'reminder' | 'escalation' | 'wake' | 'confirmation';
  /** reminders: working days before the due day */
  workingDaysBefore?: number;
  dueOn?: string;
  on?: string;
}

/** True while the answer clock runs and nobody has answered yet. */
export function clockRunning(v: CaseView): boolean {
  return v.deadline !== null && v.notice === null && v.status !== 'closed' && v.status !== 'correction_requested' && !v.deadline.paused;
}

/**
 * The next alarms not yet fired: reminders to the clerk (5 and 2 working days
 * before and on the due day, 09:00), a daily escalation on every working day while
 * overdue, and wake-ups at the end of every open window.
 */
export function pendingAlarms(v: CaseView, ctx: CaseContext, fired: ReadonlySet<string>): Alarm[] {
  const today = shanghaiDay(ctx.now);
  const out: Alarm[] = [];
  const at9 = (d: string) => startOfShanghaiDay(d) + (ctx.notifyHour !== undefined ? ctx.notifyHour * 3600_000 : NOTIFY_HOUR_MS);
  const endOf = (d: string) => startOfShanghaiDay(d) + DAY_MS;
  if (v.deadline && v.notice === null && v.status !== 'closed' && v.status !== 'correction_requested') {
    const dueOn = v.deadline.dueOn;
    if (clockRunning(v)) {
      for (const r of reminderDays(dueOn, ctx.index, ctx.reminderOffsets ?? DEFAULT_REMINDER_OFFSETS)) {
        const key = `reminder:${dueOn}:${r.workingDaysBefore}`;
        if (r.on >= today && !fired.has(key))
          out.push({ key, at: at9(r.on), kind: 'reminder', workingDaysBefore: r.workingDaysBefore, dueOn, on: r.on });
      }
    }
    // Overdue: from the day after the due day, every working day until the reply is issued.
    const i = ctx.index;
    let d = i.addWorkingDays(parseIsoDate(dueOn), 1);
    const t = parseIsoDate(today);
    if (d < t) d = i.isWorkingDay(t) ? t : i.addWorkingDays(t, 1);
    while (fired.has(`escalation:${i.isoDate(d)}`)) d = i.addWorkingDays(d, 1);
    out.push({ key: `escalation:${i.isoDate(d)}`, at: at9(i.isoDate(d)), kind: 'escalation', dueOn, on: i.isoDate(d) });
    const overdueKey = `overdue:${dueOn}`;
    if (!fired.has(overdueKey)) out.push({ key: overdueKey, at: endOf(dueOn), kind: 'wake' });
  }
  if (ctx.confirmOnArrivalDay && v.status === 'awaiting_confirmation') {
    // Flagged at the end of the arrival day, then reminded at the notify hour of every working day after it.
    const flag = `confirmation-overdue:${v.arrivedOn}`;
    if (!fired.has(flag)) out.push({ key: flag, at: endOf(v.arrivedOn), kind: 'confirmation', on: v.arrivedOn });
    else {
      const i = ctx.index;
      let d = i.addWorkingDays(parseIsoDate(v.arrivedOn), 1);
      const t = parseIsoDate(today);
      if (d < t) d = i.isWorkingDay(t) ? t : i.addWorkingDays(t, 1);
      while (fired.has(`confirmation-reminder:${i.isoDate(d)}`)) d = i.addWorkingDays(d, 1);
      out.push({ key: `confirmation-reminder:${i.isoDate(d)}`, at: at9(i.isoDate(d)), kind: 'confirmation', on: i.isoDate(d) });
    }
  }
  const windowEnd = (key: string, endsOn: string) => {
    if (!fired.has(key)) out.push({ key, at: endOf(endsOn), kind: 'wake' });
  };
  if (v.status === 'correction_requested' && v.correction) windowEnd(`correction:${v.correction.respondBy}`, v.correction.respondBy);
  const c = openConsultation(v);
  if (c) windowEnd(`consultation:${c.sentOn}:${c.replyBy}`, c.replyBy);
  if (v.status === 'fee_pending' && v.fee?.payBy) windowEnd(`fee:${v.fee.payBy}`, v.fee.payBy);
  if (v.status === 'reasons_requested' && v.reasonsRequest) windowEnd(`reasons:${v.reasonsRequest.respondBy}`, v.reasonsRequest.respondBy);
  return out.sort((a, b) => a.at - b.at);
}
