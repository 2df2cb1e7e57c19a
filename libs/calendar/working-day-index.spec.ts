import { isWorkday } from 'chinese-days';
import fc from 'fast-check';
import { bundledCalendar } from './bundled-calendar';
import type { CalendarData } from './calendar.types';
import { dayNumber, formatIsoDate, isWeekend, parseIsoDate } from './iso-date';
import { buildOfficialCalendar } from './official-seed';
import { buildWorkingDayIndex, withYears } from './working-day-index';

const d = parseIsoDate;
const index = buildWorkingDayIndex(bundledCalendar());

describe('buildWorkingDayIndex', () => {
  it('covers 2004-2040 by default', () => {
    expect(index.fromYear).toBe(2004);
    expect(index.toYear).toBe(2040);
    expect(index.isoDate(index.firstDay)).toBe('2004-01-01');
    expect(index.isoDate(index.lastDay)).toBe('2040-12-31');
  });

  it('agrees with chinese-days isWorkday on every day of 2008-2026', () => {
    const mismatches: string[] = [];
    for (let n = dayNumber(2008, 1, 1); n <= dayNumber(2026, 12, 31); n++) {
      const iso = formatIsoDate(n);
      if (index.isWorkingDay(n) !== isWorkday(iso)) mismatches.push(iso);
    }
    expect(mismatches).toEqual([]);
  });

  it('knows the 2024 National Day arrangement', () => {
    expect(index.isWorkingDay(d('2024-09-29'))).toBe(true); // Sunday, make-up day
    expect(index.isWorkingDay(d('2024-10-07'))).toBe(false); // Monday, holiday
    expect(index.isWorkingDay(d('2024-10-12'))).toBe(true); // Saturday, make-up day
    expect(index.isWorkingDay(d('2024-10-13'))).toBe(false);
    expect(index.dayInfo(d('2024-10-12'))).toEqual({
      date: '2024-10-12',
      working: true,
      kind: 'workday',
      name: '国庆节调休上班',
      weekday: 'Saturday',
      provisional: false,
    });
    expect(index.dayInfo(d('2024-10-03')).kind).toBe('holiday');
  });

  it('counts working days cumulatively and between dates', () => {
    // 2024-09-27 (Fri) .. 2024-10-12: Sep 29, Sep 30, Oct 8-12 are working days
    expect(index.workingDaysBetween(d('2024-09-27'), d('2024-10-12'))).toBe(7);
    expect(index.workingDayOrdinal(d('2024-10-12')) - index.workingDayOrdinal(d('2024-09-27'))).toBe(7);
    expect(index.workingDaysBetween(d('2024-10-12'), d('2024-09-27'))).toBe(0);
    expect(index.workingDayOrdinal(d('2004-01-01'))).toBe(1); // 2004 is not in the bundled data: a plain Thursday
    expect(index.workingDayOrdinal(d('2004-01-04'))).toBe(2); // Fri 2nd counted, weekend not
    expect(index.workingDayAt(index.workingDayOrdinal(d('2024-10-12')))).toBe(d('2024-10-12'));
  });

  it('adds working days forwards and backwards from any day', () => {
    expect(formatIsoDate(index.addWorkingDays(d('2024-09-27'), 7))).toBe('2024-10-12');
    expect(formatIsoDate(index.addWorkingDays(d('2024-09-27'), 20))).toBe('2024-10-30');
    expect(formatIsoDate(index.addWorkingDays(d('2024-10-05'), 1))).toBe('2024-10-08'); // from a holiday
    expect(formatIsoDate(index.addWorkingDays(d('2024-10-30'), -5))).toBe('2024-10-23');
    expect(formatIsoDate(index.addWorkingDays(d('2024-10-08'), -1))).toBe('2024-09-30');
    expect(formatIsoDate(index.addWorkingDays(d('2024-10-05'), -1))).toBe('2024-09-30');
    expect(index.addWorkingDays(d('2024-10-05'), 0)).toBe(d('2024-10-05'));
  });

  it('addWorkingDays agrees with a naive day-by-day walk', () => {
    const naive = (from: number, n: number) => {
      let day = from;
      let left = Math.abs(n);
      const step = n > 0 ? 1 : -1;
      while (left > 0) {
        day += step;
        if (index.isWorkingDay(day)) left--;
      }
      return day;
    };
    fc.assert(
      fc.property(fc.integer({ min: dayNumber(2005, 1, 1), max: dayNumber(2039, 12, 31) }), fc.integer({ min: -60, max: 60 }), (day, n) => {
        expect(index.addWorkingDays(day, n)).toBe(naive(day, n));
      }),
      { numRuns: 3000 },
    );
  });

  it('throws RangeError outside the range, naming the date', () => {
    expect(() => index.isWorkingDay(d('2041-01-01'))).toThrow(/2041-01-01 is outside the calendar range 2004-01-01..2040-12-31/);
    expect(() => index.addWorkingDays(d('2040-12-20'), 20)).toThrow(RangeError);
    expect(() => index.addWorkingDays(d('2004-01-05'), -10)).toThrow(RangeError);
    expect(() => index.workingDayOrdinal(NaN)).toThrow(RangeError);
  });

  it('flags days of years without official arrangement as provisional', () => {
    expect(index.isProvisionalDay(d('2026-12-31'))).toBe(false);
    expect(index.isProvisionalDay(d('2027-01-01'))).toBe(true);
    expect(index.hasProvisionalDay(d('2026-12-01'), d('2026-12-31'))).toBe(false);
    expect(index.hasProvisionalDay(d('2026-12-01'), d('2027-01-04'))).toBe(true);
    expect(index.provisionalYearsBetween(d('2026-12-01'), d('2028-01-04'))).toEqual([2027, 2028]);
    expect(index.officialYears).toEqual(Array.from({ length: 19 }, (_, i) => 2008 + i));
  });

  it('treats a year missing from the data as plain Monday-Friday', () => {
    const small = buildWorkingDayIndex({ version: 'empty', years: [] }, 2030, 2030);
    for (let n = small.firstDay; n <= small.lastDay; n++) expect(small.isWorkingDay(n)).toBe(!isWeekend(n));
    expect(small.isProvisionalDay(small.firstDay)).toBe(true);
    expect(small.calendarVersion).toBe('empty');
  });

  it('rejects a year given twice and a bad range', () => {
    const year = buildOfficialCalendar(2024, 2024).years[0];
    expect(() => buildWorkingDayIndex({ version: 'x', years: [year, year] })).toThrow(/year 2024 appears twice/);
    expect(() => buildWorkingDayIndex({ version: 'x', years: [] }, 2030, 2020)).toThrow(RangeError);
  });

  it('withYears replaces a year and takes the new version', () => {
    const base: CalendarData = buildOfficialCalendar(2024, 2025);
    const replaced = withYears(base, [{ year: 2025, official: true, days: [] }], 'test-2');
    expect(replaced.version).toBe('test-2');
    expect(replaced.years.map((y) => [y.year, y.days.length])).toEqual([
      [2024, base.years[0].days.length],
      [2025, 0],
    ]);
  });
});
