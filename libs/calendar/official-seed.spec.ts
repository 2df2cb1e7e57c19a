import { buildOfficialCalendar, officialNotice, officialYear, OFFICIAL_SEED_VERSION } from './official-seed';
import { validateCalendarData, validateYearArrangement } from './year-arrangement.validator';

describe('official seed from chinese-days', () => {
  const data = buildOfficialCalendar();

  it('covers 2008-2026, every year official and valid', () => {
    expect(data.version).toBe(OFFICIAL_SEED_VERSION);
    expect(data.version).toMatch(/^official-2026\.\d+\+chinese-days-\d+\.\d+\.\d+$/);
    expect(data.years.map((y) => y.year)).toEqual(Array.from({ length: 19 }, (_, i) => 2008 + i));
    for (const y of data.years) {
      expect(y.official).toBe(true);
      expect(validateYearArrangement(y)).toEqual({ ok: true, value: y });
    }
    expect(validateCalendarData(data).ok).toBe(true);
  });

  it('has one row per day that differs from Monday-Friday (2024)', () => {
    const y2024 = officialYear(2024);
    const rows = (kind: string) => y2024.days.filter((r) => r.kind === kind).map((r) => r.date);
    expect(rows('workday')).toEqual([
      '2024-02-04',
      '2024-02-18',
      '2024-04-07',
      '2024-04-28',
      '2024-05-11',
      '2024-09-14',
      '2024-09-29',
      '2024-10-12',
    ]);
    expect(rows('holiday')).toEqual([
      '2024-01-01',
      '2024-02-12',
      '2024-02-13',
      '2024-02-14',
      '2024-02-15',
      '2024-02-16',
      '2024-04-04',
      '2024-04-05',
      '2024-05-01',
      '2024-05-02',
      '2024-05-03',
      '2024-06-10',
      '2024-09-16',
      '2024-09-17',
      '2024-10-01',
      '2024-10-02',
      '2024-10-03',
      '2024-10-04',
      '2024-10-07',
    ]);
    expect(y2024.days.find((r) => r.date === '2024-10-01')?.name).toBe('国庆节');
    expect(y2024.notice).toContain('国办发明电〔2023〕7号');
  });

  it('records the notices behind special days', () => {
    const y2020 = officialYear(2020);
    expect(y2020.days.find((r) => r.date === '2020-01-31')?.notice).toContain('延长2020年春节假期');
    // Dec 31, 2018 is a New Year day of the 2019 notice
    expect(officialYear(2018).days.find((r) => r.date === '2018-12-31')?.notice).toBe(officialNotice(2019));
    expect(officialYear(2015).days.find((r) => r.date === '2015-09-03')?.name).toContain('70周年');
    expect(officialNotice(2030)).toBe('State Council holiday notice for 2030 (国务院办公厅关于2030年部分节假日安排的通知)');
  });

  it('refuses years chinese-days does not carry', () => {
    expect(() => buildOfficialCalendar(2008, 2027)).toThrow(RangeError);
  });
});
