import { buildWorkingDayIndex } from '../calendar';
import { bundledCalendar } from '../calendar/bundled-calendar';
import {
  coMakerReplyWindow,
  correctionPeriodWindow,
  feePaymentWindow,
  reminderDays,
  thirdPartyReplyWindow,
  workingDayWindow,
} from './case-windows';

const index = buildWorkingDayIndex(bundledCalendar());

describe('case windows', () => {
  it('third-party and co-maker replies: 15 working days from delivery of the letter', () => {
    // delivered Fri 2024-09-27: 9-29 (1), 9-30 (2), 10-8..10-11 (3-6), 10-12 (7), 10-14..18 (8-12), 10-21..23 (13-15)
    expect(thirdPartyReplyWindow('2024-09-27', index)).toEqual({
      startOn: '2024-09-27',
      workingDays: 15,
      endsOn: '2024-10-23',
      provisional: false,
    });
    expect(coMakerReplyWindow('2024-09-27', index).endsOn).toBe('2024-10-23');
  });

  it('correction period: default 15 working days, configurable', () => {
    // delivered Fri 2025-01-24: 1-26 Sun (1), 1-27 (2), 2-5..2-7 (3-5), 2-8 Sat (6), 2-10..2-14 (7-11), 2-17..2-20 (12-15)
    expect(correctionPeriodWindow('2025-01-24', index).endsOn).toBe('2025-02-20');
    expect(correctionPeriodWindow('2025-01-24', index, 10).endsOn).toBe('2025-02-13');
  });

  it('fee payment: 20 working days from the day after the notice is received', () => {
    expect(feePaymentWindow('2024-09-27', index).endsOn).toBe('2024-10-30');
    expect(feePaymentWindow('2026-12-20', index).provisional).toBe(true);
  });

  it('reminders: 5 and 2 working days before the due day, and the due day', () => {
    expect(reminderDays('2024-10-14', index)).toEqual([
      { workingDaysBefore: 5, on: '2024-10-08' },
      { workingDaysBefore: 2, on: '2024-10-11' },
      { workingDaysBefore: 0, on: '2024-10-14' },
    ]);
    // across the holiday: 2 working days before 10-08 are 9-29 (make-up Sunday) and 9-30
    expect(reminderDays('2024-10-08', index, [2, 1])).toEqual([
      { workingDaysBefore: 2, on: '2024-09-29' },
      { workingDaysBefore: 1, on: '2024-09-30' },
    ]);
  });

  it('rejects bad arguments', () => {
    expect(() => workingDayWindow('2024-13-01', 5, index)).toThrow(/startOn: must be a date/);
    expect(() => workingDayWindow('2024-01-01', 0, index)).toThrow(RangeError);
    expect(() => reminderDays('2024-10-14', index, [-1])).toThrow(RangeError);
  });
});
