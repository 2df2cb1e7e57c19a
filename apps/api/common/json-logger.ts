import type { LoggerService, LogLevel } from '@nestjs/common';
import { jsonLine, type LogLevelName, type LogRecord } from '../../../libs/logging/json-line';
import { currentCaseId } from './request-context';

const NAMES: Record<LogLevel, LogLevelName> = {
  verbose: 'debug',
  debug: 'debug',
  log: 'info',
  warn: 'warn',
  error: 'error',
  fatal: 'fatal',
};

/**
 * Nest's logger, writing JSON lines (libs/logging/json-line) instead of coloured text:
 * `{"time","level","message","caseId"?,"context"?, …}`. A message may be an object
 * with these fields and more; `caseId` defaults to the case the current request
 * concerns. Nest passes the context as the last string argument, and for errors the
 * stack before it.
 */
export class JsonLogger implements LoggerService {
  private enabled: Set<LogLevel>;

  constructor(
    levels: LogLevel[],
    private readonly write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
    private readonly now: () => Date = () => new Date(),
  ) {
    this.enabled = new Set(levels);
  }

  setLogLevels(levels: LogLevel[]): void {
    this.enabled = new Set(levels);
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.emit('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.emit('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.emit('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.emit('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.emit('verbose', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.emit('fatal', message, rest);
  }

  private emit(level: LogLevel, message: unknown, rest: unknown[]): void {
    if (!this.enabled.has(level)) return;
    const args = rest.filter((a) => a !== undefined); // Nest's Logger passes an absent stack as undefined
    const context = args.length && typeof args[args.length - 1] === 'string' ? (args.pop() as string) : undefined;
    const record: LogRecord = { level: NAMES[level], message: '', context };
    if (message instanceof Error) {
      record.message = message.message;
      record.stack = message.stack;
    } else if (message && typeof message === 'object') {
      Object.assign(record, message);
      record.message = String((message as { message?: unknown }).message ?? '');
    } else {
      record.message = String(message);
    }
    // Nest's error(message, stack, context): a remaining string is the stack.
    if ((level === 'error' || level === 'fatal') && typeof args[0] === 'string') record.stack = args.shift();
    if (args.length) record.details = args;
    record.level = NAMES[level];
    record.context ??= context;
    record.caseId ??= currentCaseId();
    this.write(jsonLine(record, this.now()));
  }
}
