// Answers whose OpenAPI description has no schema yet (plain interfaces on the server side):
// typed here from the server's interfaces, next to the generated schema.
import type { Schemas } from './client';

export interface NotificationView {
  id: string;
  applicationId: string;
  registrationNumber: string;
  kind: string;
  message: string;
  dueOn: string | null;
  sentBy: string | null;
  createdAt: string;
  readAt: string | null;
}
export interface NotificationsDto {
  items: NotificationView[];
  unread: number;
}
export interface NoticeSummary {
  id: string;
  kind: string;
  letterKind: string;
  number: string;
  issuedAt: string;
}
export interface DeadlineDto {
  id: string;
  deadline: { dueOn: string; text: string[]; provisionalYears: number[] } | null;
}
export interface InboxItem {
  id: string;
  registrationNumber: string;
  status: string;
  dueOn: string | null;
  overdue: boolean;
  department: string | null;
  assignee: string | null;
  actions: string[];
}
export interface InboxDto {
  items: InboxItem[];
  total: number;
}
export type ApplicationView = Omit<Schemas['ApplicationViewDto'], 'applicant' | 'request' | 'status'> & {
  status: string;
  applicant: { type: string; category: string | null; name: string; idNumberMasked: string | null };
  request: { description: string; documentNumber: string | null; form: string | null; delivery: string | null };
};

/** The data of an answer the schema does not describe, as the server's type. */
export const as = <T>(p: Promise<unknown>): Promise<T> => p as Promise<T>;

export interface BoardCase {
  id: string;
  registrationNumber: string;
  status: string;
  dueOn: string | null;
  department: string | null;
  assignee: string | null;
  workingDaysLeft: number | null;
}
export interface BoardGroup {
  count: number;
  byDepartment: { department: string | null; count: number }[];
  byAssignee: { assignee: string | null; count: number }[];
  items: BoardCase[];
}
export interface BoardDto {
  today: string;
  days: number;
  dueSoonUntil: string;
  overdue: BoardGroup;
  dueSoon: BoardGroup;
  heldByDeactivated: BoardGroup;
}
export interface CaseStep {
  seq: number;
  type: string;
  actor: string;
  actorRole: string;
  occurredAt: string;
  comment: string | null;
  details: Record<string, unknown>;
}
export interface Rate {
  answered: number;
  onTime: number;
  onTimeRate: number | null;
  meanWorkingDays: number | null;
}
export interface StatsDto {
  from: string;
  to: string;
  department: string | null;
  overall: Rate;
  byDepartment: (Rate & { department: string | null })[];
  byMonth: (Rate & { month: string })[];
  receivedByMonth: { month: string; received: number }[];
  outcomes: { key: string; label: string; count: number }[];
  openByAge: { key: string; label: string; min: number | null; max: number | null; count: number }[];
}
export interface AnnualReportDto {
  year: number;
  office: { code: string; name: string };
  columns: string[];
  rows: { key: string; label: string; values: number[] }[];
  balanced: boolean;
  unclassified: { registrationNumber: string; reason: string }[];
  remedies: { columns: string[]; rows: { key: string; label: string; values: number[] }[]; recorded: boolean; line: number[] };
}
