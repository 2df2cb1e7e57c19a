// Signals, updates and queries of the application workflow, defined once and
// imported by both the workflow and the API (the Temporal client side).
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { RegistrationResult } from './application';
import type { ActionRequest, ActionResult, AvailableAction, CaseView } from './case';
import type { NoticeRef } from './notice';
import type { Actor } from './roles';

export const APPLICATION_WORKFLOW_TYPE = 'applicationWorkflow';

/** Waits until the application is registered and returns its registration. */
export const registrationUpdate = defineUpdate<RegistrationResult>('registration');

/**
 * One human step of the case. The validator rejects it (ApplicationFailure of type
 * WrongState / Forbidden / BadRequest, see ACTION_ERROR_TYPES) before it enters
 * history; an accepted step returns the new state once it is written to PostgreSQL.
 */
export const actionUpdate = defineUpdate<ActionResult, [ActionRequest]>('action');

export interface ApplicationState {
  registration?: RegistrationResult;
  /** the case once registered */
  case?: CaseView;
  /** the letters issued so far (the documents are in PostgreSQL: GET /api/applications/:id/notices) */
  notices?: NoticeRef[];
}
export const stateQuery = defineQuery<ApplicationState>('state');

/** The actions this actor may take now (state and role; the body is checked when sent). */
export const availableActionsQuery = defineQuery<AvailableAction[], [Actor]>('availableActions');

/** The answer deadline in force, day by day (libs/deadline explanation); null before receipt. */
export const deadlineExplanationQuery = defineQuery<DeadlineExplanationView | null>('deadlineExplanation');
export interface DeadlineExplanationView {
  dueOn: string;
  calendarVersion: string;
  text: string[];
  /** sentOn: the letter's day when the pause counts only from the day it was recorded; enteredOn: the day it was recorded, when later */
  pauses: { from: string; to: string; workingDaysRemoved: number; sentOn?: string; enteredOn?: string }[];
  extension: { days: number; afterDueOn: string; dueOn: string } | null;
  /** Art. 35 later reply day that replaced the due day (enteredOn: the day it was recorded, when later) */
  laterReplyDate?: { setOn: string; afterDueOn: string; dueOn: string; enteredOn?: string } | null;
  /** Art. 35 later reply day recorded after the due day then in force had passed: it replaced nothing */
  laterReplyDateEnteredLate?: { setOn: string; dueOn: string; enteredOn: string; dueOnWhenEntered: string } | null;
  provisionalYears: number[];
}

/** An administrator loaded a calendar arrangement: reload it and recompute the deadlines. */
export const calendarUpdatedSignal = defineSignal<[{ version?: string }?]>('calendarUpdated');

/**
 * Fault tests only: the case's clock runs `offsetMs` ahead of Temporal's from now on (replacing
 * any earlier offset), so a reminder, an escalation or a window end falls due seconds later in
 * real time. Handled only by cases started with `settings.testClock` (TEST_CLOCK=on, which the
 * configuration refuses outside NODE_ENV=test); other cases ignore it as an unknown signal.
 */
export const testClockSignal = defineSignal<[{ offsetMs: number }]>('testClock');

/** The workflow that carries a calendar load or correction to the open cases it touches. */
export const CALENDAR_FANOUT_WORKFLOW_TYPE = 'calendarFanoutWorkflow';
export interface CalendarFanoutInput {
  /** the job's id, also its workflow id */
  jobId: string;
  year: number;
  /** the calendar version the cases are told about */
  version: string;
  /** cases signalled per page (one activity call each) */
  pageSize?: number;
}
/** The workflow that replays the histories of the cases closed in a period, a page per activity. */
export const REPLAY_VERIFY_WORKFLOW_TYPE = 'replayVerifyWorkflow';
export interface ReplayVerifyInput {
  /** the job's id, also its workflow id */
  jobId: string;
  officeId: string;
  /** the period [closedFrom, closedTo), ISO instants */
  closedFrom: string;
  closedTo: string;
  /** histories replayed per page (one activity call each) */
  pageSize?: number;
}
export interface ReplayVerifyResult {
  pages: number;
  checked: number;
  failed: number;
}

export interface CalendarFanoutResult {
  pages: number;
  signalled: number;
  notRunning: number;
}
