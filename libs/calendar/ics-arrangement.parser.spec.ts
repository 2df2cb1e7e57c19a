import { readFileSync } from 'node:fs';
import { parseIcsArrangement } from './ics-arrangement.parser';
import { officialYear } from './official-seed';

const feed = (year: number, lang = '') => readFileSync(require.resolve(`chinese-days/dist/years/${year}${lang}.ics`), 'utf8');
const shape = (days: { date: string; kind: string }[]) => days.map((d) => `${d.date} ${d.kind}`);

describe('parseIcsArrangement', () => {
  it.each([2019, 2020, 2024, 2025, 2026])('reads the chinese-days feed for %i like the seed', (year) => {
    const r = parseIcsArrangement(feed(year), year);
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(shape(r.value.days)).toEqual(shape(officialYear(year).days));
    expect(r.value.official).toBe(true);
  });

  it('reads the English feed and keeps the names', () => {
    const r = parseIcsArrangement(feed(2024, '.en'), 2024, { notice: 'test notice' });
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(shape(r.value.days)).toEqual(shape(officialYear(2024).days));
    expect(r.value.days.find((d) => d.date === '2024-10-12')?.name).toBe('National Day');
    expect(r.value.notice).toBe('test notice');
  });

  it('reports unreadable events and rule violations', () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20270230',
      'SUMMARY:元旦(休)',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20270105',
      'SUMMARY:something',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    expect(parseIcsArrangement(ics, 2027)).toEqual({
      ok: false,
      errors: [
        'VEVENT[0].DTSTART: must be an all-day date YYYYMMDD (got "20270230")',
        'VEVENT[1].SUMMARY: cannot tell rest (休) from work (班) in "something"',
      ],
    });
    const weekdayWork = ['BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20270105', 'SUMMARY:春节(班)', 'END:VEVENT'].join('\n');
    const r = parseIcsArrangement(weekdayWork, 2027);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^days\[0\]\.date: 2027-01-05 is declared a working day but is not a weekend day/);
  });
});
