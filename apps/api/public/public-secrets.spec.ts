import { createHash } from 'node:crypto';
import {
  leadingZeroBits,
  maskPhone,
  newQueryCode,
  normalizePhone,
  normalizeQueryCode,
  PublicSecrets,
  QUERY_CODE_ALPHABET,
  QUERY_CODE_LENGTH,
  queryCodeHash,
  solveChallenge,
} from './public-secrets';

describe('query codes', () => {
  it('are 16 characters of an alphabet without look-alikes, and do not repeat', () => {
    expect(QUERY_CODE_ALPHABET).not.toMatch(/[01ILO]/);
    const codes = new Set(Array.from({ length: 2000 }, newQueryCode));
    expect(codes.size).toBe(2000);
    for (const c of codes) expect(c).toMatch(new RegExp(`^[${QUERY_CODE_ALPHABET}]{${QUERY_CODE_LENGTH}}$`));
  });

  it('use every character of the alphabet (a uniform draw, not a biased one)', () => {
    const seen = new Map<string, number>();
    for (let i = 0; i < 2000; i++) for (const ch of newQueryCode()) seen.set(ch, (seen.get(ch) ?? 0) + 1);
    expect(seen.size).toBe(QUERY_CODE_ALPHABET.length);
    const expected = (2000 * QUERY_CODE_LENGTH) / QUERY_CODE_ALPHABET.length;
    for (const n of seen.values()) expect(Math.abs(n - expected)).toBeLessThan(expected * 0.2);
  });

  it('hash the same however they are typed', () => {
    expect(normalizeQueryCode(' abcd-efgh jkmn ')).toBe('ABCDEFGHJKMN');
    expect(queryCodeHash('abcd-EFGH')).toEqual(createHash('sha256').update('ABCDEFGH').digest());
  });
});

describe('phones', () => {
  it('normalise country prefixes and separators, and mask all but 3 + 4 digits', () => {
    expect(normalizePhone('+86 138-0013-8000')).toBe('13800138000');
    expect(normalizePhone('0086 13800138000')).toBe('13800138000');
    expect(normalizePhone('0539-8123456')).toBe('05398123456');
    expect(maskPhone('+86 13800138000')).toBe('138****8000');
    expect(maskPhone('8123456')).toBe('81***56');
    expect(maskPhone('123')).toBe('***');
  });

  it('compare fingerprints only when they are equal', () => {
    const s = new PublicSecrets('a-server-secret-of-16+');
    const a = s.phoneHmac('13800138000');
    expect(PublicSecrets.sameFingerprint(a, s.phoneHmac('+86 138 0013 8000'))).toBe(true);
    expect(PublicSecrets.sameFingerprint(a, s.phoneHmac('13800138001'))).toBe(false);
    expect(PublicSecrets.sameFingerprint(a, null)).toBe(false);
    expect(PublicSecrets.sameFingerprint(a, Buffer.alloc(32))).toBe(false);
    // Another server secret gives another fingerprint.
    expect(PublicSecrets.sameFingerprint(a, new PublicSecrets('another-secret-of-16+').phoneHmac('13800138000'))).toBe(false);
  });
});

describe('proof-of-work challenges', () => {
  const s = new PublicSecrets('a-server-secret-of-16+');
  const now = Date.parse('2026-12-03T00:00:00Z');

  it('accept a solution, within the time, of a challenge this server issued', () => {
    const c = s.newChallenge(10, 300, now);
    const nonce = solveChallenge(c.token, c.bits);
    expect(leadingZeroBits(createHash('sha256').update(`${c.token}:${nonce}`).digest())).toBeGreaterThanOrEqual(10);
    expect(s.checkChallenge(c.token, nonce, 10, now + 1000)).toMatchObject({ ok: true, id: c.token.split('.')[0] });
  });

  it('refuse wrong, expired, altered, easier or foreign challenges, naming why', () => {
    const c = s.newChallenge(10, 300, now);
    const nonce = solveChallenge(c.token, c.bits);
    let wrong = 0;
    while (
      leadingZeroBits(
        createHash('sha256')
          .update(`${c.token}:${wrong.toString(36)}`)
          .digest(),
      ) >= 10
    )
      wrong++;
    expect(s.checkChallenge(c.token, wrong.toString(36), 10, now)).toEqual({ ok: false, why: 'wrong solution' });
    expect(s.checkChallenge(c.token, nonce, 10, now + 301_000)).toEqual({ ok: false, why: 'expired' });
    const [id, , exp, mac] = c.token.split('.');
    expect(s.checkChallenge(`${id}.2.${exp}.${mac}`, nonce, 2, now)).toEqual({ ok: false, why: 'not issued by this server' });
    expect(s.checkChallenge(c.token, nonce, 12, now)).toEqual({ ok: false, why: 'too easy for the current setting' });
    expect(new PublicSecrets('another-secret-of-16+').checkChallenge(c.token, nonce, 10, now)).toEqual({
      ok: false,
      why: 'not issued by this server',
    });
    expect(s.checkChallenge('junk', nonce, 10, now)).toEqual({ ok: false, why: 'malformed' });
    expect(s.checkChallenge(c.token, 'not a nonce!', 10, now)).toEqual({ ok: false, why: 'malformed' });
  });

  it('counts leading zero bits', () => {
    expect(leadingZeroBits(Buffer.from([0, 0, 0x80]))).toBe(16);
    expect(leadingZeroBits(Buffer.from([0, 0x01]))).toBe(15);
    expect(leadingZeroBits(Buffer.from([0xff]))).toBe(0);
  });
});

describe('letter links', () => {
  const s = new PublicSecrets('a-server-secret-of-16+');
  const now = Date.parse('2026-12-03T00:00:00Z');

  it('open the one letter of the one application they were made for, until they expire', () => {
    const t = s.letterToken('notice-1', 'app-1', 3600, now);
    expect(s.readLetterToken(t, now + 1000)).toEqual({ noticeId: 'notice-1', applicationId: 'app-1' });
    expect(s.readLetterToken(t, now + 3601_000)).toBeNull();
    const [body, mac] = t.split('.');
    const forged = Buffer.from(JSON.stringify({ n: 'notice-2', a: 'app-1', e: now / 1000 + 3600 })).toString('base64url');
    expect(s.readLetterToken(`${forged}.${mac}`, now)).toBeNull();
    expect(s.readLetterToken(`${body}.${mac}.x`, now)).toBeNull();
    expect(new PublicSecrets('another-secret-of-16+').readLetterToken(t, now)).toBeNull();
  });
});

describe('a keyed submission’s application id and query code', () => {
  const s = new PublicSecrets('a-server-secret-of-16+');
  const body = { applicant: { name: '王五', contact: { phone: '13800000011' } }, request: { description: '申请公开' } };

  it('are the same for the same key and body, whatever the order of its fields, and differ otherwise', () => {
    const a = s.retryOf('form-key-0001', body);
    expect(s.retryOf('form-key-0001', { request: body.request, applicant: { contact: body.applicant.contact, name: '王五' } })).toEqual(a);
    expect(a.applicationId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.queryCode).toMatch(new RegExp(`^[${QUERY_CODE_ALPHABET}]{${QUERY_CODE_LENGTH}}$`));
    expect(s.retryOf('form-key-0002', body)).not.toEqual(a);
    expect(s.retryOf('form-key-0001', { ...body, request: { description: '申请公开2' } }).queryCode).not.toBe(a.queryCode);
    expect(new PublicSecrets('another-secret-of-16+').retryOf('form-key-0001', body)).not.toEqual(a);
  });
});
