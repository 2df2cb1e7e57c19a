// Issued letters (legal-rules.md section 7): what the workflow asks the issueNotice activity
// for, and the small reference it keeps in its state. The documents themselves live in PostgreSQL.
import type { FieldValue, LetterKind } from '../documents/document.types';

/** The kind of letter as the case sees it; one notice per (case, kind, issue key). */
export const NOTICE_KINDS = [
  'receipt',
  'correction',
  'extension',
  'consultation',
  'fee',
  'reply',
  'not-application',
  'abandonment',
  'withdrawal',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export interface IssueNoticeInput {
  applicationId: string;
  kind: NoticeKind;
  /** The libs/documents letter (template) kind, e.g. reply-partial. */
  letterKind: LetterKind;
  /** Unique per case and kind (e.g. 'registration', 'reply', 'step-7'): a retried activity issues nothing twice. */
  issueKey: string;
  /** Asia/Shanghai day the letter is dated (workflow time). */
  issuedOn: string;
  issuedBy: string;
  /** Template field values the case provides; the activity adds what the projection knows. */
  fields: Record<string, FieldValue>;
  /** The clerk's plain-language reasons. */
  reasons?: string;
}

/** What the workflow keeps of an issued notice. */
export interface NoticeRef {
  id: string;
  kind: NoticeKind;
  number: string;
  contentHash: string;
}

/** One notice in GET /api/applications/:id/notices. */
export interface NoticeSummary extends NoticeRef {
  letterKind: LetterKind;
  issuedAt: string;
  templateId: string;
  templateVersion: number;
}
