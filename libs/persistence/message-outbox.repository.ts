// The transactional outbox of messages to applicants and staff (issue 19). Rows are written by the
// activities in the same transaction as the step, letter or notification that causes them, keyed
// by that cause (source_key + channel + recipient), so a retried activity writes nothing twice;
// the outbox-delivery workflow's activity claims, sends and marks them.
import type { DataSource, EntityManager } from 'typeorm';
import {
  bundledMessageTemplate,
  MESSAGE_AUDIENCE,
  type MessageChannel,
  type MessageKind,
  type MessageTemplate,
  renderMessage,
} from '../messages/message-templates';

type Queryable = Pick<DataSource | EntityManager, 'query'>;

export interface MessageSettings {
  /** Where applicants track their application: `${publicBaseUrl}/track`. */
  publicBaseUrl: string;
  /** Staff e-mails written inside [fromHour, toHour) (Asia/Shanghai) wait until toHour; null: no quiet hours. */
  quietHours: { fromHour: number; toHour: number } | null;
}

export const DEFAULT_MESSAGE_SETTINGS: MessageSettings = {
  publicBaseUrl: 'http://127.0.0.1:3000',
  quietHours: { fromHour: 22, toHour: 7 },
};

/** The stored version in force of each channel's template for a kind, else the bundled text. */
export async function messageTemplatesInForce(q: Queryable, kind: MessageKind): Promise<Record<MessageChannel, MessageTemplate>> {
  const rows: { channel: MessageChannel; version: number; subject: string | null; body: string }[] = await q.query(
    `SELECT DISTINCT ON (channel) channel, version, subject, body FROM message_templates WHERE kind = $1
     ORDER BY channel, version DESC`,
    [kind],
  );
  const of = (channel: MessageChannel): MessageTemplate => {
    const r = rows.find((x) => x.channel === channel);
    return r ? { kind, channel, version: r.version, subject: r.subject, body: r.body } : bundledMessageTemplate(kind, channel);
  };
  return { email: of('email'), sms: of('sms') };
}

interface NewMessage {
  applicationId: string | null;
  sourceKey: string;
  kind: MessageKind;
  channel: MessageChannel;
  recipient: string;
  template: MessageTemplate;
  subject: string | null;
  body: string;
  notBefore?: Date;
}

/** Saves a new version of a kind's template for a channel (the next number); returns the version. */
export async function insertMessageTemplate(
  q: Queryable,
  t: { kind: MessageKind; channel: MessageChannel; subject: string | null; body: string; createdBy: string },
): Promise<number> {
  const [row]: { version: number }[] = await q.query(
    `INSERT INTO message_templates (kind, channel, version, subject, body, created_by)
     SELECT $1, $2, COALESCE(MAX(version), 0) + 1, $3, $4, $5 FROM message_templates WHERE kind = $1 AND channel = $2
     RETURNING version`,
    [t.kind, t.channel, t.subject, t.body, t.createdBy],
  );
  return row.version;
}

async function insertMessages(q: Queryable, messages: NewMessage[]): Promise<number> {
  let written = 0;
  for (const m of messages) {
    const rows = await q.query(
      `INSERT INTO message_outbox (application_id, source_key, audience, channel, recipient, template_kind, template_version,
         subject, body, not_before)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, COALESCE($10::timestamptz, now()))
       ON CONFLICT ON CONSTRAINT uq_message_outbox_source DO NOTHING RETURNING id`,
      [
        m.applicationId,
        m.sourceKey,
        MESSAGE_AUDIENCE[m.kind],
        m.channel,
        m.recipient,
        m.kind,
        m.template.version,
        m.subject,
        m.body,
        m.notBefore?.toISOString() ?? null,
      ],
    );
    written += rows.length;
  }
  return written;
}

/**
 * Messages to the applicant of a case (e-mail and SMS, to whichever contact they gave), rendered
 * from the templates in force. `values` fills the kind's own placeholders; the case's number,
 * applicant, office and tracking link are read here.
 */
export async function enqueueApplicantMessage(
  q: Queryable,
  settings: MessageSettings,
  x: { applicationId: string; sourceKey: string; kind: MessageKind; values: Record<string, string | null | undefined> },
): Promise<number> {
  const [c]: { registration_number: string; applicant_name: string; phone: string | null; email: string | null; office_name: string }[] =
    await q.query(
      `SELECT a.registration_number, p.name AS applicant_name, p.phone, p.email, o.name AS office_name
       FROM applications a JOIN applicants p ON p.id = a.applicant_id JOIN offices o ON o.id = a.office_id WHERE a.id = $1`,
      [x.applicationId],
    );
  if (!c || (!c.phone && !c.email)) return 0;
  const templates = await messageTemplatesInForce(q, x.kind);
  const values = {
    officeName: c.office_name,
    registrationNumber: c.registration_number,
    applicantName: c.applicant_name,
    trackingLink: `${settings.publicBaseUrl.replace(/\/+$/, '')}/track`,
    ...x.values,
  };
  const out: NewMessage[] = [];
  for (const [channel, recipient] of [
    ['email', c.email],
    // An SMS gateway wants the number alone: spaces, dashes and brackets as typed are dropped.
    ['sms', c.phone?.replace(/[^\d+]/g, '') || null],
  ] as const) {
    if (!recipient) continue;
    const tpl = templates[channel];
    out.push({
      applicationId: x.applicationId,
      sourceKey: x.sourceKey,
      kind: x.kind,
      channel,
      recipient,
      template: tpl,
      ...renderMessage(tpl, values),
    });
  }
  return insertMessages(q, out);
}

/** The first moment at or after `now` outside the quiet hours (Asia/Shanghai has no daylight saving). */
export function outsideQuietHours(now: Date, quiet: MessageSettings['quietHours']): Date {
  if (!quiet || quiet.fromHour === quiet.toHour) return now;
  const shanghai = new Date(now.getTime() + 8 * 3600_000);
  const h = shanghai.getUTCHours();
  const inside = quiet.fromHour < quiet.toHour ? h >= quiet.fromHour && h < quiet.toHour : h >= quiet.fromHour || h < quiet.toHour;
  if (!inside) return now;
  const end = new Date(shanghai);
  end.setUTCHours(quiet.toHour, 0, 0, 0);
  if (end.getTime() <= shanghai.getTime()) end.setUTCDate(end.getUTCDate() + 1);
  return new Date(end.getTime() - 8 * 3600_000);
}

/**
 * Staff e-mails for a reminder or escalation just written to the notifications table: to the
 * named user, else every active user of the role in the case's office, when they have an e-mail
 * address; written inside the quiet hours, they wait until the quiet hours end.
 */
export async function enqueueStaffMessage(
  q: Queryable,
  settings: MessageSettings,
  x: {
    applicationId: string;
    notificationKey: string;
    kind: 'reminder' | 'escalation';
    recipientUsername: string | null;
    recipientRole: string | null;
    message: string;
    dueOn: string | null;
    now?: Date;
  },
): Promise<number> {
  const recipients: { username: string; display_name: string; email: string; registration_number: string; office_name: string }[] =
    await q.query(
      `SELECT u.username, u.display_name, u.email, a.registration_number, o.name AS office_name
       FROM applications a JOIN offices o ON o.id = a.office_id
       JOIN users u ON u.office_id = a.office_id AND u.active AND u.email IS NOT NULL
        AND (u.username = $2 OR ($2::text IS NULL AND u.role = $3))
       WHERE a.id = $1 ORDER BY u.username`,
      [x.applicationId, x.recipientUsername, x.recipientRole],
    );
  if (!recipients.length) return 0;
  const kind: MessageKind = x.kind === 'reminder' ? 'staff-reminder' : 'staff-escalation';
  const tpl = (await messageTemplatesInForce(q, kind)).email;
  const notBefore = outsideQuietHours(x.now ?? new Date(), settings.quietHours);
  return insertMessages(
    q,
    recipients.map((r) => ({
      applicationId: x.applicationId,
      sourceKey: `notification:${x.applicationId}:${x.notificationKey}`,
      kind,
      channel: 'email' as const,
      recipient: r.email,
      template: tpl,
      notBefore,
      ...renderMessage(tpl, {
        officeName: r.office_name,
        registrationNumber: r.registration_number,
        recipientName: r.display_name,
        message: x.message,
        dueOn: x.dueOn,
      }),
    })),
  );
}

export interface OutboxMessage {
  id: string;
  applicationId: string | null;
  audience: 'applicant' | 'staff';
  channel: MessageChannel;
  recipient: string;
  templateKind: MessageKind;
  templateVersion: number;
  subject: string | null;
  body: string;
  status: 'pending' | 'sending' | 'sent' | 'held' | 'failed';
  attempts: number;
  notBefore: string;
  lastError: string | null;
  providerId: string | null;
  createdAt: string;
  sentAt: string | null;
}

interface OutboxRow {
  id: string;
  application_id: string | null;
  audience: OutboxMessage['audience'];
  channel: MessageChannel;
  recipient: string;
  template_kind: MessageKind;
  template_version: number;
  subject: string | null;
  body: string;
  status: OutboxMessage['status'];
  attempts: number;
  not_before: Date;
  last_error: string | null;
  provider_id: string | null;
  created_at: Date;
  sent_at: Date | null;
}

const toMessage = (r: OutboxRow): OutboxMessage => ({
  id: r.id,
  applicationId: r.application_id,
  audience: r.audience,
  channel: r.channel,
  recipient: r.recipient,
  templateKind: r.template_kind,
  templateVersion: r.template_version,
  subject: r.subject,
  body: r.body,
  status: r.status,
  attempts: r.attempts,
  notBefore: r.not_before.toISOString(),
  lastError: r.last_error,
  providerId: r.provider_id,
  createdAt: r.created_at.toISOString(),
  sentAt: r.sent_at?.toISOString() ?? null,
});

const COLUMNS = `id, application_id, audience, channel, recipient, template_kind, template_version, subject, body, status,
  attempts, not_before, last_error, provider_id, created_at, sent_at`;

/**
 * Claims up to `limit` messages due now for the channels that have a transport: pending ones, held
 * ones (a transport has been configured since), and ones left 'sending' by a delivery that died
 * (their lease ran out; they are sent again with the same Message-ID / idempotency key).
 */
export async function claimMessages(
  q: Queryable,
  channels: MessageChannel[],
  limit: number,
  leaseSeconds: number,
): Promise<OutboxMessage[]> {
  if (!channels.length) return [];
  const rows: OutboxRow[] = await q.query(
    // A statement that starts WITH ... SELECT: TypeORM answers an UPDATE with [rows, count] instead of the rows.
    `WITH claimed AS (
       UPDATE message_outbox o SET status = 'sending', attempts = o.attempts + 1, lease_until = now() + make_interval(secs => $3)
       WHERE o.id IN (
         SELECT id FROM message_outbox
         WHERE channel = ANY($1::text[]) AND not_before <= now()
           AND (status IN ('pending', 'held') OR (status = 'sending' AND lease_until < now()))
         ORDER BY not_before LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING ${COLUMNS})
     SELECT * FROM claimed`,
    [channels, limit, leaseSeconds],
  );
  return rows.map(toMessage);
}

/** Messages of channels without a transport (embedded default): held for the administrators to see. */
export async function holdMessages(q: Queryable, channelsWithoutTransport: MessageChannel[]): Promise<number> {
  if (!channelsWithoutTransport.length) return 0;
  const rows = await q.query(
    `WITH held AS (UPDATE message_outbox SET status = 'held' WHERE status = 'pending' AND channel = ANY($1::text[]) RETURNING id)
     SELECT id FROM held`,
    [channelsWithoutTransport],
  );
  return rows.length;
}

/** Marks a claimed message sent; only while this delivery still holds it in 'sending'. */
export async function markSent(q: Queryable, id: string, providerId: string | null): Promise<void> {
  await q.query(
    `UPDATE message_outbox SET status = 'sent', sent_at = now(), provider_id = $2, lease_until = NULL, last_error = NULL
     WHERE id = $1 AND status = 'sending'`,
    [id, providerId],
  );
}

/** A failed send: back to pending after a backoff, or failed for good after `maxAttempts`. */
export async function markFailed(q: Queryable, id: string, error: string, maxAttempts: number): Promise<void> {
  await q.query(
    `UPDATE message_outbox SET
       status = CASE WHEN attempts >= $3 THEN 'failed' ELSE 'pending' END,
       not_before = now() + make_interval(secs => LEAST(3600, 5 * power(2, attempts - 1))),
       last_error = left($2, 1000), lease_until = NULL
     WHERE id = $1 AND status = 'sending'`,
    [id, error, maxAttempts],
  );
}

export interface OutboxFilter {
  status?: string;
  channel?: string;
  audience?: string;
  applicationId?: string;
  limit: number;
}

export async function listOutbox(q: Queryable, f: OutboxFilter): Promise<OutboxMessage[]> {
  const rows: OutboxRow[] = await q.query(
    `SELECT ${COLUMNS} FROM message_outbox
     WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR channel = $2) AND ($3::text IS NULL OR audience = $3)
       AND ($4::uuid IS NULL OR application_id = $4)
     ORDER BY created_at DESC, id LIMIT $5`,
    [f.status ?? null, f.channel ?? null, f.audience ?? null, f.applicationId ?? null, f.limit],
  );
  return rows.map(toMessage);
}
