import { buildWorkingDayIndex } from '../calendar';
import { bundledCalendar } from '../calendar/bundled-calendar';
import { validateDeadlineInput } from './deadline-input.validator';

const index = buildWorkingDayIndex(bundledCalendar());
const errorsOf = (input: unknown, path?: string) => {
  const r = validateDeadlineInput(input, { index, path });
  return r.ok ? [] : r.errors;
};

describe('validateDeadlineInput', () => {
  it('accepts a full input and fills the defaults', () => {
    expect(validateDeadlineInput({ receivedOn: '2024-09-27' })).toEqual({
      ok: true,
      value: { receivedOn: '2024-09-27', regime: 'auto', events: [] },
    });
    const events = [
      { type: 'correction_received', on: '2024-10-08' },
      { type: 'paused', from: '2024-10-09', to: '2024-10-15' },
      { type: 'paused', from: '2024-10-10', to: '2024-10-11' },
      { type: 'extended', days: 20 },
    ];
    expect(validateDeadlineInput({ receivedOn: '2024-09-27', regime: '2019', events }, { index })).toEqual({
      ok: true,
      value: { receivedOn: '2024-09-27', regime: '2019', events },
    });
  });

  it('names each bad field, with the batch prefix', () => {
    expect(
      errorsOf(
        {
          receivedOn: '2024-09-27',
          colour: 'red',
          events: [
            { type: 'correction_received', on: '2024-9-30' },
            { type: 'paused', from: '2024-10-09', to: '2024-10-08', reason: 'x' },
            { type: 'refused' },
            'extended',
            { type: 'extended', days: 21 },
          ],
        },
        '[1]',
      ),
    ).toEqual([
      '[1].colour: unknown field',
      '[1].events[0].on: must be a date YYYY-MM-DD (got "2024-9-30")',
      '[1].events[1].reason: unknown field for a paused event',
      '[1].events[1].to: 2024-10-08 is before from 2024-10-09',
      '[1].events[2].type: must be one of "correction_received", "paused", "extended", "reasons_requested", "later_reply_date" (got "refused")',
      '[1].events[3]: must be an object with a type',
      '[1].events[4].days: must be an integer 1-20 (2019 regime) (got 21)',
    ]);
  });

  it('requires dated events in order and not before receipt', () => {
    expect(
      errorsOf({
        receivedOn: '2024-09-27',
        events: [
          { type: 'paused', from: '2024-09-20', to: '2024-09-30' },
          { type: 'paused', from: '2024-10-10', to: '2024-10-12' },
          { type: 'correction_received', on: '2024-10-09' },
        ],
      }),
    ).toEqual([
      'events[0].from: 2024-09-20 is before receivedOn 2024-09-27 (events must be in date order, after receipt)',
      'events[2].on: 2024-10-09 is before events[1].from 2024-10-10 (events must be in date order, after receipt)',
    ]);
  });

  it('allows one correction and one extension', () => {
    expect(
      errorsOf({
        receivedOn: '2024-09-27',
        events: [
          { type: 'correction_received', on: '2024-10-08' },
          { type: 'correction_received', on: '2024-10-09' },
          { type: 'extended' },
          { type: 'extended', days: 5 },
        ],
      }),
    ).toEqual([
      'events[1]: only one correction_received is allowed (Art. 30: one correction request listing everything)',
      'events[3]: only one extension is allowed',
    ]);
  });

  it('checks the regime against the date of receipt and the 2008 start', () => {
    expect(errorsOf({ receivedOn: '2019-05-15', regime: '2008' })).toEqual([
      'regime: 2008 does not apply to an application received on 2019-05-15 (the 2019 Regulations apply from 2019-05-15)',
    ]);
    expect(errorsOf({ receivedOn: '2019-05-14', regime: '2008' })).toEqual([]);
    expect(errorsOf({ receivedOn: '2019-05-14', events: [{ type: 'extended', days: 16 }] })).toEqual([
      'events[0].days: must be an integer 1-15 (2008 regime) (got 16)',
    ]);
    expect(errorsOf({ receivedOn: '2008-04-30' })).toEqual([
      'receivedOn: 2008-04-30 is before 2008-05-01, when the 2008 Regulations came into force',
    ]);
    expect(errorsOf({ receivedOn: '2024-01-01', regime: 'new' })).toEqual(['regime: must be "auto", "2008" or "2019" (got "new")']);
  });

  it('rejects dates outside the calendar and non-objects', () => {
    expect(errorsOf({ receivedOn: '2041-01-02' })).toEqual(['receivedOn: 2041-01-02 is outside the calendar (2004-01-01 to 2040-12-31)']);
    expect(errorsOf({})).toEqual(['receivedOn: must be a date YYYY-MM-DD (got missing)']);
    expect(errorsOf(null)).toEqual(['(input): must be an object {receivedOn, regime?, events?}']);
    expect(errorsOf('x', '[0]')).toEqual(['[0]: must be an object {receivedOn, regime?, events?}']);
    expect(errorsOf({ receivedOn: '2024-01-02', events: {} })).toEqual(['events: must be an array (got {})']);
  });
});
