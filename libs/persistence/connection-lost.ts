import type { QueryRunner } from 'typeorm';

// Whether a database error means the connection (or the server) is gone rather than that the
// statement was refused: the caller may retry the same work once the database is back. One rule
// for the API (which answers such errors with 503 and Retry-After) and for the activities (which
// must not hand a dying connection back to the pool for their retry to pick up).

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTCONN', 'EAI_AGAIN']);
// PostgreSQL SQLSTATEs: 08 connection exceptions, 57P01-57P03 shutdown / cannot connect now, 53300 too many connections.
const PG_TRANSIENT = /^(08...|57P0[123]|53300)$/;
const PG_MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i;

/** True when this one error (not its causes) says the database connection was lost or refused. */
export function isConnectionLost(error: { code?: unknown; message?: unknown }): boolean {
  const { code } = error;
  if (typeof code === 'string' && (PG_TRANSIENT.test(code) || NETWORK_CODES.has(code))) return true;
  return PG_MESSAGES.test(String(error.message ?? ''));
}

/**
 * Releases a query runner; one whose connection was lost (`lost`) leaves the pool with that error
 * and is closed. Released plainly, the dying connection would sit idle until its socket closes
 * (the server's FATAL reply fails the statement before that), and the retry could pick it up and
 * fail again. TypeORM's PostgreSQL runner does this with `releasePostgresConnection(err)`, which
 * its typings keep private.
 */
export async function releaseRunner(runner: QueryRunner, lost?: Error): Promise<void> {
  const pg = runner as unknown as { releasePostgresConnection?: (err?: Error) => Promise<void> };
  if (lost && typeof pg.releasePostgresConnection === 'function') return pg.releasePostgresConnection(lost);
  return runner.release();
}
