// One log record per line, as a JSON object: what a log shipper (Loki, Elasticsearch,
// journald's JSON mode) reads without a parsing rule. Shared by the API's Nest logger
// and the worker's Temporal logger, so both processes write the same shape.

export type LogLevelName = 'debug' | 'info' | 'warn' | 'error' | 'fatal';

export interface LogRecord {
  level: LogLevelName;
  message: string;
  /** The case (application id) the request or activity concerns, when it concerns one. */
  caseId?: string;
  /** Where the line comes from (a Nest context, `http`, `temporal`). */
  context?: string;
  [field: string]: unknown;
}

/** `{"time":…,"level":…,"message":…,…}` with no newline inside; `time` is ISO 8601 UTC. */
export function jsonLine(record: LogRecord, now: Date = new Date()): string {
  const { level, message, caseId, context, ...rest } = record;
  const fields: Record<string, unknown> = { time: now.toISOString(), level, message };
  if (caseId !== undefined) fields.caseId = caseId;
  if (context !== undefined) fields.context = context;
  for (const [k, v] of Object.entries(rest)) if (v !== undefined && !(k in fields)) fields[k] = v;
  try {
    return JSON.stringify(fields, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  } catch {
    // e.g. a circular object among the extra fields: keep the line, drop what cannot be written
    return JSON.stringify({ time: fields.time, level, message, caseId, context });
  }
}

const CASE_WORKFLOW = /^application-([0-9a-f-]{36})$/;

/** The case a Temporal workflow id belongs to (`application-<id>`, see workflowIdFor), if it is a case's. */
export function caseIdOfWorkflow(workflowId: unknown): string | undefined {
  return typeof workflowId === 'string' ? CASE_WORKFLOW.exec(workflowId)?.[1] : undefined;
}
