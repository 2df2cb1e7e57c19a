// Art. 35 on the answer clock: a request for reasons does not stop it; a later reply day set by
// the office replaces the due day (recorded like an extension in the explanation).
import { buildWorkingDayIndex, parseIsoDate } from '../calendar';
import { bundledCalendar } from '../calendar/bundled-calendar';
import { computeDeadlines } from './deadline';
import { validateDeadlineInput } from './deadline-input.validator';
import type { DeadlineEvent } from './deadline.types';

const index = buildWorkingDayIndex(bundledCalendar());
const wd = (day: string, n: number) => index.isoDate(index.addWorkingDays(parseIsoDate(day), n));

// Received Fri 2024-09-27: due 2024-10-30 (see deadline.spec.ts for the day-by-day count).
const receivedOn = '2024-09-27';
const reasons: DeadlineEvent = { type: 'reasons_requested', on: '2024-10-08', by: '2024-10-15' };
const later: DeadlineEvent = { type: 'later_reply_date', on: '2024-10-16', dueOn: '2024-11-29' };

describe('Art. 35 on the answer clock', () => {
  it('a request for reasons leaves the due day alone and says so', () => {
    const r = computeDeadlines({ receivedOn, events: [reasons] }, index);
    expect(r).toMatchObject({ dueOn: '2024-10-30', baseDueOn: '2024-10-30', pausedWorkingDays: 0, extendedDueOn: null });
    expect(r.explanation.reasonsRequested).toEqual({ on: '2024-10-08', by: '2024-10-15' });
    expect(r.explanation.laterReplyDate).toBeNull();
    expect(r.explanation.text).toContain(
      '要求说明理由（条例第三十五条）：2024-10-08告知，申请人应于2024-10-15前说明；其间答复期限照常计算，只有本机关确定的延迟答复期限才改变答复期限。',
    );
  });

  it('a later reply day replaces the due day and is explained like an extension', () => {
    const r = computeDeadlines({ receivedOn, events: [reasons, later] }, index);
    expect(r).toMatchObject({ dueOn: '2024-11-29', baseDueOn: '2024-10-30', extendedDueOn: null, pausedWorkingDays: 0 });
    expect(r.explanation.laterReplyDate).toEqual({ setOn: '2024-10-16', afterDueOn: '2024-10-30', dueOn: '2024-11-29' });
    expect(r.explanation.text).toContain(
      '延迟答复（条例第三十五条）：本机关于2024-10-16认为申请理由合理，但无法在规定期限内答复，将答复期限由2024-10-30改为2024-11-29，并书面告知申请人。',
    );
    expect(r.explanation.text.at(-1)).toMatch(/^答复期限：2024-11-29（周五）/);
    expect(r.explanation.countedDays.at(-1)?.date).toBe('2024-11-29');
  });

  it('keeps the extension and the pauses it replaced, and has no effect when not later', () => {
    const pause: DeadlineEvent = { type: 'paused', from: '2024-10-09', to: '2024-10-11' };
    const extended = wd(wd('2024-10-30', 2), 20); // 2 paused working days, then 20 more
    const laterStill: DeadlineEvent = { type: 'later_reply_date', on: '2024-10-16', dueOn: '2025-01-10' };
    const r = computeDeadlines({ receivedOn, events: [reasons, pause, laterStill, { type: 'extended' }] }, index);
    expect(r).toMatchObject({ dueOn: '2025-01-10', extendedDueOn: extended, pausedWorkingDays: 2 });
    expect(r.explanation.extension).toEqual({ days: 20, afterDueOn: wd('2024-10-30', 2), dueOn: extended });
    expect(r.explanation.laterReplyDate?.afterDueOn).toBe(extended);

    const earlier: DeadlineEvent = { type: 'later_reply_date', on: '2024-10-16', dueOn: '2024-10-25' };
    const same = computeDeadlines({ receivedOn, events: [earlier] }, index);
    expect(same).toMatchObject({ dueOn: '2024-10-30' });
    expect(same.explanation.laterReplyDate).toBeNull();
  });

  it('validates the two events: dates, order of their own days, one later reply day, no unknown fields', () => {
    expect(validateDeadlineInput({ receivedOn, events: [reasons, later] })).toEqual({
      ok: true,
      value: { receivedOn, regime: 'auto', events: [reasons, later] },
    });
    const bad = validateDeadlineInput({
      receivedOn,
      events: [
        { type: 'reasons_requested', on: '2024-10-08', by: '2024-10-08' },
        { type: 'later_reply_date', on: '2024-10-16', dueOn: '2024-11-29', days: 3 },
        { type: 'later_reply_date', on: '2024-10-17', dueOn: '2024-13-01' },
        { type: 'postponed' },
      ],
    });
    expect(bad).toEqual({
      ok: false,
      errors: [
        'events[0].by: 2024-10-08 must be after on 2024-10-08',
        'events[1].days: unknown field for a later_reply_date event',
        'events[2]: only one later_reply_date is allowed (Art. 35)',
        'events[2].dueOn: must be a date YYYY-MM-DD (got "2024-13-01")',
        'events[3].type: must be one of "correction_received", "paused", "extended", "reasons_requested", "later_reply_date" (got "postponed")',
      ],
    });
  });
});
