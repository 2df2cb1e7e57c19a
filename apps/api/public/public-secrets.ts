// The public portal's secrets and codes: query codes, phone fingerprints, proof-of-work
// challenges and letter download tokens. Pure functions of a server secret (JWT_SECRET) and
// the clock, so every API instance agrees without shared state (a spent challenge is the
// one thing kept in PostgreSQL).
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** No 0/O, 1/I/L: a code read out on the phone or copied from paper is not misread. */
export const QUERY_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** 16 characters of 31: about 79 bits, from the operating system's CSPRNG. */
export const QUERY_CODE_LENGTH = 16;

export function newQueryCode(): string {
  let code = '';
  for (let i = 0; i < QUERY_CODE_LENGTH; i++) code += QUERY_CODE_ALPHABET[randomInt(QUERY_CODE_ALPHABET.length)];
  return code;
}

/** A code as typed (any case, spaces or dashes between groups) in its stored form. */
export const normalizeQueryCode = (typed: string): string => typed.replace(/[\s-]/g, '').toUpperCase();

/** The stored form of a query code: its SHA-256 (the code itself is never stored). */
export const queryCodeHash = (code: string): Buffer => createHash('sha256').update(normalizeQueryCode(code), 'utf8').digest();

/** Digits only, without a +86 / 0086 country prefix: the same phone however it is written. */
export function normalizePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.replace(/^(0086|86)(?=1\d{10}$)/, '');
}

/** 138****0000: enough for the applicant to recognise, never the whole number. */
export function maskPhone(phone: string): string {
  const d = normalizePhone(phone);
  if (d.length >= 11) return `${d.slice(0, 3)}****${d.slice(-4)}`;
  if (d.length >= 6) return `${d.slice(0, 2)}${'*'.repeat(d.length - 4)}${d.slice(-2)}`;
  return '*'.repeat(d.length);
}

/** JSON with object keys in sorted order, so the same body gives the same text whatever order its fields came in. */
export function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v !== null && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

export class PublicSecrets {
  private readonly phoneKey: Buffer;
  private readonly challengeKey: Buffer;
  private readonly letterKey: Buffer;
  private readonly retryKey: Buffer;

  constructor(serverSecret: string) {
    const derive = (purpose: string) => createHmac('sha256', serverSecret).update(`disclosure-engine public ${purpose}`).digest();
    this.phoneKey = derive('phone');
    this.challengeKey = derive('challenge');
    this.letterKey = derive('letter');
    this.retryKey = derive('retry');
  }

  /**
   * The application id and query code of a submission sent with an Idempotency-Key: the same key
   * and the same body always give the same pair (a retry finds the application it started and
   * answers with its code); another body under the same key is another application. Keyed by the
   * server secret, so neither can be worked out from the key and body alone.
   */
  retryOf(idempotencyKey: string, body: unknown): { applicationId: string; queryCode: string } {
    const h = createHmac('sha256', this.retryKey)
      .update(`${idempotencyKey}\u0000${stableJson(body)}`)
      .digest();
    const hex = h.toString('hex');
    const applicationId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    // The code from a second HMAC, read as a number in base 31 (256 bits: no bias worth naming over 16 places).
    let n = BigInt(`0x${createHmac('sha256', this.retryKey).update(`code\u0000${applicationId}`).digest('hex')}`);
    let queryCode = '';
    const base = BigInt(QUERY_CODE_ALPHABET.length);
    for (let i = 0; i < QUERY_CODE_LENGTH; i++) {
      queryCode += QUERY_CODE_ALPHABET[Number(n % base)];
      n /= base;
    }
    return { applicationId, queryCode };
  }

  /** The phone's fingerprint: an HMAC, so the table alone does not give phone numbers away. */
  phoneHmac(phone: string): Buffer {
    return createHmac('sha256', this.phoneKey).update(normalizePhone(phone)).digest();
  }

  /** Constant-time equality of two fingerprints (a missing one compares against a dummy of the same length). */
  static sameFingerprint(a: Buffer, b: Buffer | null): boolean {
    const other = b && b.length === a.length ? b : Buffer.alloc(a.length);
    return timingSafeEqual(a, other) && b !== null && b.length === a.length;
  }

  /**
   * A proof-of-work challenge: find a nonce such that SHA-256(`${token}:${nonce}`) starts with
   * `bits` zero bits. The token is `<id>.<bits>.<expires epoch s>.<HMAC>`, so the server keeps
   * nothing until it is spent.
   */
  newChallenge(bits: number, ttlSeconds: number, now = Date.now()): { token: string; bits: number; expiresAt: string } {
    const id = randomBytes(12).toString('base64url');
    const expires = Math.floor(now / 1000) + ttlSeconds;
    const body = `${id}.${bits}.${expires}`;
    return { token: `${body}.${this.sign(this.challengeKey, body)}`, bits, expiresAt: new Date(expires * 1000).toISOString() };
  }

  /** Checks a solved challenge; answers its id and expiry (to spend it) or why it fails. */
  checkChallenge(
    token: string,
    nonce: string,
    minBits: number,
    now = Date.now(),
  ): { ok: true; id: string; expiresAt: Date } | { ok: false; why: string } {
    const parts = token.split('.');
    if (parts.length !== 4 || !/^[\w-]{1,64}$/.test(nonce)) return { ok: false, why: 'malformed' };
    const [id, bitsText, expiresText, mac] = parts;
    if (!this.verify(this.challengeKey, `${id}.${bitsText}.${expiresText}`, mac)) return { ok: false, why: 'not issued by this server' };
    const bits = Number(bitsText);
    if (!(bits >= minBits)) return { ok: false, why: 'too easy for the current setting' };
    if (Number(expiresText) * 1000 < now) return { ok: false, why: 'expired' };
    if (leadingZeroBits(createHash('sha256').update(`${token}:${nonce}`).digest()) < bits) return { ok: false, why: 'wrong solution' };
    return { ok: true, id, expiresAt: new Date(Number(expiresText) * 1000) };
  }

  /** A download token for one letter of one application, valid until `expires` (epoch s). */
  letterToken(noticeId: string, applicationId: string, ttlSeconds: number, now = Date.now()): string {
    const body = Buffer.from(JSON.stringify({ n: noticeId, a: applicationId, e: Math.floor(now / 1000) + ttlSeconds })).toString(
      'base64url',
    );
    return `${body}.${this.sign(this.letterKey, body)}`;
  }

  readLetterToken(token: string, now = Date.now()): { noticeId: string; applicationId: string } | null {
    const [body, mac, extra] = token.split('.');
    if (extra !== undefined || !body || !mac || !this.verify(this.letterKey, body, mac)) return null;
    try {
      const t = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { n?: unknown; a?: unknown; e?: unknown };
      if (typeof t.n !== 'string' || typeof t.a !== 'string' || typeof t.e !== 'number' || t.e * 1000 < now) return null;
      return { noticeId: t.n, applicationId: t.a };
    } catch {
      return null;
    }
  }

  private sign(key: Buffer, body: string): string {
    return createHmac('sha256', key).update(body).digest('base64url');
  }

  private verify(key: Buffer, body: string, mac: string): boolean {
    const want = createHmac('sha256', key).update(body).digest();
    const got = Buffer.from(mac, 'base64url');
    return got.length === want.length && timingSafeEqual(got, want);
  }
}

export function leadingZeroBits(hash: Buffer): number {
  let n = 0;
  for (const byte of hash) {
    if (byte === 0) {
      n += 8;
      continue;
    }
    return n + Math.clz32(byte) - 24;
  }
  return n;
}

/** What a client does to solve a challenge (the /apply page does the same in the browser). */
export function solveChallenge(token: string, bits: number): string {
  for (let i = 0; ; i++) {
    const nonce = i.toString(36);
    if (leadingZeroBits(createHash('sha256').update(`${token}:${nonce}`).digest()) >= bits) return nonce;
  }
}
