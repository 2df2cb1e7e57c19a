// Types of the document layer: laws and citations, notice templates (data), the input a
// clerk's decision provides, and the structured notice the renderers turn into HTML/DOCX/PDF.
import { REPLY_KINDS as CASE_REPLY_KINDS, type ReplyKind as CaseReplyKind } from '../contracts/case';
import type { ApplicantType, Regime } from '../contracts/application';

export type { Regime };

/** Laws and normative documents the notices cite. Each has an article table in law-articles.data.ts. */
export const LAW_IDS = [
  'ogi-2008', // 2008 Regulations, State Council Order 492
  'ogi-2019', // 2019 Regulations, State Council Order 711
  'reconsideration-1999', // Administrative Reconsideration Law 1999 (as amended 2009, 2017), until 2023-12-31
  'reconsideration-2023', // Administrative Reconsideration Law as revised 2023, from 2024-01-01
  'litigation-1989', // Administrative Litigation Law 1989, until 2015-04-30
  'litigation-2017', // Administrative Litigation Law as amended 2014 (from 2015-05-01) and 2017
  'fee-measures-2020', // 政府信息公开信息处理费管理办法, 国办函〔2020〕109号, from 2021-01-01
] as const;
export type LawId = (typeof LAW_IDS)[number];

export interface Citation {
  law: LawId;
  /** Omitted when the document is cited as a whole. */
  article?: number;
  /** 款 (1-based). */
  paragraph?: number;
  /** 项 (1-based). */
  item?: number;
}

export interface ArticleEntry {
  /** Short title / summary in Chinese, for reviewers and the citations list. */
  title: string;
  /** Number of 款 in the article, when a citation may name one. */
  paragraphs?: number;
  /** 项, keyed by number, with a short summary; for items of a multi-paragraph article see itemsInParagraph. */
  items?: Readonly<Record<number, string>>;
  /** Which paragraph the items belong to (default: the only paragraph). */
  itemsInParagraph?: number;
}

export interface LawTable {
  id: LawId;
  /** Title as cited, without book-title marks. */
  title: string;
  /** Document number shown after the title, e.g. 国办函〔2020〕109号. */
  documentNumber?: string;
  enactedBy: string;
  inForceFrom: string;
  inForceUntil?: string;
  articles: Readonly<Record<number, ArticleEntry>>;
}

/** Every reply kind of a case; each has a letter (see replyLetterKind). */
export type ReplyKind = CaseReplyKind;
export const REPLY_KINDS: readonly ReplyKind[] = CASE_REPLY_KINDS;

export const LETTER_KINDS = [
  'registration-receipt',
  'correction-notice',
  'third-party-consultation',
  /** Art. 32 (2008: Art. 23): the office discloses over the third party's objection and tells it in writing */
  'third-party-disclosure-notice',
  'co-maker-consultation',
  'extension-notice',
  'reasons-request',
  'later-reply-date',
  'fee-notice',
  'reply-already-public',
  'reply-disclose',
  'reply-partial',
  'reply-refuse',
  'reply-not-exist',
  'reply-other-organ',
  'reply-repeated',
  'reply-special-route',
  'reply-cannot-create',
  'reply-excessive',
  'reply-unclear-after-correction',
  'reply-confirm-or-reissue',
  'not-ogi-petition',
  'not-ogi-publication',
  'abandonment-correction',
  'abandonment-fee',
  'withdrawal-confirmation',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** The letter of a reply kind: the Art. 39 replies (petition, publication) are not reply notices of Art. 36. */
export function replyLetterKind(kind: ReplyKind): LetterKind {
  if (kind === 'petition') return 'not-ogi-petition';
  if (kind === 'publication') return 'not-ogi-publication';
  return `reply-${kind}`;
}

/**
 * Which remedies paragraph a letter carries. 'refusal': an answer that leaves the applicant without
 * the information asked for (annual report rows 不予公开, 无法提供, 不予处理), which since 2024-01-01
 * goes to reconsideration first (see REMEDIES.md); 'partial': the withheld part follows 'refusal',
 * the rest 'standard'.
 */
export type RemedyRule = 'none' | 'standard' | 'refusal' | 'partial';

/** Grounds for withholding information (refuse, and the withheld parts of a partial disclosure). */
export const WITHHOLDING_GROUNDS = [
  'state-secret',
  'prohibited-by-law',
  'security-stability',
  'third-party-rights',
  'trade-secret',
  'privacy',
  'internal-affairs',
  'process-information',
  'enforcement-file',
  'administrative-query',
  'unrelated-to-own-need',
  'not-government-information',
] as const;
export type WithholdingGround = (typeof WITHHOLDING_GROUNDS)[number];

export interface WithholdingGroundEntry {
  /** Completes the sentence 该信息……, in Chinese. */
  text: string;
  citations: readonly Citation[];
  /** Annual report row 三（三）n (2019 format), when the ground is a 不予公开 category. */
  annualReportRow?: string;
  /** Allowed only for the withheld parts of a partial disclosure (Art. 37: 不属于政府信息的内容). */
  partialOnly?: boolean;
}

export interface WithheldPart {
  /** What is withheld, e.g. 《……》第3页中的个人身份证号码. */
  part: string;
  ground: WithholdingGround;
  /** The clerk's plain-language reason (情理). */
  reason: string;
}

export type FieldSpec =
  | { name: string; label: string; type: 'text' | 'date' | 'list' | 'withheld'; required: boolean }
  | { name: string; label: string; type: 'integer'; required: boolean; min?: number; max?: number }
  | {
      name: string;
      label: string;
      type: 'choice';
      required: boolean;
      options: Readonly<Record<string, { text: string; citations: readonly Citation[] }>>;
    };

export type ParagraphRole = 'body' | 'item' | 'closing' | 'contact';

export type ParagraphSpec =
  | {
      text: string;
      role?: ParagraphRole;
      /** Rendered only when this value is present (non-empty). */
      when?: string;
      /** Rendered only when this value is absent. */
      unless?: string;
      /** Rendered once per element of this list field; the element is {{item.*}}. */
      each?: string;
    }
  | { slot: 'remedies' };

export interface NoticeTemplate {
  id: string;
  kind: LetterKind;
  regime: Regime;
  version: number;
  title: string;
  /** How the letter calls itself in the remedies paragraph: 本告知书, 本通知. */
  noun: string;
  /** Placeholder text for the addressee line, e.g. {{applicantName}}. */
  addressee: string;
  fields: readonly FieldSpec[];
  paragraphs: readonly ParagraphSpec[];
  citations: readonly Citation[];
  remedies: RemedyRule;
  /** English note for administrators (scope, what the template assumes). */
  note?: string;
}

/** Configuration of the issuing office (one per office or department). */
export interface OfficeProfile {
  name: string;
  address?: string;
  postcode?: string;
  phone?: string;
  contactPerson?: string;
  /** The reconsideration organ under the 2023 law (for a city department: the city government). */
  reconsiderationOrgan: string;
  /** Organ(s) named for notices dated before 2024-01-01; defaults to reconsiderationOrgan. */
  legacyReconsiderationOrgan?: string;
  /** Court named for litigation; defaults to 有管辖权的人民法院. */
  court?: string;
}

export type FieldValue = string | number | readonly string[] | readonly WithheldPart[];

export interface NoticeInput {
  kind: LetterKind;
  regime: Regime;
  /** An administrator's version of the template; defaults to the bundled one for kind + regime. */
  template?: NoticeTemplate;
  /** Already formatted, e.g. 临政公开〔2026〕第12号 (see formatNoticeNumber). */
  noticeNumber: string;
  /** ISO date the notice is dated and issued; chooses the remedies rule. */
  noticeDate: string;
  office: OfficeProfile;
  applicant: { name: string; type: ApplicantType };
  application: { number: string; receivedOn: string; request: string };
  /** The clerk's plain-language reasons (既讲法理，也说情理). */
  reasons?: string;
  fields?: Readonly<Record<string, FieldValue>>;
}

export interface RenderedParagraph {
  role: ParagraphRole | 'remedies';
  text: string;
}

export interface RenderedCitation extends Citation {
  /** e.g. 《中华人民共和国政府信息公开条例》第三十六条第（三）项 */
  text: string;
  /** The article's short title from the law table. */
  summary?: string;
}

export interface RenderedNotice {
  templateId: string;
  templateVersion: number;
  kind: LetterKind;
  regime: Regime;
  title: string;
  noticeNumber: string;
  noticeDate: string;
  /** e.g. 2026年11月27日 */
  dateText: string;
  officeName: string;
  addressee: string;
  paragraphs: readonly RenderedParagraph[];
  citations: readonly RenderedCitation[];
  remedy: { period: string; variant: Exclude<RemedyRule, 'none'> } | null;
  /** Plain text of the whole letter, in reading order. */
  text: string;
}
