import { failOnDataError } from './case.activities';
import { ApplicationFailure } from '@temporalio/common';
import type { DataSource, EntityManager } from 'typeorm';
import {
  noticeNumberAffixes,
  renderNotice,
  toHtml,
  type FieldValue,
  type NoticeTemplate,
  type OfficeProfile,
  type Regime,
} from '../libs/documents';
import type { Channel } from '../libs/contracts/application';
import type { IssueNoticeInput, NoticeRef } from '../libs/contracts/notice';
import { ANNOUNCED_LETTERS } from '../libs/messages/message-triggers';
import { DEFAULT_MESSAGE_SETTINGS, enqueueApplicantMessage, type MessageSettings } from '../libs/persistence/message-outbox.repository';
import { inForce, templateInForce } from '../libs/persistence/notice-template.repository';
import { preparedQuery } from '../libs/persistence/prepared-query';
import { fromList, serialNumberStandIn, SqlParams, standInText, substitute, type StandIn } from '../libs/persistence/sql-params';

export interface NoticeDeps {
  ds: DataSource;
  /** Tracking link of the message that announces an answering letter (the outbox). */
  messages?: MessageSettings;
}

/** 文号 prefix of an office without its own (offices.notice_prefix). */
export const DEFAULT_NOTICE_PREFIX = '临政公开';

const CHANNEL_TEXT: Readonly<Record<Channel, string>> = {
  in_person: '当面提交',
  post: '邮政寄送',
  mail: '信函',
  online: '互联网',
  fax: '传真',
};

/** The case cannot be put into this letter (missing template or facts): retrying would not help. */
const rejected = (message: string) => ApplicationFailure.create({ message, type: 'NoticeRejected', nonRetryable: true });

/** The application and office facts a letter is filled from. */
export interface CaseRow {
  office_id: string;
  office_name: string;
  notice_prefix: string | null;
  reconsideration_organ: string | null;
  office_address: string | null;
  office_postcode: string | null;
  office_phone: string | null;
  office_contact_person: string | null;
  office_court: string | null;
  registration_number: string;
  received_on: string | null;
  regime: Regime | null;
  due_on: string | null;
  channel: Channel;
  description: string;
  applicant_name: string;
  applicant_type: 'natural_person' | 'legal_person';
}

/** The office as its letters show it: name, contact block (contact person, phone, address, postcode), reconsideration organ, court. */
function officeProfile(c: CaseRow): OfficeProfile {
  // No fallback to the office's own name: a letter naming the office as the organ that reviews
  // it would send the applicant to the wrong body. Without an organ the letter is refused.
  const office: OfficeProfile = { name: c.office_name, reconsiderationOrgan: c.reconsideration_organ?.trim() ?? '' };
  const optional = {
    address: c.office_address,
    postcode: c.office_postcode,
    phone: c.office_phone,
    contactPerson: c.office_contact_person,
    court: c.office_court,
  };
  for (const [key, value] of Object.entries(optional)) if (value?.trim()) office[key as keyof typeof optional] = value.trim();
  return office;
}

export function createNoticeActivities({ ds, messages = DEFAULT_MESSAGE_SETTINGS }: NoticeDeps) {
  /**
   * Renders, numbers and stores one letter (its HTML and SHA-256, and the letterhead for the DOCX). Applicant and
   * application facts come from the projection. Exactly once per (application, kind, issueKey):
   * a retried activity returns the notice it already issued (same id, number and hash).
   */
  async function issueNotice(input: IssueNoticeInput): Promise<NoticeRef> {
    return ds
      .transaction(async (m) => {
        const ref = await issueNoticeIn(m, input);
        // A letter that answers or closes the application is announced to the applicant, in the
        // transaction that stores it (keyed by the notice: a retry finds the message already written).
        if (ANNOUNCED_LETTERS.includes(input.kind)) {
          const [n]: { title: string | null }[] = await m.query(`SELECT rendered->>'title' AS title FROM notices WHERE id = $1`, [ref.id]);
          await enqueueApplicantMessage(m, messages, {
            applicationId: input.applicationId,
            sourceKey: `notice:${ref.id}`,
            kind: 'letter-issued',
            values: { noticeNumber: ref.number, letterTitle: n?.title ?? '政府信息公开申请答复书' },
          });
        }
        return ref;
      })
      .catch(failOnDataError(`issueNotice ${input.letterKind}`));
  }

  return { issueNotice };
}

/** The case facts a letter is made from; `lock` holds the case row (one issuer per case at a time). */
export async function noticeCaseRow(m: EntityManager, applicationId: string, lock: boolean): Promise<CaseRow | undefined> {
  const [c]: CaseRow[] = await m.query(
    `SELECT a.office_id, o.name AS office_name, o.notice_prefix, o.reconsideration_organ, a.registration_number,
            o.address AS office_address, o.postcode AS office_postcode, o.phone AS office_phone,
            o.contact_person AS office_contact_person, o.court AS office_court,
            to_char(a.received_on, 'YYYY-MM-DD') AS received_on, a.regime, to_char(a.due_on, 'YYYY-MM-DD') AS due_on,
            a.channel, a.description, p.name AS applicant_name, p.type AS applicant_type
     FROM applications a JOIN offices o ON o.id = a.office_id JOIN applicants p ON p.id = a.applicant_id
     WHERE a.id = $1 ${lock ? 'FOR UPDATE OF a' : ''}`,
    [applicationId],
  );
  return c;
}

/** issueNotice inside the caller's transaction. */
export async function issueNoticeIn(m: EntityManager, input: IssueNoticeInput): Promise<NoticeRef> {
  // One issuer per case at a time, so a concurrent retry finds the first one's notice.
  const c = await noticeCaseRow(m, input.applicationId, true);
  if (!c) throw rejected(`application ${input.applicationId} does not exist`);
  const [existing] = await m.query(
    `SELECT id, kind, number, content_hash FROM notices WHERE application_id = $1 AND kind = $2 AND issue_key = $3`,
    [input.applicationId, input.kind, input.issueKey],
  );
  if (existing) return { id: existing.id, kind: existing.kind, number: existing.number, contentHash: existing.content_hash };
  return issueNew(m, input, c);
}

async function issueNew(m: EntityManager, input: IssueNoticeInput, c: CaseRow): Promise<NoticeRef> {
  const p = new SqlParams();
  const ctes = noticeInsertCtes(p, await prepareNotice(m, input, c));
  const [row] = await preparedQuery<{ id: string; number: string; content_hash: string }>(
    m,
    'notice-insert',
    `WITH ${ctes} SELECT id, number, content_hash FROM notice`,
    p.values,
  );
  return { id: row.id, kind: input.kind, number: row.number, contentHash: row.content_hash };
}

/** A letter rendered in full, with a stand-in for its number, ready to be numbered and stored by noticeInsertCtes. */
export interface PreparedNotice {
  input: IssueNoticeInput;
  officeId: string;
  regime: Regime;
  year: number;
  templateId: string;
  templateVersion: number;
  rendered: string;
  html: string;
  office: string;
  standIn: string;
  head: string;
  tail: string;
}

/**
 * Renders a letter before anything is written, so a letter the case cannot fill (no template,
 * a missing fact) is refused (NoticeRejected) and leaves nothing behind. Its number is not known
 * yet: the letter carries a stand-in that the storing statement replaces (noticeInsertCtes), as
 * it does for the stand-ins of other values that statement produces, such as a registration
 * number in `c` (pass them to noticeInsertCtes). `stored`: the letter's active stored template
 * for the case's regime when the caller has read it already (null: none, the bundled one
 * applies); absent, it is read here.
 */
export async function prepareNotice(
  m: EntityManager,
  input: IssueNoticeInput,
  c: CaseRow,
  stored?: NoticeTemplate | null,
): Promise<PreparedNotice> {
  if (!c.received_on || !c.regime) throw rejected(`${input.letterKind}: the application has no receipt day yet`);
  const regime = c.regime;
  const template = stored === undefined ? await templateInForce(m, input.letterKind, regime) : inForce(stored, input.letterKind, regime);
  if (!template) throw rejected(`${input.letterKind}: no template for the ${regime} regime`);

  const fields: Record<string, FieldValue> = { ...input.fields };
  if (input.letterKind === 'registration-receipt') {
    fields.channel ??= CHANNEL_TEXT[c.channel];
    if (c.due_on) fields.dueOn ??= c.due_on;
  }
  // An abandonment letter names the notice the applicant did not answer.
  const earlier = {
    'abandonment-correction': ['correction-notice', 'correctionNoticeNumber'],
    'abandonment-fee': ['fee-notice', 'feeNoticeNumber'],
  } as const;
  const ref = earlier[input.letterKind as keyof typeof earlier];
  if (ref && fields[ref[1]] === undefined) {
    const [prev] = await m.query(
      `SELECT number FROM notices WHERE application_id = $1 AND letter_kind = $2 ORDER BY issued_at DESC, number_seq DESC LIMIT 1`,
      [input.applicationId, ref[0]],
    );
    if (prev) fields[ref[1]] = prev.number;
  }
  // A repeated request (Art. 36(6)) names the reply to the earlier application of this office.
  if (input.letterKind === 'reply-repeated' && fields.previousNoticeNumber === undefined && fields.previousApplicationNumber) {
    const [prev] = await m.query(
      `SELECT n.number FROM notices n JOIN applications p ON p.id = n.application_id
       WHERE p.office_id = $1 AND p.registration_number = $2 AND n.kind IN ('reply', 'not-application')
       ORDER BY n.issued_at DESC, n.number_seq DESC LIMIT 1`,
      [c.office_id, fields.previousApplicationNumber],
    );
    if (prev) fields.previousNoticeNumber = prev.number;
  }

  const office = officeProfile(c);
  const year = Number(input.issuedOn.slice(0, 4));
  const { head, tail } = noticeNumberAffixes({ prefix: c.notice_prefix ?? DEFAULT_NOTICE_PREFIX, year });
  const standIn = standInText();
  let rendered;
  try {
    rendered = renderNotice({
      kind: input.letterKind,
      regime,
      template,
      noticeNumber: standIn,
      noticeDate: input.issuedOn,
      office,
      applicant: { name: c.applicant_name, type: c.applicant_type },
      application: { number: c.registration_number, receivedOn: c.received_on, request: c.description },
      ...(input.reasons ? { reasons: input.reasons } : {}),
      fields,
    });
  } catch (err) {
    if (err instanceof Error) throw rejected(`${input.letterKind}: ${err.message}`);
    throw err;
  }
  // The letter as issued: its printable HTML, hashed (SHA-256 of its UTF-8 bytes, as
  // contentHash computes it). The DOCX is made from the stored rendering and letterhead on
  // first download (apps/api/notices), not here.
  return {
    input,
    officeId: c.office_id,
    regime,
    year,
    templateId: rendered.templateId,
    templateVersion: rendered.templateVersion,
    rendered: JSON.stringify(rendered),
    html: toHtml(rendered, office),
    office: JSON.stringify(office),
    standIn,
    head,
    tail,
  };
}

/**
 * CTEs that number and store a prepared letter within the statement they join: `notice_counter`
 * takes the office's next serial for the year, `notice_text` writes the number (and the values
 * of `standIns`) into the plain, HTML-escaped and JSON-escaped forms, and `notice` stores the
 * letter with the SHA-256 of its HTML taken in PostgreSQL, returning id, number and content_hash.
 */
export function noticeInsertCtes(p: SqlParams, n: PreparedNotice, standIns: readonly StandIn[] = []): string {
  const { input } = n;
  const office = p.add(n.officeId, 'uuid');
  const year = p.add(n.year, 'integer');
  const number = serialNumberStandIn(p, {
    standIn: n.standIn,
    from: 'notice_counter',
    serial: 'notice_counter.last_seq',
    head: n.head,
    tail: n.tail,
    forms: ['html', 'json'],
  });
  const all = [number, ...standIns];
  return `
  notice_counter AS (
    INSERT INTO notice_counters (office_id, year, last_seq) VALUES (${office}, ${year}, 1)
    ON CONFLICT (office_id, year) DO UPDATE SET last_seq = notice_counters.last_seq + 1 RETURNING last_seq),
  notice_text AS (
    SELECT notice_counter.last_seq, ${number.plain} AS number,
           ${substitute(p.add(n.html, 'text'), all, 'html')} AS html,
           ${substitute(p.add(n.rendered, 'text'), all, 'json')} AS rendered
    FROM ${fromList('notice_counter', all)}),
  notice AS (
    INSERT INTO notices (id, application_id, office_id, kind, letter_kind, issue_key, number, number_year, number_seq,
      template_id, template_version, regime, notice_date, rendered, html, office_profile, hash_of, content_hash, created_by)
    SELECT gen_random_uuid(), ${p.add(input.applicationId, 'uuid')}, ${office}, ${p.add(input.kind, 'text')},
           ${p.add(input.letterKind, 'text')}, ${p.add(input.issueKey, 'text')}, number, ${year}, last_seq,
           ${p.add(n.templateId, 'text')}, ${p.add(n.templateVersion, 'integer')}, ${p.add(n.regime, 'text')},
           ${p.add(input.issuedOn, 'date')}, rendered::jsonb, html, ${p.add(n.office, 'jsonb')}, 'html',
           encode(sha256(convert_to(html, 'UTF8')), 'hex'), ${p.add(input.issuedBy, 'text')}
    FROM notice_text
    RETURNING id, number, content_hash)`;
}

/** What the registration needs to issue its receipt in its own statement (activities/registration). */
export const noticeWriter = { prepare: prepareNotice, insertCtes: noticeInsertCtes, issueIn: issueNoticeIn };
export type NoticeWriter = typeof noticeWriter;

export type NoticeActivities = ReturnType<typeof createNoticeActivities>;
