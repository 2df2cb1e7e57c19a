// Shared types of one application, used by the API, the workflow and the activities.
import type { CalendarData } from '../calendar/calendar.types';
import type { NoticeRef } from './notice';

export const CHANNELS = ['in_person', 'post', 'mail', 'online', 'fax'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Channels whose receipt day is the day both sides confirm (Art. 31(2),(3)). */
export const CONFIRMATION_CHANNELS: readonly Channel[] = ['mail', 'online', 'fax'];

export const APPLICANT_TYPES = ['natural_person', 'legal_person'] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];
export const APPLICANT_CATEGORIES = ['business', 'research', 'nonprofit', 'law_firm', 'other'] as const;
export type ApplicantCategory = (typeof APPLICANT_CATEGORIES)[number];

export type Regime = '2008' | '2019';

export const APPLICATION_STATUSES = ['awaiting_confirmation', 'registered'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export interface ApplicantInput {
  type: ApplicantType;
  category?: ApplicantCategory;
  name: string;
  idNumber?: string;
  contact: { phone?: string; email?: string; address?: string };
}

export interface RequestInput {
  description: string;
  documentNumber?: string;
  form?: string;
  delivery?: string;
}

export interface SubmissionInput {
  channel: Channel;
  receivedOn?: string;
  applicant: ApplicantInput;
  request: RequestInput;
}

export interface ApplicationWorkflowInput {
  applicationId: string;
  officeCode: string;
  /** ISO instant the submission reached the office (recorded as well as the receipt day). */
  arrivedAt: string;
  submittedBy: { username: string; role: string };
  submission: SubmissionInput;
  /** The office's clock settings when the case started (absent in older cases: the defaults). */
  settings?: CaseSettings;
}

export interface CaseSettings {
  /** working days before the due day at which the assignee is reminded (0 = on the day) */
  reminderOffsets?: number[];
  /** hour (Asia/Shanghai) at which reminders and escalations go out */
  notifyHour?: number;
  /**
   * Fault tests only (TEST_CLOCK=on, refused unless NODE_ENV=test): the case accepts the
   * testClock signal, which moves its clock forward so that a timer falls due within seconds.
   */
  testClock?: boolean;
}

export interface RegistrationResult {
  id: string;
  registrationNumber: string;
  regime: Regime | null;
  receivedOn: string | null;
  dueOn: string | null;
  status: ApplicationStatus;
}

/** The calendar years a case needs: from its earliest day to two years after its latest. */
export function calendarYearsFor(days: readonly string[]): { fromYear: number; toYear: number } {
  const years = days.map((d) => Number(d.slice(0, 4)));
  return { fromYear: Math.min(...years), toYear: Math.max(...years) + 2 };
}

/**
 * What the registration local activity answers: the registration, the calendar years
 * the case needs and the receipt letter, so the case is registered, acknowledged and
 * ready for its first step within one workflow task.
 */
export interface CaseRegistration {
  registration: RegistrationResult;
  calendar: CalendarData;
  fromYear: number;
  toYear: number;
  /** The registration receipt (登记回执), issued in the same call when the receipt day is known. */
  receipt: NoticeRef | null;
  /** Why the receipt could not be issued (the registration stands; the clerk issues it by hand). */
  receiptError?: string;
}

export const workflowIdFor = (applicationId: string): string => `application-${applicationId}`;
