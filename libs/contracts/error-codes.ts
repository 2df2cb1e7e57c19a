// The stable machine codes of every API error (the `code` of an error body). The message stays
// English for developers; the web app shows each code in Chinese (apps/web/src/i18n). A code,
// once published, keeps its meaning: add new ones, never reuse one.
export const ERROR_CODES = {
  UNAUTHENTICATED: 'no valid session or bearer token; log in',
  SESSION_EXPIRED: 'the session ended (idle or absolute limit, logout, password reset or deactivation)',
  LOGIN_FAILED: 'username or password is wrong',
  LOGIN_THROTTLED: 'too many failed logins; wait retryAfterSeconds',
  CSRF_FAILED: 'a write with the session cookie lacks the X-CSRF-Token header of the session',
  FORBIDDEN_ROLE: "the caller's role may not do this",
  VALIDATION_FAILED: 'the request breaks a rule; `field` names the first field and `message` every rule',
  NOT_FOUND: 'no such resource (or not visible to the caller)',
  CASE_NOT_FOUND: 'no such application, or outside the caller’s scope',
  ACTION_NOT_ALLOWED: 'the step is not available in the case’s current state',
  ACTION_FORBIDDEN: 'the step is not for this caller (role, or another assignee)',
  UPDATE_REJECTED: 'the case’s workflow refused the step; `message` says why',
  CASE_CLOSED: 'the case is closed and takes no more steps',
  IDEMPOTENCY_KEY_REUSED: 'the Idempotency-Key was already used with another body',
  CONFLICT: 'the request conflicts with the current state',
  RATE_LIMITED: 'too many requests; wait retryAfterSeconds',
  PAYLOAD_TOO_LARGE: 'the request body is too large',
  LENGTH_REQUIRED: 'a public route needs the Content-Length header',
  CHALLENGE_REQUIRED: 'a public submission needs a solved challenge (GET /api/public/challenge)',
  CHALLENGE_INVALID: 'the challenge is not solved; get a new one',
  CHALLENGE_USED: 'the challenge was used already; get a new one',
  SERVICE_UNAVAILABLE: 'a service the API needs (PostgreSQL, Temporal) did not answer; retry',
  INTERNAL: 'an unexpected error; it is logged with the request id',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
export const ERROR_CODE_LIST = Object.keys(ERROR_CODES) as ErrorCode[];
export const isErrorCode = (v: unknown): v is ErrorCode => typeof v === 'string' && v in ERROR_CODES;

/** The body of every API error. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  /** English, for developers and logs; a list when several rules were broken */
  message: string | string[];
  code: ErrorCode;
  /** the first field a VALIDATION_FAILED names */
  field?: string;
  /** with 429 and 503: how long to wait */
  retryAfterSeconds?: number;
}
