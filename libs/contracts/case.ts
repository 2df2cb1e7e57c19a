// The human steps of one case (legal-rules.md sections 2-8): statuses, action
// names, their bodies and what an accepted step returns. Shared by the workflow,
// the API and the pure rules in libs/case.
import type { LetterKind, WithholdingGround } from '../documents/document.types';
import type { NoticeKind } from './notice';
import type { Actor, Role } from './roles';

/**
 * A status names the last step the case went through (registered, triage done,
 * assigned, ...). `closed` is the only final status; `outcome` says how it ended.
 */
export const CASE_STATUSES = [
  'awaiting_confirmation',
  'registered',
  'triage',
  'correction_requested',
  'assigned',
  'searching',
  'consulting',
  /** Art. 35: the applicant was asked to state the reasons for a very large number of requests */
  'reasons_requested',
  'extension_requested',
  'decision_drafted',
  'confidentiality_review',
  'approval',
  'fee_pending',
  'notice_issued',
  'delivered',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** How a closed case ended (不拒办: every case ends with one of these). */
export const CASE_OUTCOMES = ['replied', 'withdrawn', 'abandoned'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

export const ACTION_NAMES = [
  'confirm-receipt',
  'triage',
  'request-correction',
  'receive-correction',
  'assign',
  'record-search',
  'start-consultation',
  'receive-consultation-reply',
  'request-extension',
  'decide-extension',
  'draft-decision',
  'review-confidentiality',
  'approve-decision',
  'issue-notice',
  'record-delivery',
  'withdraw',
  'confirm-petition',
  'record-payment',
  'request-reasons',
  'receive-reasons',
  /** a supervisor issues again the letters that failed (a template an administrator broke, fixed since) */
  'reissue-notice',
  /** the applicant's justified reason (正当理由) for not correcting in time: extends the correction period */
  'record-correction-reason',
] as const;
export type ActionName = (typeof ACTION_NAMES)[number];

export const TRIAGE_OUTCOMES = [
  'accept',
  'needs-correction',
  'petition',
  'repeated',
  'not-held',
  'other-organ',
  'already-public',
  'special-route',
  'excessive',
] as const;
export type TriageOutcome = (typeof TRIAGE_OUTCOMES)[number];

export const REPLY_KINDS = [
  'already-public',
  'disclose',
  'partial',
  'refuse',
  'not-exist',
  'other-organ',
  'repeated',
  'special-route',
  'cannot-create',
  'petition',
  'excessive',
  /** 无法提供-3: the corrected application is still unclear (only after a correction was received) */
  'unclear-after-correction',
  /** 不予处理-3, Art. 39(2): public publications; the letter says where to get them */
  'publication',
  /** 不予处理-5: asks the office to confirm or re-issue information the applicant already obtained */
  'confirm-or-reissue',
] as const;
export type ReplyKind = (typeof REPLY_KINDS)[number];

/** Replies that disclose something pass the confidentiality review first (Art. 17). */
export const DISCLOSING_REPLY_KINDS: readonly ReplyKind[] = ['disclose', 'partial'];

export const CONSULTATION_KINDS = ['third-party', 'co-maker'] as const;
export type ConsultationKind = (typeof CONSULTATION_KINDS)[number];
export const CONSULTATION_POSITIONS = ['consent', 'objection', 'none'] as const;
export type ConsultationPosition = (typeof CONSULTATION_POSITIONS)[number];
export const DELIVERY_METHODS = ['in_person', 'post', 'electronic'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export const PART_DISPOSITIONS = ['disclose', 'withhold'] as const;
export type PartDisposition = (typeof PART_DISPOSITIONS)[number];

/** Every body may carry a comment; it is recorded with the step. */
interface Commented {
  comment?: string;
}

export interface ConfirmReceiptBody extends Commented {
  receivedOn: string;
}
export interface TriageBody extends Commented {
  outcome: TriageOutcome;
  /** Art. 36(5): the organ that holds the information */
  otherOrgan?: string;
}
export interface RequestCorrectionBody extends Commented {
  items: string[];
  /** the reasonable period of the notice; default 15 working days */
  periodDays?: number;
  /** the day the notice reached the applicant; default: the day of this step */
  deliveredOn?: string;
}
export interface ReceiveCorrectionBody extends Commented {
  receivedOn: string;
}
/** A justified reason (正当理由) why the applicant cannot correct within the period, and how long it extends it. */
export interface RecordCorrectionReasonBody extends Commented {
  reason: string;
  /** working days added after the current end of the period */
  extraDays: number;
}
export interface AssignBody extends Commented {
  assignee: string;
  department?: string;
}
export interface RecordSearchBody extends Commented {
  summary: string;
  found?: boolean;
}
export interface StartConsultationBody extends Commented {
  kind: ConsultationKind;
  party: string;
  sentOn: string;
  /** the day the letter reached the party; its 15 working days start here (default: sentOn) */
  deliveredOn?: string;
  /** the information that concerns the party, named in the letter (default: the request as a whole) */
  information?: string;
}
export interface ReceiveConsultationReplyBody extends Commented {
  receivedOn: string;
  position: ConsultationPosition;
  reasons?: string;
}
export interface RequestExtensionBody extends Commented {
  reason: string;
}
export interface DecisionBody extends Commented {
  approve: boolean;
}
export interface DecisionPart {
  description: string;
  disposition: PartDisposition;
  /** a withheld part's ground, from the regime's list (libs/documents withholding-grounds.data.ts) */
  ground?: WithholdingGround;
  /** the clerk's words on why this part is withheld; the decision's reasons when absent */
  explanation?: string;
  /**
   * Drafts accepted before the list (still read from histories and running cases, never accepted
   * in a new body): a ground code, or free words that name no ground.
   */
  exemption?: string;
}
/** Art. 36(6): the earlier application of the same applicant for the same information, already answered. */
export interface PreviousApplication {
  applicationNumber: string;
  repliedOn: string;
  noticeNumber?: string;
}
/** Art. 36(7): the law or administrative regulation with its own access route, and where to go. */
export interface SpecialRoute {
  recordType: string;
  law: string;
  route: string;
}
export interface DraftDecisionBody extends Commented {
  replyKind: ReplyKind;
  reasons: string;
  parts?: DecisionPart[];
  /** medium: how the information is supplied (per-volume fees only for paper or copied data) */
  provision?: { form: string; method: string; medium?: 'paper' | 'copied-data' | 'electronic' | 'inspection' };
  /** other-organ reply (Art. 36(5)): the responsible organ's name and its contact details */
  otherOrgan?: string;
  otherOrganContact?: string;
  /** other-organ reply: the office could not determine the responsible organ (Art. 36(5) 能够确定的 only) */
  otherOrganUndetermined?: boolean;
  /**
   * Why non-disclosure would seriously harm the public interest (Art. 15, 32): needed when the draft
   * releases the information of a third party that objected; the third party is then told in writing.
   */
  publicInterest?: string;
  /**
   * A processing fee (国办函〔2020〕109号): the basis and the count (per application: the ordinal of
   * this application among the applicant's applications in the calendar month; per volume: pages).
   * The amount is computed by the engine; drafts recorded before 'law-round-three' typed it.
   */
  fee?: { basis: 'per-application' | 'per-volume'; count?: number; amount?: number };
  /** required for a repeated reply */
  previous?: PreviousApplication;
  /** required for a special-route reply */
  specialRoute?: SpecialRoute;
  /** excessive reply (Art. 35): the number and frequency of the requests, in words */
  requestVolume?: string;
  /** required for a publication reply (Art. 39(2)) */
  publication?: { name: string; whereToGet: string };
}
export type IssueNoticeBody = Commented;
export type ReissueNoticeBody = Commented;
export interface RecordDeliveryBody extends Commented {
  method: DeliveryMethod;
  on: string;
}
export interface WithdrawBody extends Commented {
  on: string;
  reason?: string;
}
export interface RecordPaymentBody extends Commented {
  paidOn: string;
}
/** Art. 35: the office asks the applicant to state the reasons for a very large number of requests. */
export interface RequestReasonsBody extends Commented {
  sentOn: string;
  /** working days the applicant has to answer, from the day after sentOn */
  periodDays: number;
  /** the number and frequency of the requests, in words (named in the letter) */
  requestVolume?: string;
}
/** The applicant's reasons: unreasonable -> not processed; reasonable -> answered, by replyBy when set. */
export interface ReceiveReasonsBody extends Commented {
  receivedOn: string;
  reasonable: boolean;
  /** reasonable but too many to answer in time: the later reply day the office sets (after the due day in force) */
  replyBy?: string;
}

export interface ActionBodies {
  'confirm-receipt': ConfirmReceiptBody;
  triage: TriageBody;
  'request-correction': RequestCorrectionBody;
  'receive-correction': ReceiveCorrectionBody;
  assign: AssignBody;
  'record-search': RecordSearchBody;
  'start-consultation': StartConsultationBody;
  'receive-consultation-reply': ReceiveConsultationReplyBody;
  'request-extension': RequestExtensionBody;
  'decide-extension': DecisionBody;
  'draft-decision': DraftDecisionBody;
  'review-confidentiality': DecisionBody;
  'approve-decision': DecisionBody;
  'issue-notice': IssueNoticeBody;
  'record-delivery': RecordDeliveryBody;
  withdraw: WithdrawBody;
  'confirm-petition': DecisionBody;
  'record-payment': RecordPaymentBody;
  'request-reasons': RequestReasonsBody;
  'receive-reasons': ReceiveReasonsBody;
  'reissue-notice': ReissueNoticeBody;
  'record-correction-reason': RecordCorrectionReasonBody;
}

/** One human step, sent as the `action` Update. */
export type ActionRequest = {
  [A in ActionName]: { action: A; actor: Actor; body: ActionBodies[A]; requestId?: string };
}[ActionName];

/** Failure types of a rejected step; the API maps them to 409 / 403 / 400. */
export const ACTION_ERROR_TYPES = { wrongState: 'WrongState', forbidden: 'Forbidden', badRequest: 'BadRequest' } as const;
export type ActionErrorType = (typeof ACTION_ERROR_TYPES)[keyof typeof ACTION_ERROR_TYPES];

/** One accepted step (or a clock event the workflow recorded itself, actor `system`). */
export interface HistoryStep {
  seq: number;
  type: string; // the action name, or a system event such as 'correction_period_expired'
  actor: string;
  role: Role | 'system';
  at: string; // ISO instant, workflow time
  comment?: string;
  status: CaseStatus; // status after the step
  details?: Record<string, unknown>;
}

export interface ConsultationState {
  kind: ConsultationKind;
  party: string;
  information?: string;
  sentOn: string;
  deliveredOn: string;
  replyBy: string; // end of the 15 working-day window
  /** the day the step was recorded (sentOn may be earlier) */
  enteredOn?: string;
  /**
   * recorded after this due day (then in force) had passed: the letter was lawful on its own day,
   * but the pause counts only from enteredOn, so the lateness already run up stays
   */
  enteredAfterDueOn?: string;
  receivedOn?: string;
  position?: ConsultationPosition | 'deemed-consent' | 'no-reply';
  reasons?: string;
}

/** Art. 35 on this case: the request for reasons and what came of it. */
export interface ReasonsRequestState {
  requestedOn: string;
  sentOn: string;
  periodDays: number;
  /** end of the period to state reasons */
  respondBy: string;
  requestVolume?: string;
  /** the status the case returns to once the reasons are in or the period ran out */
  statusBefore: CaseStatus;
  receivedOn?: string;
  /** 'no-reply': the period ran out without reasons, treated as unreasonable */
  outcome?: 'reasonable' | 'unreasonable' | 'no-reply';
  /** the later reply day the office set for a reasonable but very large request */
  replyBy?: string;
  /** the day the reasons (and the later reply day) were recorded (receivedOn may be earlier) */
  reasonsEnteredOn?: string;
  /** the later reply day was recorded after this due day (then in force) had passed: it replaces nothing */
  replyByEnteredAfterDueOn?: string;
}

export interface DecisionState extends DraftDecisionBody {
  draftedBy: string;
  draftedAt: string;
  confidentiality?: { approved: boolean; by: string; at: string; comment?: string };
  approval?: { approved: boolean; by: string; at: string; comment?: string };
}

export interface DeadlineFactsView {
  regime: '2008' | '2019';
  receivedOn: string;
  clockStart: string;
  dueOn: string;
  baseDueOn: string;
  correctionRequestBy: string | null;
  extendedDueOn: string | null;
  pausedWorkingDays: number;
  provisional: boolean;
  calendarVersion: string;
  /** a consultation or fee notice is open: the clock stands still, dueOn assumes it ends today */
  paused: boolean;
  overdue: boolean;
  /** working days late when answered (0 when on time); null while not answered */
  workingDaysLate: number | null;
}

/** A letter the case's step asked for that could not be made (NoticeRejected); it waits for reissue-notice. */
export interface FailedLetter {
  kind: NoticeKind;
  letterKind: LetterKind;
  issueKey: string;
  /** why the letter could not be made */
  error: string;
  failedOn: string;
}

/** The live state of a case (stateQuery) and what an accepted step returns. */
export interface CaseView {
  applicationId: string;
  registrationNumber: string | null;
  /** Asia/Shanghai day the submission arrived */
  arrivedOn: string;
  /** receipt (confirmation) day; null while awaiting confirmation */
  receivedOn: string | null;
  status: CaseStatus;
  outcome: CaseOutcome | null;
  /** why it was abandoned: the correction or the fee was not made in time */
  outcomeReason: 'correction_not_made' | 'fee_not_paid' | null;
  triageOutcome: TriageOutcome | null;
  triagedBy: string | null;
  assignee: string | null;
  department: string | null;
  deadline: DeadlineFactsView | null;
  correction: {
    requestedOn: string;
    items: string[];
    deliveredOn: string;
    periodDays: number;
    respondBy: string;
    receivedOn?: string;
    /** justified reasons recorded (正当理由), each extending respondBy */
    justifiedReasons?: { reason: string; recordedOn: string; extraDays: number; respondByBefore: string }[];
  } | null;
  consultations: ConsultationState[];
  /** Art. 35 request for reasons; null when none was sent */
  reasonsRequest: ReasonsRequestState | null;
  extension: { requestedBy: string; requestedOn: string; reason: string; approved?: boolean; decidedBy?: string } | null;
  decision: DecisionState | null;
  /**
   * The fee notice: noticeOn the day it was issued; deliveredOn the recorded delivery (record-delivery
   * while fee_pending), from the day after which the 20 working days run; payBy is empty ('') until
   * then. Cases before 'law-round-three' counted from noticeOn.
   */
  fee: { noticeOn: string; payBy: string; paidOn?: string; deliveredOn?: string; amount?: number } | null;
  notice: { issuedOn: string; issuedBy: string } | null;
  delivery: { method: DeliveryMethod; on: string } | null;
  withdrawal: { on: string; reason?: string } | null;
  /** status the case returns to when the pending extension is decided */
  statusBeforeExtension: CaseStatus | null;
  /** letters that failed and are not issued yet (a failed reply leaves the case unanswered) */
  failedLetters: FailedLetter[];
  history: HistoryStep[];
}

export type ActionResult = CaseView;

/** An action the caller's role may take now (availableActionsQuery). */
export interface AvailableAction {
  action: ActionName;
}
