import { validateCalendarData, validateYearArrangement } from './year-arrangement.validator';

const errorsOf = (input: unknown) => {
  const r = validateYearArrangement(input);
  return r.ok ? [] : r.errors;
};

describe('validateYearArrangement', () => {
  it('accepts a correct arrangement and normalizes it (sorted, trimmed)', () => {
    const r = validateYearArrangement({
      year: 2025,
      official: true,
      notice: ' 国办发明电〔2024〕12号 ',
      days: [
        { date: '2025-10-11', kind: 'workday', name: '国庆节调休上班' },
        { date: '2025-10-01', kind: 'holiday', name: '国庆节' },
      ],
    });
    expect(r).toEqual({
      ok: true,
      value: {
        year: 2025,
        official: true,
        notice: '国办发明电〔2024〕12号',
        days: [
          { date: '2025-10-01', kind: 'holiday', name: '国庆节' },
          { date: '2025-10-11', kind: 'workday', name: '国庆节调休上班' },
        ],
      },
    });
  });

  it('names the field and the rule for each error', () => {
    expect(
      errorsOf({
        year: 2025,
        official: true,
        days: [
          { date: '2025-10-01', kind: 'holiday' },
          { date: '2025-10-01', kind: 'holiday' }, // duplicate
          { date: '2026-01-01', kind: 'holiday' }, // other year
          { date: '2025-10-10', kind: 'workday' }, // a Friday
          { date: '2025-10-04', kind: 'holiday' }, // a Saturday
          { date: '2025-02-30', kind: 'holiday' }, // not a date
          { date: '2025-05-05', kind: 'rest' }, // bad kind
          { date: '2025-05-06', kind: 'holiday', colour: 'red' }, // unknown field
        ],
      }),
    ).toEqual([
      'days[1].date: 2025-10-01 duplicates days[0]',
      'days[2].date: 2026-01-01 is not in 2025',
      'days[3].date: 2025-10-10 is declared a working day but is not a weekend day (Friday); only a Saturday or Sunday can be a make-up working day',
      'days[4].date: 2025-10-04 is declared a holiday but is a Saturday; a weekend rest day needs no row',
      'days[5].date: must be a date YYYY-MM-DD (got "2025-02-30")',
      'days[6].kind: must be "holiday" or "workday" (got "rest")',
      'days[7].colour: unknown field',
    ]);
  });

  it('checks the year fields', () => {
    expect(errorsOf({ year: 2025.5, official: 'yes', days: {}, extra: 1, notice: '' })).toEqual([
      'extra: unknown field',
      'year: must be an integer year 1950-2200 (got 2025.5)',
      'official: must be true or false (got "yes")',
      'notice: must be a non-empty text of at most 500 characters (got "")',
      'days: must be an array of {date, kind, name?, notice?} (got {})',
    ]);
    expect(errorsOf([])).toEqual(['(input): must be an object {year, official, days, notice?}']);
    expect(errorsOf({ year: 2025, official: false, days: [42] })).toEqual(['days[0]: must be an object {date, kind, name?, notice?}']);
  });
});

describe('validateCalendarData', () => {
  it('prefixes errors with the year index and rejects duplicate years', () => {
    const r = validateCalendarData({
      version: 'v1',
      years: [
        { year: 2027, official: true, days: [] },
        { year: 2027, official: true, days: [{ date: '2027-01-02', kind: 'holiday' }] },
      ],
    });
    expect(r).toEqual({
      ok: false,
      errors: ['years[1].days[0].date: 2027-01-02 is declared a holiday but is a Saturday; a weekend rest day needs no row'],
    });
    expect(
      validateCalendarData({
        version: 'v1',
        years: [
          { year: 2027, official: true, days: [] },
          { year: 2027, official: false, days: [] },
        ],
      }),
    ).toEqual({
      ok: false,
      errors: ['years[1].year: 2027 duplicates years[0]'],
    });
    expect(validateCalendarData({ years: [] })).toEqual({ ok: false, errors: ['version: required'] });
  });
});
