// One place that turns "a service we depend on is down" into a clear retryable
// answer: 503 with Retry-After, instead of Nest's generic 500. PostgreSQL being
// unreachable or restarting, and Temporal being unreachable, are transient: the
// client may retry the same request once the service is back. ApiErrorFilter answers with it.

import { isConnectionLost } from '../../../libs/persistence/connection-lost';

export const RETRY_AFTER_SECONDS = 5;

// gRPC status codes from Temporal: 14 UNAVAILABLE, 4 DEADLINE_EXCEEDED.
const GRPC_TRANSIENT = new Set([4, 14]);

/** Which dependency a transient error comes from, or undefined if it is not one. */
export function transientDependency(error: unknown): 'database' | 'workflow service' | undefined {
  const seen = new Set<unknown>();
  for (let e = error as Record<string, unknown> | undefined; e && typeof e === 'object' && !seen.has(e); e = e.cause as typeof e) {
    seen.add(e);
    const code = e.code;
    const name = String(e.name ?? '');
    const message = String(e.message ?? '');
    if (name === 'ServiceError' || name === 'ConnectionError' || /grpc|temporal/i.test(name) || e.metadata !== undefined) {
      if (typeof code === 'number' && GRPC_TRANSIENT.has(code)) return 'workflow service';
      if (/UNAVAILABLE|DEADLINE_EXCEEDED|Failed to connect|connection refused/i.test(message)) return 'workflow service';
    }
    if (typeof code === 'number' && GRPC_TRANSIENT.has(code) && e.details !== undefined) return 'workflow service';
    if (isConnectionLost(e)) return 'database';
    if (/14 UNAVAILABLE|4 DEADLINE_EXCEEDED/.test(message)) return 'workflow service';
  }
  return undefined;
}

/**
 * How long a request waits for the workflow (a registration or a step sent as an Update) before
 * answering 503 with Retry-After: well inside the 30 s a client commonly waits, so an outage of
 * the worker or the Temporal server gives a clear, retryable answer instead of a client timeout.
 */
export const WORKFLOW_ANSWER_DEADLINE_MS = 20_000;
