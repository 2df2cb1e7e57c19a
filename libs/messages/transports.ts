// How messages leave the outbox: e-mail through SMTP (nodemailer, SMTP_URL) and SMS through a
// provider interface; the provider is configuration (SMS_PROVIDER), the one adapter so far an HTTP
// gateway (SMS_GATEWAY_URL). Each send carries the outbox id as its idempotency key (the e-mail's
// Message-ID, the gateway's Idempotency-Key header), so a message sent again after a crash between
// sending and marking it sent is recognisably the same message.
import { createTransport, type Transporter } from 'nodemailer';
import type { MessageChannel } from './message-templates';

export interface OutgoingMessage {
  /** The outbox id: the idempotency key of the send. */
  id: string;
  to: string;
  subject: string | null;
  body: string;
}

export interface MessageTransport {
  channel: MessageChannel;
  /** Sends one message; answers the provider's id. Throws when the provider refused or did not answer. */
  send(m: OutgoingMessage): Promise<string | null>;
  close?(): void;
}

/** The e-mail's Message-ID: derived from the outbox id, the same on every attempt. */
export const messageIdFor = (outboxId: string, domain: string): string => `<outbox-${outboxId}@${domain}>`;

export function smtpTransport(smtpUrl: string, from: string): MessageTransport {
  const transporter: Transporter = createTransport(smtpUrl);
  const domain = /@([^>\s]+)>?$/.exec(from)?.[1] ?? 'disclosure-engine.invalid';
  return {
    channel: 'email',
    async send(m) {
      const info = await transporter.sendMail({
        from,
        to: m.to,
        subject: m.subject ?? '',
        text: m.body,
        messageId: messageIdFor(m.id, domain),
        headers: { 'X-Outbox-Id': m.id },
      });
      return info.messageId ?? null;
    },
    close: () => transporter.close(),
  };
}

/** An SMS provider: configuration picks the adapter. */
export type SmsProvider = MessageTransport & { channel: 'sms' };

/**
 * An HTTP SMS gateway: POST <url> with JSON {to, text, id} and header Idempotency-Key: <id>
 * (Authorization: Bearer <token> when SMS_GATEWAY_TOKEN is set); any 2xx is accepted, its JSON
 * `id` (if any) kept as the provider's id.
 */
export function httpSmsGateway(url: string, token?: string, timeoutMs = 10_000): SmsProvider {
  return {
    channel: 'sms',
    async send(m) {
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': m.id,
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ to: m.to, text: m.body, id: m.id }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`SMS gateway answered ${res.status}: ${text.slice(0, 200)}`);
      try {
        const id = (JSON.parse(text) as { id?: unknown }).id;
        return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
      } catch {
        return null;
      }
    },
  };
}

export interface TransportConfig {
  smtpUrl?: string;
  smtpFrom: string;
  smsProvider: 'http-gateway';
  smsGatewayUrl?: string;
  smsGatewayToken?: string;
}

/** The transports configured; a channel without one keeps its messages held in the outbox. */
export function transportsFrom(c: TransportConfig): MessageTransport[] {
  const out: MessageTransport[] = [];
  if (c.smtpUrl) out.push(smtpTransport(c.smtpUrl, c.smtpFrom));
  if (c.smsGatewayUrl && c.smsProvider === 'http-gateway') out.push(httpSmsGateway(c.smsGatewayUrl, c.smsGatewayToken));
  return out;
}
