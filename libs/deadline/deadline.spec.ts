import { isWorkday } from 'chinese-days';
import { buildWorkingDayIndex, formatIsoDate, parseIsoDate } from '../calendar';
import { bundledCalendar } from '../calendar/bundled-calendar';
import { computeDeadlines, computeDueOn } from './deadline';
import type { DeadlineInput } from './deadline.types';

const index = buildWorkingDayIndex(bundledCalendar());

// Independent oracle for official years: walk day by day with chinese-days.
function nthWorkdayAfter(iso: string, n: number): string {
  let d = parseIsoDate(iso);
  while (n > 0) {
    d++;
    if (isWorkday(formatIsoDate(d))) n--;
  }
  return formatIsoDate(d);
}

const brief = (input: DeadlineInput) => {
  const r = computeDeadlines(input, index, { explain: false });
  return {
    regime: r.regime,
    clockStart: r.clockStart,
    dueOn: r.dueOn,
    baseDueOn: r.baseDueOn,
    correctionRequestBy: r.correctionRequestBy,
    extendedDueOn: r.extendedDueOn,
    pausedWorkingDays: r.pausedWorkingDays,
    provisional: r.provisional,
  };
};

describe('computeDeadlines: hand-checked cases', () => {
  it('2024-09-27 (Fri) before National Day: correction request by the make-up Saturday 2024-10-12, due 2024-10-30', () => {
    // wd: 9-29 Sun make-up (1), 9-30 (2), 10-1..10-7 off, 10-8..10-11 (3-6), 10-12 Sat make-up (7),
    // 10-14..10-18 (8-12), 10-21..10-25 (13-17), 10-28 (18), 10-29 (19), 10-30 (20)
    expect(brief({ receivedOn: '2024-09-27', regime: 'auto', events: [] })).toEqual({
      regime: '2019',
      clockStart: '2024-09-27',
      dueOn: '2024-10-30',
      baseDueOn: '2024-10-30',
      correctionRequestBy: '2024-10-12',
      extendedDueOn: null,
      pausedWorkingDays: 0,
      provisional: false,
    });
    expect(nthWorkdayAfter('2024-09-27', 7)).toBe('2024-10-12');
    expect(nthWorkdayAfter('2024-09-27', 20)).toBe('2024-10-30');
  });

  it('regime boundary: 2019-05-14 is the 2008 regime (15 wd), 2019-05-15 the 2019 regime (20 wd)', () => {
    expect(brief({ receivedOn: '2019-05-14' })).toMatchObject({ regime: '2008', dueOn: '2019-06-04', correctionRequestBy: null });
    // 2019-06-07 (Fri) is the Dragon Boat Festival
    expect(brief({ receivedOn: '2019-05-15' })).toMatchObject({ regime: '2019', dueOn: '2019-06-13', correctionRequestBy: '2019-05-24' });
    expect(nthWorkdayAfter('2019-05-14', 15)).toBe('2019-06-04');
    expect(nthWorkdayAfter('2019-05-15', 20)).toBe('2019-06-13');
  });

  it('Spring Festival 2024: 2-10..2-17 off, make-up Sundays 2-4 and 2-18', () => {
    // received Mon 2-5: 2-6..2-9 (1-4), 2-18 Sun (5), 2-19..2-23 (6-10), 2-26..3-1 (11-15), 3-4..3-8 (16-20)
    expect(brief({ receivedOn: '2024-02-05' })).toMatchObject({ dueOn: '2024-03-08', correctionRequestBy: '2024-02-20' });
    // received on the make-up Sunday itself: it is day 0 all the same
    expect(brief({ receivedOn: '2024-02-04' })).toMatchObject({ dueOn: '2024-03-07', correctionRequestBy: '2024-02-19' });
    expect(nthWorkdayAfter('2024-02-05', 20)).toBe('2024-03-08');
  });

  it('Spring Festival 2025 (first year with 除夕 as a statutory day): 1-28..2-4 off, make-up 1-26 (Sun) and 2-8 (Sat)', () => {
    // received Fri 1-24: 1-26 Sun (1), 1-27 (2), 2-5..2-7 (3-5), 2-8 Sat (6), 2-10..2-14 (7-11), 2-17..2-21 (12-16), 2-24..2-27 (17-20)
    expect(brief({ receivedOn: '2025-01-24' })).toMatchObject({ dueOn: '2025-02-27', correctionRequestBy: '2025-02-10' });
    expect(nthWorkdayAfter('2025-01-24', 20)).toBe('2025-02-27');
    expect(nthWorkdayAfter('2025-01-24', 7)).toBe('2025-02-10');
  });

  it('2008 regime across the 2008 National Day (make-up 9-27 Sat, 9-28 Sun)', () => {
    expect(brief({ receivedOn: '2008-09-26' })).toMatchObject({
      regime: '2008',
      dueOn: '2008-10-22',
      correctionRequestBy: null,
      provisional: false,
    });
    expect(nthWorkdayAfter('2008-09-26', 15)).toBe('2008-10-22');
    // 2008 extension: up to 15 wd
    expect(brief({ receivedOn: '2008-09-26', events: [{ type: 'extended' }] })).toMatchObject({
      extendedDueOn: '2008-11-12',
      baseDueOn: '2008-10-22',
    });
    expect(nthWorkdayAfter('2008-10-22', 15)).toBe('2008-11-12');
  });

  it('a correction restarts the clock; the correction request date stays tied to the original receipt', () => {
    // day 0 = 10-10: 10-11 (1), 10-12 Sat make-up (2), ..., 11-06 (20)
    expect(brief({ receivedOn: '2024-09-27', events: [{ type: 'correction_received', on: '2024-10-10' }] })).toMatchObject({
      clockStart: '2024-10-10',
      dueOn: '2024-11-06',
      correctionRequestBy: '2024-10-12',
    });
    expect(nthWorkdayAfter('2024-10-10', 20)).toBe('2024-11-06');
  });

  it('a pause across the National Day holidays removes only its working days', () => {
    // (9-30, 10-10]: 10-8, 10-9, 10-10 are working days -> 3; 10-30 + 3 wd = 11-04
    expect(brief({ receivedOn: '2024-09-27', events: [{ type: 'paused', from: '2024-09-30', to: '2024-10-10' }] })).toMatchObject({
      dueOn: '2024-11-04',
      baseDueOn: '2024-11-04',
      pausedWorkingDays: 3,
    });
    // a pause entirely inside the holidays removes nothing
    expect(brief({ receivedOn: '2024-09-27', events: [{ type: 'paused', from: '2024-10-01', to: '2024-10-07' }] })).toMatchObject({
      dueOn: '2024-10-30',
      pausedWorkingDays: 0,
    });
  });

  it('pauses: overlapping ones count once, one starting on the due day has no effect', () => {
    const overlapping = brief({
      receivedOn: '2024-11-01',
      events: [
        { type: 'paused', from: '2024-11-04', to: '2024-11-08' }, // 11-5..11-8: 4
        { type: 'paused', from: '2024-11-06', to: '2024-11-12' }, // adds 11-11, 11-12: 2
      ],
    });
    expect(overlapping.pausedWorkingDays).toBe(6);
    expect(overlapping.dueOn).toBe(formatIsoDate(index.addWorkingDays(parseIsoDate('2024-11-29'), 6))); // unpaused due 11-29
    expect(overlapping.dueOn).toBe('2024-12-09');
    expect(brief({ receivedOn: '2024-11-01', events: [{ type: 'paused', from: '2024-11-29', to: '2024-12-20' }] })).toMatchObject({
      dueOn: '2024-11-29',
      pausedWorkingDays: 0,
    });
    // starting the day before the due day: all its working days count
    expect(brief({ receivedOn: '2024-11-01', events: [{ type: 'paused', from: '2024-11-28', to: '2024-12-03' }] })).toMatchObject({
      dueOn: '2024-12-04',
      pausedWorkingDays: 3,
    });
  });

  it('a pause before a correction does not count; one straddling it counts from the new day 0', () => {
    const r = brief({
      receivedOn: '2024-09-02',
      events: [
        { type: 'paused', from: '2024-09-03', to: '2024-09-05' },
        { type: 'correction_received', on: '2024-09-10' },
        { type: 'paused', from: '2024-09-09', to: '2024-09-12' }, // unsorted on purpose: library sorts pauses
      ],
    });
    // day 0 = 9-10 (Tue); 9-11, 9-12 paused -> 2; unpaused due = 20th wd after 9-10
    expect(r.clockStart).toBe('2024-09-10');
    expect(r.pausedWorkingDays).toBe(2);
    expect(r.dueOn).toBe(formatIsoDate(index.addWorkingDays(parseIsoDate('2024-09-10'), 22)));
  });

  it('an extension adds its working days after the paused due day', () => {
    expect(brief({ receivedOn: '2024-09-27', events: [{ type: 'extended' }] })).toMatchObject({
      dueOn: '2024-11-27',
      baseDueOn: '2024-10-30',
      extendedDueOn: '2024-11-27',
    });
    expect(nthWorkdayAfter('2024-10-30', 20)).toBe('2024-11-27');
    expect(
      brief({
        receivedOn: '2024-09-27',
        events: [
          { type: 'paused', from: '2024-09-30', to: '2024-10-10' },
          { type: 'extended', days: 10 },
        ],
      }),
    ).toMatchObject({ baseDueOn: '2024-11-04', dueOn: '2024-11-18', extendedDueOn: '2024-11-18' });
    // a consultation during the extension also stops the clock
    expect(
      brief({ receivedOn: '2024-09-27', events: [{ type: 'paused', from: '2024-11-05', to: '2024-11-07' }, { type: 'extended' }] }),
    ).toMatchObject({ baseDueOn: '2024-10-30', dueOn: '2024-11-29', pausedWorkingDays: 2 });
  });

  it('a deadline that reaches a year without official arrangement is provisional', () => {
    // 2027 derived: 2-5 (除夕, Fri) and 2-8 (初三, Mon) off; 2-6, 2-7 are a weekend anyway
    expect(brief({ receivedOn: '2027-01-29' })).toMatchObject({
      dueOn: '2027-03-02',
      correctionRequestBy: '2027-02-11',
      provisional: true,
    });
    expect(brief({ receivedOn: '2026-12-10' }).provisional).toBe(true); // due in January 2027
    expect(brief({ receivedOn: '2026-11-02' }).provisional).toBe(false);
  });

  it('honours an explicit regime (validation rejects a mismatch, the engine does not)', () => {
    expect(brief({ receivedOn: '2024-09-27', regime: '2008' })).toMatchObject({
      regime: '2008',
      dueOn: nthWorkdayAfter('2024-09-27', 15),
      correctionRequestBy: null,
    });
  });

  it('throws RangeError for bad dates, bad extensions and deadlines beyond the calendar', () => {
    expect(() => computeDeadlines({ receivedOn: '2024-02-30' }, index)).toThrow(/receivedOn: must be a date/);
    expect(() => computeDeadlines({ receivedOn: '2024-09-27', events: [{ type: 'extended', days: 21 }] }, index)).toThrow(
      /events\[0\]\.days/,
    );
    expect(() => computeDeadlines({ receivedOn: '2040-12-20' }, index)).toThrow(/falls after 2040-12-31/);
  });

  it('computeDueOn (hot path) agrees with computeDeadlines', () => {
    const input: DeadlineInput = {
      receivedOn: '2024-09-27',
      events: [{ type: 'paused', from: '2024-09-30', to: '2024-10-10' }, { type: 'extended' }],
    };
    expect(computeDueOn(input, index)).toBe(computeDeadlines(input, index).dueOn);
  });
});

describe('computeDeadlines: explanation', () => {
  it('lists counted days, skipped weekends and holidays with names, make-up days and the calendar version', () => {
    const r = computeDeadlines(
      {
        receivedOn: '2024-09-27',
        events: [
          { type: 'paused', from: '2024-09-30', to: '2024-10-10' },
          { type: 'extended', days: 5 },
        ],
      },
      index,
    );
    const e = r.explanation;
    expect(e.calendarVersion).toBe(index.calendarVersion);
    expect(e.clockStartReason).toBe('receipt');
    expect(e.countedDays).toHaveLength(25);
    expect(e.countedDays[0]).toEqual({ n: 1, date: '2024-09-29', weekday: 'Sunday', name: '国庆节调休上班', makeUp: true });
    expect(e.countedDays[24].date).toBe(r.dueOn);
    expect(e.makeUpWorkingDays.map((d) => d.date)).toEqual(['2024-09-29', '2024-10-12']);
    expect(e.holidays.map((d) => `${d.date} ${d.name}`)).toEqual([
      '2024-10-01 国庆节',
      '2024-10-02 国庆节',
      '2024-10-03 国庆节',
      '2024-10-04 国庆节',
      '2024-10-07 国庆节',
    ]);
    expect(e.skippedDays.filter((d) => d.reason === 'paused').map((d) => d.date)).toEqual(['2024-10-08', '2024-10-09', '2024-10-10']);
    expect(e.skippedDays.find((d) => d.date === '2024-09-28')).toEqual({ date: '2024-09-28', weekday: 'Saturday', reason: 'weekend' });
    expect(e.pauses).toEqual([{ from: '2024-09-30', to: '2024-10-10', workingDaysRemoved: 3 }]);
    expect(e.extension).toEqual({ days: 5, afterDueOn: '2024-11-04', dueOn: '2024-11-11' });
    expect(e.correctionRequest).toEqual({ by: '2024-10-12', basis: '2019 Regulations Art. 30' });
    expect(e.text.join('\n')).toContain('答复期限：2024-11-11（周一），当日24时前（北京时间）。');
    expect(e.text.join('\n')).toContain('不计入的节假日：2024-10-01（周二，国庆节），2024-10-02（周三，国庆节）');
    expect(e.text.join('\n')).toContain(`节假日数据版本：${index.calendarVersion}。`);
    expect(e.text.join('\n')).toContain('暂停 2024-09-30 至 2024-10-10：3个工作日不计入（2024-10-08，2024-10-09，2024-10-10）');
    expect(e.text.join('\n')).toContain('延长答复期限（条例第三十三条第二款）：自2024-11-04起再延长5个工作日，至2024-11-11。');
  });

  it('says why a deadline is provisional and when the clock restarted', () => {
    const e = computeDeadlines(
      { receivedOn: '2026-12-10', events: [{ type: 'correction_received', on: '2026-12-15' }] },
      index,
    ).explanation;
    expect(e.clockStartReason).toBe('correction_received');
    expect(e.provisionalYears).toEqual([2027]);
    expect(e.text.some((l) => l.startsWith('暂定：2027年的国务院节假日安排尚未载入'))).toBe(true);
    expect(e.text.some((l) => l.includes('收到补正后申请之日；期限自此重新计算'))).toBe(true);
  });

  it('notes a pause with no effect', () => {
    const e = computeDeadlines(
      { receivedOn: '2024-11-01', events: [{ type: 'paused', from: '2024-11-29', to: '2024-12-20' }] },
      index,
    ).explanation;
    expect(e.pauses[0]).toEqual({
      from: '2024-11-29',
      to: '2024-12-20',
      workingDaysRemoved: 0,
      note: '始于答复期限当日或之后，不影响期限',
    });
  });
});
