import { decodeReplayCursor, encodeReplayCursor } from './replay-cursor';

describe('replay cursor', () => {
  const period = { from: new Date('2026-01-01T00:00:00+08:00'), to: new Date('2026-02-01T00:00:00+08:00') };
  const key = { closedAt: '2026-01-15T02:03:04.123456Z', id: '0b4e7f3a-1c2d-4e5f-8a9b-0c1d2e3f4a5b' };

  it('round-trips the key of the period it was made for', () => {
    const cursor = encodeReplayCursor(period, key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeReplayCursor(cursor, period)).toEqual({ key });
  });

  it('refuses a cursor of another period, and anything that is not a cursor', () => {
    const cursor = encodeReplayCursor(period, key);
    expect(decodeReplayCursor(cursor, { ...period, to: new Date('2026-03-01T00:00:00+08:00') })).toEqual({
      error: 'cursor: belongs to another period; give the closedFrom and closedTo it was returned for',
    });
    const junk = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    for (const bad of [
      'not a cursor!',
      'e30',
      junk({ ...key, v: 1, closedAt: '2026-01-15' }),
      junk({ v: 1, closedAt: key.closedAt, id: "x' OR 1=1" }),
    ]) {
      expect(decodeReplayCursor(bad, period)).toEqual({ error: 'cursor: is not a cursor returned as `next` by a previous replay' });
    }
  });
});
