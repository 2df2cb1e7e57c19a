import { isWorkday } from 'chinese-days';
import { buildDerivedCalendar, derivedYear, statutoryHolidays } from './derived-holidays';
import { isWeekend, parseIsoDate } from './iso-date';
import { validateYearArrangement } from './year-arrangement.validator';

describe('derived statutory holidays', () => {
  it('counts 13 statutory days from 2025 and 11 from 2008 to 2024', () => {
    expect(statutoryHolidays(2025)).toHaveLength(13);
    expect(statutoryHolidays(2027)).toHaveLength(13);
    expect(statutoryHolidays(2024)).toHaveLength(11);
    expect(statutoryHolidays(2014)).toHaveLength(11);
    expect(statutoryHolidays(2010)).toHaveLength(11);
  });

  it('follows each revision of the Spring Festival and Labour Day rules', () => {
    const dates = (y: number, name: string) =>
      statutoryHolidays(y)
        .filter((h) => h.name.includes(name))
        .map((h) => h.date);
    expect(dates(2025, '春节')).toEqual(['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31']); // 除夕 + 初一-初三
    expect(dates(2024, '春节')).toEqual(['2024-02-10', '2024-02-11', '2024-02-12']); // 初一-初三
    expect(dates(2013, '春节')).toEqual(['2013-02-09', '2013-02-10', '2013-02-11']); // 除夕-初二
    expect(dates(2025, '劳动节')).toEqual(['2025-05-01', '2025-05-02']);
    expect(dates(2024, '劳动节')).toEqual(['2024-05-01']);
  });

  it('derives 2027 from the lunar calendar and solar terms', () => {
    expect(statutoryHolidays(2027)).toEqual([
      { date: '2027-01-01', name: '元旦' },
      { date: '2027-02-05', name: '春节' }, // 除夕
      { date: '2027-02-06', name: '春节' },
      { date: '2027-02-07', name: '春节' },
      { date: '2027-02-08', name: '春节' },
      { date: '2027-04-05', name: '清明节' },
      { date: '2027-05-01', name: '劳动节' },
      { date: '2027-05-02', name: '劳动节' },
      { date: '2027-06-09', name: '端午节' },
      { date: '2027-09-15', name: '中秋节' },
      { date: '2027-10-01', name: '国庆节' },
      { date: '2027-10-02', name: '国庆节' },
      { date: '2027-10-03', name: '国庆节' },
    ]);
  });

  it('every derived statutory day of 2008-2026 is a day off in the official data', () => {
    const wrong: string[] = [];
    for (let y = 2008; y <= 2026; y++) for (const h of statutoryHolidays(y)) if (isWorkday(h.date)) wrong.push(h.date);
    expect(wrong).toEqual([]);
  });

  it('keeps only Monday-Friday days, provisional, and passes validation', () => {
    const y = derivedYear(2027);
    expect(y.official).toBe(false);
    expect(y.days.map((r) => r.date)).toEqual([
      '2027-01-01',
      '2027-02-05',
      '2027-02-08',
      '2027-04-05',
      '2027-06-09',
      '2027-09-15',
      '2027-10-01',
    ]);
    expect(y.days.every((r) => r.kind === 'holiday' && !isWeekend(parseIsoDate(r.date)))).toBe(true);
    for (const year of buildDerivedCalendar(2027, 2040).years) expect(validateYearArrangement(year).ok).toBe(true);
  });

  it('merges a Mid-Autumn that falls in the National Day days (2028)', () => {
    const oct = statutoryHolidays(2028).filter((h) => h.date.startsWith('2028-10'));
    expect(oct).toEqual([
      { date: '2028-10-01', name: '国庆节' },
      { date: '2028-10-02', name: '国庆节' },
      { date: '2028-10-03', name: '中秋节/国庆节' },
    ]);
  });
});
