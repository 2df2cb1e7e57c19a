import fc from 'fast-check';
import { buildWorkingDayIndex, dayNumber, formatIsoDate, parseIsoDate } from '../calendar';
import { bundledCalendar } from '../calendar/bundled-calendar';
import { computeDeadlines } from './deadline';
import type { DeadlineEvent, DeadlineInput } from './deadline.types';
import { REGIME_RULES } from './regime';

const index = buildWorkingDayIndex(bundledCalendar());
const FIRST = dayNumber(2008, 5, 1);
const LAST = dayNumber(2039, 12, 31); // leaves room for the longest deadline inside the index

const anyDay = fc.integer({ min: FIRST, max: LAST });
const iso = formatIsoDate;
const ord = (isoDate: string) => index.workingDayOrdinal(parseIsoDate(isoDate));

// A realistic random case: optional correction, up to 3 sorted pauses, optional extension.
const caseArb = fc
  .record({
    received: anyDay,
    correctionAfter: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
    pauses: fc.array(fc.record({ startAfter: fc.integer({ min: 0, max: 60 }), length: fc.integer({ min: 0, max: 40 }) }), { maxLength: 3 }),
    extension: fc.option(fc.integer({ min: 1, max: 15 }), { nil: undefined }),
  })
  .map(({ received, correctionAfter, pauses, extension }): DeadlineInput => {
    const events: DeadlineEvent[] = [];
    if (correctionAfter !== undefined) events.push({ type: 'correction_received', on: iso(received + correctionAfter) });
    const starts = pauses
      .map((p) => ({ from: received + p.startAfter, to: received + p.startAfter + p.length }))
      .sort((a, b) => a.from - b.from);
    for (const p of starts) events.push({ type: 'paused', from: iso(p.from), to: iso(p.to) });
    if (extension !== undefined) events.push({ type: 'extended', days: extension });
    return { receivedOn: iso(received), events };
  });

describe('computeDeadlines: properties', () => {
  it('every deadline is a working day after day 0', () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const r = computeDeadlines(input, index, { explain: false });
        for (const d of [r.dueOn, r.baseDueOn, r.correctionRequestBy ?? r.dueOn]) expect(index.isWorkingDay(parseIsoDate(d))).toBe(true);
        expect(r.dueOn > r.clockStart).toBe(true);
        expect(r.dueOn >= r.baseDueOn).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('a later receipt never gives an earlier due day (also across the 2019-05-15 boundary)', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 0, max: 400 }), (a, gap) => {
        const b = Math.min(a + gap, LAST);
        const da = computeDeadlines({ receivedOn: iso(a) }, index, { explain: false }).dueOn;
        const db = computeDeadlines({ receivedOn: iso(b) }, index, { explain: false }).dueOn;
        expect(db >= da).toBe(true);
      }),
      { numRuns: 2000 },
    );
    const boundary = ['2019-05-10', '2019-05-13', '2019-05-14', '2019-05-15', '2019-05-16'].map(
      (d) => computeDeadlines({ receivedOn: d }, index).dueOn,
    );
    expect([...boundary].sort()).toEqual(boundary);
  });

  it('the due day is exactly N working days after day 0, N = regime answer period', () => {
    fc.assert(
      fc.property(anyDay, (day) => {
        const r = computeDeadlines({ receivedOn: iso(day) }, index, { explain: false });
        expect(ord(r.dueOn) - ord(r.clockStart)).toBe(REGIME_RULES[r.regime].answerWorkingDays);
        if (r.correctionRequestBy !== null) expect(ord(r.correctionRequestBy) - ord(r.receivedOn)).toBe(7);
      }),
      { numRuns: 2000 },
    );
  });

  it('a pause of k working days starting before the due day moves it by exactly k working days', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 0, max: 27 }), fc.integer({ min: 0, max: 60 }), (received, startAfter, length) => {
        const plain = computeDeadlines({ receivedOn: iso(received) }, index, { explain: false });
        const from = received + startAfter;
        fc.pre(from < parseIsoDate(plain.dueOn));
        const to = from + length;
        const k = index.workingDaysBetween(from, to);
        const paused = computeDeadlines({ receivedOn: iso(received), events: [{ type: 'paused', from: iso(from), to: iso(to) }] }, index, {
          explain: false,
        });
        expect(ord(paused.dueOn) - ord(plain.dueOn)).toBe(k);
        expect(paused.pausedWorkingDays).toBe(k);
      }),
      { numRuns: 2000 },
    );
  });

  it('a pause starting on or after the due day changes nothing', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 30 }), (received, after, length) => {
        const plain = computeDeadlines({ receivedOn: iso(received) }, index, { explain: false });
        const from = parseIsoDate(plain.dueOn) + after;
        const r = computeDeadlines(
          { receivedOn: iso(received), events: [{ type: 'paused', from: iso(from), to: iso(from + length) }] },
          index,
          { explain: false },
        );
        expect(r.dueOn).toBe(plain.dueOn);
      }),
      { numRuns: 500 },
    );
  });

  it('an extension adds exactly its working days (default: the regime maximum) after the paused due day', () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const withoutExt = { ...input, events: (input.events ?? []).filter((e) => e.type !== 'extended') };
        const base = computeDeadlines(withoutExt, index, { explain: false });
        const ext = computeDeadlines({ ...withoutExt, events: [...(withoutExt.events ?? []), { type: 'extended' }] }, index, {
          explain: false,
        });
        expect(ext.baseDueOn).toBe(base.dueOn);
        const pausedInExtension = ext.pausedWorkingDays - base.pausedWorkingDays;
        expect(ord(ext.dueOn) - ord(base.dueOn)).toBe(REGIME_RULES[ext.regime].maxExtensionWorkingDays + pausedInExtension);
        const noPauses = computeDeadlines({ receivedOn: input.receivedOn, events: [{ type: 'extended' }] }, index, { explain: false });
        expect(ord(noPauses.dueOn) - ord(noPauses.baseDueOn)).toBe(REGIME_RULES[noPauses.regime].maxExtensionWorkingDays);
      }),
      { numRuns: 1000 },
    );
  });

  it('the explanation agrees with the hot path: counted days = period + extension, the last one is the due day', () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const r = computeDeadlines(input, index);
        const e = r.explanation;
        expect(e.countedDays).toHaveLength(e.answerWorkingDays + e.extensionWorkingDays);
        expect(e.countedDays[e.countedDays.length - 1].date).toBe(r.dueOn);
        expect(e.countedDays[e.answerWorkingDays - 1].date).toBe(r.baseDueOn);
        expect(e.skippedDays.filter((d) => d.reason === 'paused')).toHaveLength(r.pausedWorkingDays);
        expect(e.pauses.reduce((s, p) => s + p.workingDaysRemoved, 0)).toBe(r.pausedWorkingDays);
        expect(r.provisional).toBe(e.provisionalYears.length > 0);
      }),
      { numRuns: 500 },
    );
  });
});
