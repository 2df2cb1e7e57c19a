import fc from 'fast-check';
import { civilFromDayNumber, dayNumber, formatIsoDate, isIsoDateString, parseIsoDate, weekdayName, weekdayOf } from './iso-date';

describe('iso-date', () => {
  it('numbers days from 1970-01-01, a Thursday', () => {
    expect(parseIsoDate('1970-01-01')).toBe(0);
    expect(weekdayName(0)).toBe('Thursday');
    expect(parseIsoDate('2024-09-27')).toBe(19993);
    expect(weekdayName(parseIsoDate('2024-09-27'))).toBe('Friday');
    expect(weekdayName(parseIsoDate('2024-10-12'))).toBe('Saturday');
    expect(weekdayOf(-4)).toBe(0); // 1969-12-28 was a Sunday
  });

  it('agrees with UTC Date arithmetic for every day in 1900-2200', () => {
    // Date is used here only as an independent oracle.
    fc.assert(
      fc.property(fc.integer({ min: dayNumber(1900, 1, 1), max: dayNumber(2200, 12, 31) }), (n) => {
        const d = new Date(n * 86_400_000);
        const iso = d.toISOString().slice(0, 10);
        expect(formatIsoDate(n)).toBe(iso);
        expect(parseIsoDate(iso)).toBe(n);
        expect(weekdayOf(n)).toBe(d.getUTCDay());
        const c = civilFromDayNumber(n);
        expect([c.year, c.month, c.day]).toEqual([d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    '2025-02-29',
    '2024-02-30',
    '2024-13-01',
    '2024-00-10',
    '2024-1-05',
    '2024-01-5',
    '2024/01/05',
    '2024-01-05T00:00',
    ' 2024-01-05',
    '',
    'abcd-ef-gh',
  ])('rejects %p', (s) => {
    expect(Number.isNaN(parseIsoDate(s))).toBe(true);
    expect(isIsoDateString(s)).toBe(false);
  });

  it('rejects non-strings', () => {
    for (const v of [null, undefined, 20240105, {}, []]) expect(isIsoDateString(v)).toBe(false);
  });

  it('accepts leap days', () => {
    expect(isIsoDateString('2024-02-29')).toBe(true);
    expect(isIsoDateString('2000-02-29')).toBe(true);
    expect(isIsoDateString('2100-02-29')).toBe(false);
  });
});
