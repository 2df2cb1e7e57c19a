import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { type ApiErrorBody, type ErrorCode, isErrorCode } from '../../../libs/contracts/error-codes';
import { RETRY_AFTER_SECONDS, transientDependency } from './unavailable';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The code an error without one gets, from its status (and, for a few, its message). */
export function defaultCode(status: number, message: string): ErrorCode {
  switch (status) {
    case 400:
      return 'VALIDATION_FAILED';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN_ROLE';
    case 404:
      return /^application \S+ not found/.test(message) ? 'CASE_NOT_FOUND' : 'NOT_FOUND';
    case 409:
      if (message.startsWith('Idempotency-Key')) return 'IDEMPOTENCY_KEY_REUSED';
      if (/^application \S+ is closed|not allowed in status closed/.test(message)) return 'CASE_CLOSED';
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 429:
      return 'RATE_LIMITED';
    case 503:
      return 'SERVICE_UNAVAILABLE';
    default:
      return status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED';
  }
}

/** `body.applicant.name: must not be empty` -> `body.applicant.name`. */
export function fieldOf(message: string): string | undefined {
  const m = /^([A-Za-z_$][\w$.[\]-]*): /.exec(message);
  return m ? m[1] : undefined;
}

/** A body-parser failure (malformed JSON, a body over the limit): it carries its own status. */
function parserError(err: unknown): { status: number; message: string } | undefined {
  const e = err as { type?: unknown; status?: unknown; message?: unknown };
  if (typeof e?.type === 'string' && e.type.startsWith('entity.') && typeof e.status === 'number' && e.status >= 400 && e.status < 500)
    return { status: e.status, message: `body: ${String(e.message)}` };
  return undefined;
}

/**
 * Every error leaves the API as one shape: {statusCode, error, message, code, field?,
 * retryAfterSeconds?}, with a Retry-After header where there is something to wait for. The
 * message stays as it was (English, naming the field and the rule); `code` is the stable
 * machine code (libs/contracts/error-codes.ts) the web app turns into Chinese.
 */
@Catch()
export class ApiErrorFilter implements ExceptionFilter {
  private readonly log = new Logger('ApiError');

  catch(err: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<{
      headersSent: boolean;
      status(n: number): { json(b: unknown): void };
      setHeader(k: string, v: string): void;
    }>();
    let status: number;
    let body: Record<string, unknown>;
    const parsed = parserError(err);
    if (err instanceof HttpException) {
      status = err.getStatus();
      const r = err.getResponse();
      body = typeof r === 'string' ? { message: r } : { ...(r as Record<string, unknown>) };
    } else if (parsed) {
      status = parsed.status;
      body = { message: parsed.message };
    } else if (transientDependency(err)) {
      // PostgreSQL or Temporal down or restarting: retryable, never a 500.
      const which = transientDependency(err);
      status = 503;
      body = {
        message: `the ${which} is temporarily unavailable; retry after ${RETRY_AFTER_SECONDS} seconds`,
        code: 'SERVICE_UNAVAILABLE',
        retryAfterSeconds: RETRY_AFTER_SECONDS,
      };
      this.log.warn(`503: the ${which} is unavailable: ${(err as Error)?.message}`);
    } else {
      status = 500;
      body = { message: 'Internal server error' };
      this.log.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    }
    const messages = Array.isArray(body.message) ? (body.message as unknown[]).map(String) : [String(body.message ?? '')];
    const code = isErrorCode(body.code) ? body.code : defaultCode(status, messages[0] ?? '');
    const out: ApiErrorBody = {
      ...(body as object),
      statusCode: status,
      error: typeof body.error === 'string' ? body.error : (REASONS[status] ?? 'Error'),
      message: body.message as string | string[],
      code,
    };
    if (code === 'VALIDATION_FAILED' && out.field === undefined) {
      const field = fieldOf(messages[0] ?? '');
      if (field) out.field = field;
    }
    if (out.retryAfterSeconds === undefined && (status === 503 || status === 429)) {
      const m = /(\d+) ?s\b/.exec(messages[0] ?? '');
      out.retryAfterSeconds = status === 429 && m ? Number(m[1]) : status === 503 ? 5 : undefined;
      if (out.retryAfterSeconds === undefined) delete out.retryAfterSeconds;
    }
    if (res.headersSent) return;
    if (out.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(out.retryAfterSeconds));
    res.status(status).json(out);
  }
}
