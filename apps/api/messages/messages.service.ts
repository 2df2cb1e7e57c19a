import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import {
  isMessageChannel,
  isMessageKind,
  MESSAGE_AUDIENCE,
  MESSAGE_CHANNELS,
  MESSAGE_KINDS,
  MESSAGE_PLACEHOLDERS,
  messageTemplateProblems,
  type MessageChannel,
  type MessageKind,
} from '../../../libs/messages/message-templates';
import {
  insertMessageTemplate,
  listOutbox,
  messageTemplatesInForce,
  type OutboxMessage,
} from '../../../libs/persistence/message-outbox.repository';
import type { AuthUser } from '../auth/current-user';
import { DATA_SOURCE } from '../common/tokens';

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'held', 'failed'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface MessageTemplateView {
  kind: MessageKind;
  channel: MessageChannel;
  audience: 'applicant' | 'staff';
  version: number;
  source: 'bundled' | 'stored';
  subject: string | null;
  body: string;
  placeholders: readonly string[];
}

const bad = (...message: string[]) => new BadRequestException({ statusCode: 400, error: 'Bad Request', message });

/** The outbox (发件箱) and the message templates, for administrators. */
@Injectable()
export class MessagesService {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  async outbox(q: Record<string, unknown>): Promise<{ items: OutboxMessage[] }> {
    const problems: string[] = [];
    const known = ['status', 'channel', 'audience', 'applicationId', 'limit'];
    for (const k of Object.keys(q)) if (!known.includes(k)) problems.push(`${k}: is not an allowed parameter`);
    const one = (k: string): string | undefined => (typeof q[k] === 'string' && q[k] !== '' ? (q[k] as string) : undefined);
    const status = one('status');
    if (status && !(OUTBOX_STATUSES as readonly string[]).includes(status))
      problems.push(`status: must be one of ${OUTBOX_STATUSES.join(', ')}`);
    const channel = one('channel');
    if (channel && !isMessageChannel(channel)) problems.push(`channel: must be one of ${MESSAGE_CHANNELS.join(', ')}`);
    const audience = one('audience');
    if (audience && !['applicant', 'staff'].includes(audience)) problems.push('audience: must be applicant or staff');
    const applicationId = one('applicationId');
    if (applicationId && !UUID.test(applicationId)) problems.push('applicationId: must be a UUID');
    const limitText = one('limit') ?? '100';
    const limit = Number(limitText);
    if (!/^\d+$/.test(limitText) || limit < 1 || limit > 500) problems.push('limit: must be an integer from 1 to 500');
    if (problems.length) throw bad(...problems);
    return { items: await listOutbox(this.ds, { status, channel, audience, applicationId, limit }) };
  }

  async templates(): Promise<MessageTemplateView[]> {
    const out: MessageTemplateView[] = [];
    for (const kind of MESSAGE_KINDS) {
      const inForce = await messageTemplatesInForce(this.ds, kind);
      for (const channel of MESSAGE_CHANNELS) {
        const t = inForce[channel];
        out.push({
          kind,
          channel,
          audience: MESSAGE_AUDIENCE[kind],
          version: t.version,
          source: t.version === 0 ? 'bundled' : 'stored',
          subject: t.subject,
          body: t.body,
          placeholders: MESSAGE_PLACEHOLDERS[kind],
        });
      }
    }
    return out;
  }

  /** A new version of one template; the next messages of that kind and channel use it. */
  async saveTemplate(kind: string, channel: string, body: unknown, user: AuthUser): Promise<MessageTemplateView> {
    if (!isMessageKind(kind)) throw bad(`kind: must be one of ${MESSAGE_KINDS.join(', ')}`);
    if (!isMessageChannel(channel)) throw bad(`channel: must be one of ${MESSAGE_CHANNELS.join(', ')}`);
    const problems = messageTemplateProblems(kind, channel, body);
    if (problems.length) throw bad(...problems);
    const b = body as { subject?: string; body: string };
    const version = await insertMessageTemplate(this.ds, {
      kind,
      channel,
      subject: channel === 'email' ? (b.subject ?? null) : null,
      body: b.body,
      createdBy: user.username,
    });
    return {
      kind,
      channel,
      audience: MESSAGE_AUDIENCE[kind],
      version,
      source: 'stored',
      subject: channel === 'email' ? (b.subject ?? null) : null,
      body: b.body,
      placeholders: MESSAGE_PLACEHOLDERS[kind],
    };
  }
}
