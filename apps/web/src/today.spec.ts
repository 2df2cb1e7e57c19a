import { officeTime, officeToday } from './today';

describe("the office's day and clock in the browser", () => {
  afterEach(() => jest.useRealTimers());

  it("today is the office's calendar day, not the machine's", () => {
    // 01:30 on 4 December in Shanghai is still 3 December in UTC and in the Americas.
    jest.useFakeTimers({ now: Date.parse('2026-12-03T17:30:00Z') });
    expect(officeToday().format('YYYY-MM-DD')).toBe('2026-12-04');
    jest.setSystemTime(Date.parse('2026-12-04T15:59:59Z'));
    expect(officeToday().format('YYYY-MM-DD')).toBe('2026-12-04');
    jest.setSystemTime(Date.parse('2026-12-04T16:00:00Z'));
    expect(officeToday().format('YYYY-MM-DD')).toBe('2026-12-05');
  });

  it("shows an instant on the office's clock", () => {
    expect(officeTime('2026-12-03T17:30:05Z')).toBe('2026-12-04 01:30');
    expect(officeTime('2026-12-03T17:30:05Z', true)).toBe('2026-12-04 01:30:05');
    expect(officeTime('2026-06-30T16:00:00.000Z')).toBe('2026-07-01 00:00');
  });
});
