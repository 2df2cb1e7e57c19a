import type { Logger, LogLevel, LogMetadata } from '@temporalio/common';
import { caseIdOfWorkflow, jsonLine, type LogLevelName } from './json-line';

const ORDER: LogLevel[] = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR'];
const NAMES: Record<LogLevel, LogLevelName> = { TRACE: 'debug', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' };

/** Errors in the metadata (e.g. `log.error('…', { error })`) as text, since JSON.stringify writes an Error as `{}`. */
const plain = (v: unknown): unknown => (v instanceof Error ? { name: v.name, message: v.message, stack: v.stack } : v);

/**
 * The worker's logger (Runtime.install): JSON lines of the same shape as the API's, with
 * the case id taken from the workflow id (`application-<id>`) of a workflow's or an
 * activity's log. The project's own logs (workflow and activity code) are filtered at
 * `level`; the SDK's (worker, core) at `sdkLevel`, as it says a lot at INFO.
 */
export class TemporalJsonLogger implements Logger {
  constructor(
    private readonly level: LogLevel,
    private readonly sdkLevel: LogLevel,
    private readonly write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  ) {}

  log(level: LogLevel, message: string, meta: LogMetadata = {}): void {
    const ours = meta.sdkComponent === 'workflow' || meta.sdkComponent === 'activity';
    if (ORDER.indexOf(level) < ORDER.indexOf(ours ? this.level : this.sdkLevel)) return;
    const fields: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(meta)) fields[k] = plain(v);
    const { sdkComponent, applicationId, ...rest } = fields;
    this.write(
      jsonLine({
        ...rest,
        level: NAMES[level],
        message,
        caseId: typeof applicationId === 'string' ? applicationId : caseIdOfWorkflow(meta.workflowId),
        context: typeof sdkComponent === 'string' ? sdkComponent : 'temporal',
      }),
    );
  }
  trace(message: string, meta?: LogMetadata): void {
    this.log('TRACE', message, meta);
  }
  debug(message: string, meta?: LogMetadata): void {
    this.log('DEBUG', message, meta);
  }
  info(message: string, meta?: LogMetadata): void {
    this.log('INFO', message, meta);
  }
  warn(message: string, meta?: LogMetadata): void {
    this.log('WARN', message, meta);
  }
  error(message: string, meta?: LogMetadata): void {
    this.log('ERROR', message, meta);
  }
}
