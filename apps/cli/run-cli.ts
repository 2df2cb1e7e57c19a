import { CALENDAR_USAGE, runCalendarCommand } from './calendar.command';
import { loadCalendar, loadWorkingDayIndex } from './calendar-source';
import { type CommandResult, failure } from './command-result';
import { runDeadlineCommand } from './deadline.command';
import { REPLAY_USAGE, runReplayCommand } from './replay.command';

const USAGE = [
  'usage: npm run -s cli -- <command>',
  '  deadline [--no-explanation]  < input.json   deadlines for one input {receivedOn, regime?, events?} or an array',
  ...CALENDAR_USAGE.map((l) => `  ${l}`),
  ...REPLAY_USAGE.map((l) => `  ${l}`),
];

/** The CLI without process I/O, so that tests can run it in-process. */
export async function runCli(args: readonly string[], readStdin: () => Promise<string>): Promise<CommandResult> {
  const [command, ...rest] = args;
  switch (command) {
    case 'deadline': {
      const unknown = rest.filter((a) => a !== '--no-explanation');
      if (unknown.length > 0) return failure([`deadline: unknown option ${unknown[0]}`, ...USAGE]);
      const [stdin, index] = await Promise.all([readStdin(), loadWorkingDayIndex()]);
      return runDeadlineCommand(stdin, index, { explain: !rest.includes('--no-explanation') });
    }
    case 'calendar':
      return runCalendarCommand(rest, rest[0] === 'export' ? '' : await readStdin(), loadCalendar);
    case 'replay':
      return runReplayCommand(rest);
    default:
      return failure([command === undefined ? 'missing command' : `unknown command ${JSON.stringify(command)}`, ...USAGE]);
  }
}
