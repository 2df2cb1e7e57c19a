// Deadline engine throughput on one core:
//   node scripts/run-ts.js bench/deadline/main.ts [seconds-per-measure]
// Builds the index once, then runs a realistic mix of cases (receipts 2019-2026,
// ~30% corrected, ~20% paused, ~10% extended) through the hot path and with the
// full explanation.
import { performance } from 'node:perf_hooks';
import { buildWorkingDayIndex, dayNumber, formatIsoDate } from '../../libs/calendar';
import { bundledCalendar } from '../../libs/calendar/bundled-calendar';
import { type DeadlineEvent, type DeadlineInput, computeDeadlines, computeDueOn } from '../../libs/deadline';

const SECONDS = Number(process.argv[2] ?? 3);
const CASES = 100_000;

// Deterministic PRNG (mulberry32) so that runs are comparable.
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeCases(n: number): DeadlineInput[] {
  const rand = rng(20240927);
  const from = dayNumber(2019, 1, 1);
  const span = dayNumber(2026, 12, 31) - from;
  const out: DeadlineInput[] = [];
  for (let i = 0; i < n; i++) {
    const received = from + Math.floor(rand() * span);
    const events: DeadlineEvent[] = [];
    let cursor = received;
    if (rand() < 0.3) {
      cursor += 1 + Math.floor(rand() * 10);
      events.push({ type: 'correction_received', on: formatIsoDate(cursor) });
    }
    if (rand() < 0.2) {
      const start = cursor + 1 + Math.floor(rand() * 15);
      events.push({ type: 'paused', from: formatIsoDate(start), to: formatIsoDate(start + 5 + Math.floor(rand() * 20)) });
    }
    if (rand() < 0.1) events.push({ type: 'extended' });
    out.push({ receivedOn: formatIsoDate(received), regime: 'auto', events });
  }
  return out;
}

function measure(label: string, cases: DeadlineInput[], run: (input: DeadlineInput) => unknown): number {
  let sink = 0;
  // warm-up so that the JIT has compiled the path being measured
  for (let i = 0; i < 20_000; i++) sink += String(run(cases[i % cases.length])).length;
  let ops = 0;
  const start = performance.now();
  const deadline = start + SECONDS * 1000;
  let now = start;
  while (now < deadline) {
    for (let i = 0; i < 10_000; i++) {
      const r = run(cases[(ops + i) % cases.length]);
      if (r === null) sink++;
    }
    ops += 10_000;
    now = performance.now();
  }
  const perSecond = ops / ((now - start) / 1000);
  console.log(
    `${label.padEnd(46)} ${Math.round(perSecond).toLocaleString('en-US').padStart(12)} /s   ${((1e6 / perSecond) * 1000).toFixed(0).padStart(6)} ns/op   (${ops.toLocaleString('en-US')} ops)`,
  );
  if (sink === -1) console.log(sink); // keeps the results observable
  return perSecond;
}

const t0 = performance.now();
const calendar = bundledCalendar();
const t1 = performance.now();
const index = buildWorkingDayIndex(calendar);
const t2 = performance.now();
const cases = makeCases(CASES);
const share = (p: (c: DeadlineInput) => boolean) => `${((cases.filter(p).length / CASES) * 100).toFixed(1)}%`;
const has = (t: DeadlineEvent['type']) => (c: DeadlineInput) => (c.events ?? []).some((e) => e.type === t);

console.log(`calendar ${index.calendarVersion}`);
console.log(
  `  load bundled calendar: ${(t1 - t0).toFixed(1)} ms; build index ${index.fromYear}-${index.toYear}: ${(t2 - t1).toFixed(1)} ms (once)`,
);
console.log(
  `  ${CASES.toLocaleString('en-US')} cases, receipts 2019-2026: corrected ${share(has('correction_received'))}, paused ${share(has('paused'))}, extended ${share(has('extended'))}`,
);
console.log(`  node ${process.version}, one core, ${SECONDS}s per measure`);
console.log('');
const hot = measure('computeDueOn (hot path)', cases, (c) => computeDueOn(c, index));
const noExplain = measure('computeDeadlines {explain:false}', cases, (c) => computeDeadlines(c, index, { explain: false }));
const full = measure('computeDeadlines with explanation', cases, (c) => computeDeadlines(c, index));
console.log('');
const target = 1_000_000;
console.log(
  `hot path target >= ${target.toLocaleString('en-US')}/s: ${hot >= target && noExplain >= target ? 'met' : 'NOT met'} (computeDueOn ${(hot / target).toFixed(1)}x, computeDeadlines ${(noExplain / target).toFixed(1)}x); explanation costs ${(noExplain / full).toFixed(0)}x`,
);
