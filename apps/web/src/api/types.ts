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
