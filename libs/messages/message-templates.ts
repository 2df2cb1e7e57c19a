// Messages to applicants and staff (issue 19): the kinds, their bundled Chinese templates and the
// placeholders each may use. Pure: the worker renders a message when it writes it to the outbox;
// administrators store new versions (message_templates) that replace the bundled text.
import { fillPlaceholders, listPlaceholders, PlaceholderError } from '../documents/placeholder.engine';

export const MESSAGE_CHANNELS = ['email', 'sms'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

export const MESSAGE_KINDS = [
  'receipt-confirmed',
  'correction-requested',
  'fee-requested',
  'period-extended',
  'letter-issued',
  'staff-reminder',
  'staff-escalation',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const isMessageKind = (k: unknown): k is MessageKind => (MESSAGE_KINDS as readonly unknown[]).includes(k);
export const isMessageChannel = (c: unknown): c is MessageChannel => (MESSAGE_CHANNELS as readonly unknown[]).includes(c);

/** Who reads each kind: applicant messages go to the applicant's e-mail and phone, staff messages to staff e-mail only. */
export const MESSAGE_AUDIENCE: Readonly<Record<MessageKind, 'applicant' | 'staff'>> = {
  'receipt-confirmed': 'applicant',
  'correction-requested': 'applicant',
  'fee-requested': 'applicant',
  'period-extended': 'applicant',
  'letter-issued': 'applicant',
  'staff-reminder': 'staff',
  'staff-escalation': 'staff',
};

const COMMON = ['officeName', 'registrationNumber'] as const;
const APPLICANT = [...COMMON, 'applicantName', 'trackingLink'] as const;

/** The placeholders a template of each kind may use (and that the worker always fills). */
export const MESSAGE_PLACEHOLDERS: Readonly<Record<MessageKind, readonly string[]>> = {
  'receipt-confirmed': [...APPLICANT, 'receivedOn', 'dueOn'],
  'correction-requested': [...APPLICANT, 'respondBy'],
  'fee-requested': [...APPLICANT, 'payBy'],
  'period-extended': [...APPLICANT, 'dueOn'],
  'letter-issued': [...APPLICANT, 'noticeNumber', 'letterTitle'],
  'staff-reminder': [...COMMON, 'recipientName', 'message', 'dueOn'],
  'staff-escalation': [...COMMON, 'recipientName', 'message', 'dueOn'],
};

export interface MessageTemplate {
  kind: MessageKind;
  channel: MessageChannel;
  /** 0 for the bundled text; stored versions count from 1. */
  version: number;
  /** E-mail subject (null for SMS). */
  subject: string | null;
  body: string;
}

const t = (kind: MessageKind, channel: MessageChannel, subject: string | null, body: string): MessageTemplate => ({
  kind,
  channel,
  version: 0,
  subject,
  body,
});

export const BUNDLED_MESSAGE_TEMPLATES: readonly MessageTemplate[] = [
  t(
    'receipt-confirmed',
    'email',
    '【{{officeName}}】政府信息公开申请已确认收到（{{registrationNumber}}）',
    '{{applicantName}}：\n\n您提交的政府信息公开申请，本机关已于{{receivedOn}}确认收到，登记编号为{{registrationNumber}}。' +
      '本机关将在{{dueOn}}前作出答复（如依法延长或中止计算，将另行告知）。\n\n' +
      '您可凭提交申请时获得的查询码和联系电话在 {{trackingLink}} 查询办理进度。\n\n{{officeName}}',
  ),
  t(
    'receipt-confirmed',
    'sms',
    null,
    '【{{officeName}}】您的政府信息公开申请已于{{receivedOn}}确认收到，编号{{registrationNumber}}，答复期限{{dueOn}}。查询：{{trackingLink}}',
  ),
  t(
    'correction-requested',
    'email',
    '【{{officeName}}】请补正政府信息公开申请（{{registrationNumber}}）',
    '{{applicantName}}：\n\n您的政府信息公开申请（编号{{registrationNumber}}）内容需要补正，补正通知书已出具。' +
      '请于{{respondBy}}前提交补正材料；逾期未补正的，视为放弃申请。\n\n通知书可在 {{trackingLink}} 查看下载。\n\n{{officeName}}',
  ),
  t(
    'correction-requested',
    'sms',
    null,
    '【{{officeName}}】您的申请{{registrationNumber}}需要补正，请于{{respondBy}}前补正，逾期视为放弃申请。详见：{{trackingLink}}',
  ),
  t(
    'fee-requested',
    'email',
    '【{{officeName}}】政府信息公开信息处理费缴纳通知（{{registrationNumber}}）',
    '{{applicantName}}：\n\n您的政府信息公开申请（编号{{registrationNumber}}）需缴纳信息处理费，收费通知书已出具。' +
      '请于{{payBy}}前缴纳；逾期未缴纳的，视为放弃申请。\n\n通知书可在 {{trackingLink}} 查看下载。\n\n{{officeName}}',
  ),
  t(
    'fee-requested',
    'sms',
    null,
    '【{{officeName}}】您的申请{{registrationNumber}}需缴纳信息处理费，请于{{payBy}}前缴纳。详见：{{trackingLink}}',
  ),
  t(
    'period-extended',
    'email',
    '【{{officeName}}】政府信息公开申请答复期限延长（{{registrationNumber}}）',
    '{{applicantName}}：\n\n您的政府信息公开申请（编号{{registrationNumber}}）答复期限经批准延长，' +
      '延长后的答复期限为{{dueOn}}。延期通知书可在 {{trackingLink}} 查看下载。\n\n{{officeName}}',
  ),
  t('period-extended', 'sms', null, '【{{officeName}}】您的申请{{registrationNumber}}答复期限已延长至{{dueOn}}。详见：{{trackingLink}}'),
  t(
    'letter-issued',
    'email',
    '【{{officeName}}】{{letterTitle}}已出具（{{registrationNumber}}）',
    '{{applicantName}}：\n\n本机关已就您的政府信息公开申请（编号{{registrationNumber}}）出具《{{letterTitle}}》（{{noticeNumber}}）。' +
      '您可凭查询码和联系电话在 {{trackingLink}} 查看和下载。\n\n{{officeName}}',
  ),
  t(
    'letter-issued',
    'sms',
    null,
    '【{{officeName}}】您的申请{{registrationNumber}}已出具《{{letterTitle}}》，请在{{trackingLink}}查看下载。',
  ),
  t(
    'staff-reminder',
    'email',
    '【办理提醒】{{registrationNumber}}',
    '{{recipientName}}：\n\n{{message}}\n\n答复期限：{{dueOn}}\n\n{{officeName}}',
  ),
  t('staff-reminder', 'sms', null, '【办理提醒】{{message}}'),
  t(
    'staff-escalation',
    'email',
    '【超期督办】{{registrationNumber}}',
    '{{recipientName}}：\n\n{{message}}\n\n答复期限：{{dueOn}}\n\n{{officeName}}',
  ),
  t('staff-escalation', 'sms', null, '【超期督办】{{message}}'),
];

export function bundledMessageTemplate(kind: MessageKind, channel: MessageChannel): MessageTemplate {
  return BUNDLED_MESSAGE_TEMPLATES.find((x) => x.kind === kind && x.channel === channel)!;
}

/** What is wrong with a template an administrator sends, as `field: rule` messages (empty when fine). */
export function messageTemplateProblems(kind: MessageKind, channel: MessageChannel, body: unknown): string[] {
  const problems: string[] = [];
  const b = (body ?? {}) as { subject?: unknown; body?: unknown };
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return ['body: must be a JSON object {subject?, body}'];
  const extra = Object.keys(body).filter((k) => k !== 'subject' && k !== 'body');
  if (extra.length) problems.push(`${extra[0]}: is not an allowed field`);
  const allowed = MESSAGE_PLACEHOLDERS[kind];
  const check = (field: string, text: unknown, max: number) => {
    if (typeof text !== 'string' || !text.trim()) return problems.push(`${field}: must be a non-empty string`);
    if (text.length > max) return problems.push(`${field}: must be at most ${max} characters`);
    try {
      const unknown = listPlaceholders(text).filter((p) => !allowed.includes(p));
      if (unknown.length) problems.push(`${field}: unknown placeholder {{${unknown[0]}}}; allowed: ${allowed.join(', ')}`);
    } catch (err) {
      if (err instanceof PlaceholderError) problems.push(`${field}: ${err.message}`);
      else throw err;
    }
  };
  check('body', b.body, channel === 'sms' ? 500 : 10_000);
  if (channel === 'email') check('subject', b.subject, 200);
  else if (b.subject !== undefined && b.subject !== null) problems.push('subject: is not allowed for an SMS template');
  return problems;
}

export interface RenderedMessage {
  subject: string | null;
  body: string;
}

/** Fills a template; every allowed placeholder must have a value (an empty value is written as '—'). */
export function renderMessage(tpl: MessageTemplate, values: Readonly<Record<string, string | null | undefined>>): RenderedMessage {
  const filled: Record<string, string> = {};
  for (const p of MESSAGE_PLACEHOLDERS[tpl.kind]) filled[p] = values[p] ? String(values[p]) : '—';
  const context = `message template ${tpl.kind}/${tpl.channel} v${tpl.version}`;
  return {
    subject: tpl.subject === null ? null : fillPlaceholders(tpl.subject, filled, { context }),
    body: fillPlaceholders(tpl.body, filled, { context }),
  };
}
