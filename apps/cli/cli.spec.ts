import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CalendarData } from '../../libs/calendar';
import { bundledCalendar } from '../../libs/calendar/bundled-calendar';
import { loadCalendar, setCalendarProvider } from './calendar-source';
import { runCli } from './run-cli';

const root = join(__dirname, '..', '..');

function spawnCli(args: string[], input: string) {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'run-ts.js'), 'apps/cli/main.ts', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const inProcess = (args: string[], input: string) => runCli(args, async () => input);

describe('cli (spawned)', () => {
  it('deadline: an array in gives an array out, same order', () => {
    const r = spawnCli(
      ['deadline'],
      JSON.stringify([{ receivedOn: '2024-09-27' }, { receivedOn: '2019-05-14', regime: 'auto', events: [] }]),
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ regime: '2019', dueOn: '2024-10-30', correctionRequestBy: '2024-10-12', provisional: false });
    expect(out[0].explanation.text.length).toBeGreaterThan(3);
    expect(out[1]).toMatchObject({ regime: '2008', dueOn: '2019-06-04', correctionRequestBy: null });
  });

  it('deadline: bad input exits 2 with the field on stderr and nothing on stdout', () => {
    const r = spawnCli(
      ['deadline'],
      JSON.stringify([
        { receivedOn: '2024-09-27' },
        { receivedOn: '2024-09-27', events: [{ type: 'correction_received', on: '2024-10-1' }] },
      ]),
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('[1].events[0].on: must be a date YYYY-MM-DD');
  });

  it('deadline: bad JSON exits 2', () => {
    const r = spawnCli(['deadline'], '{"receivedOn": ');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^stdin: not valid JSON/);
  });
});

describe('cli (in process)', () => {
  afterEach(() => setCalendarProvider(null));

  it('deadline: one object in gives one object out', async () => {
    const r = await inProcess(['deadline', '--no-explanation'], '{"receivedOn":"2027-01-29"}');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      regime: '2019',
      receivedOn: '2027-01-29',
      clockStart: '2027-01-29',
      dueOn: '2027-03-02',
      baseDueOn: '2027-03-02',
      correctionRequestBy: '2027-02-11',
      extendedDueOn: null,
      extensionWorkingDays: 0,
      pausedWorkingDays: 0,
      provisional: true,
      calendarVersion: bundledCalendar().version,
      explanation: null,
    });
  });

  it.each([
    ['an unknown field', '{"receivedOn":"2024-09-27","foo":1}', 'foo: unknown field'],
    ['a bad date', '{"receivedOn":"2024-02-30"}', 'receivedOn: must be a date YYYY-MM-DD (got "2024-02-30")'],
    ['an unknown event type', '{"receivedOn":"2024-09-27","events":[{"type":"x"}]}', 'events[0].type: must be'],
    [
      'an event out of order',
      '{"receivedOn":"2024-09-27","events":[{"type":"paused","from":"2024-10-09","to":"2024-10-10"},{"type":"correction_received","on":"2024-10-08"}]}',
      'events[1].on: 2024-10-08 is before events[0].from',
    ],
    ['a deadline beyond the calendar', '{"receivedOn":"2040-12-20"}', 'receivedOn: the deadline falls after 2040-12-31'],
    ['empty stdin', '', 'stdin: empty'],
    ['a scalar', '42', '(input): must be an object'],
  ])('deadline rejects %s', async (_what, input, message) => {
    const r = await inProcess(['deadline'], input);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });

  it('deadline: an empty array gives an empty array', async () => {
    const r = await inProcess(['deadline'], '[]');
    expect(r).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
  });

  it('uses the calendar provider that is plugged in', async () => {
    const custom: CalendarData = { version: 'test-calendar-1', years: [] };
    setCalendarProvider(async () => custom);
    expect(await loadCalendar()).toBe(custom);
    const r = await inProcess(['deadline'], '{"receivedOn":"2024-09-27"}');
    // plain Monday-Friday: 20 wd after Fri 9-27 is Fri 10-25, all provisional
    expect(JSON.parse(r.stdout)).toMatchObject({ dueOn: '2024-10-25', provisional: true, calendarVersion: 'test-calendar-1' });
  });

  it('calendar validate prints the normalized year or the errors', async () => {
    const ok = await inProcess(
      ['calendar', 'validate'],
      JSON.stringify({
        year: 2027,
        official: true,
        days: [
          { date: '2027-10-09', kind: 'workday' },
          { date: '2027-10-01', kind: 'holiday' },
        ],
      }),
    );
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).days.map((d: { date: string }) => d.date)).toEqual(['2027-10-01', '2027-10-09']);
    const bad = await inProcess(
      ['calendar', 'validate'],
      JSON.stringify({ year: 2025, official: true, days: [{ date: '2025-10-10', kind: 'workday' }] }),
    );
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('days[0].date: 2025-10-10 is declared a working day but is not a weekend day');
  });

  it('calendar import-ics and export', async () => {
    const ics = readFileSync(require.resolve('chinese-days/dist/years/2025.ics'), 'utf8');
    const r = await inProcess(['calendar', 'import-ics', '2025'], ics);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).days).toContainEqual({ date: '2025-10-11', kind: 'workday', name: '国庆节' });
    const exp = await inProcess(['calendar', 'export'], '');
    expect(JSON.parse(exp.stdout).version).toBe(bundledCalendar().version);
  });

  it('unknown commands exit 2 with usage', async () => {
    const r = await inProcess(['frobnicate'], '');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('usage: npm run -s cli -- <command>');
  });
});
