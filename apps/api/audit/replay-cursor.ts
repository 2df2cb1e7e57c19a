// The `next` cursor of a paged period replay: where the page ended, bound to its period, so a
// cursor cannot be used to continue a different period. Opaque to callers (base64url JSON).
import { CLOSED_AT_KEY, type ClosedCaseKey } from '../../worker/replay-verify';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface CursorBody {
  v: 1;
  from: string;
  to: string;
  closedAt: string;
  id: string;
}

export function encodeReplayCursor(period: { from: Date; to: Date }, key: ClosedCaseKey): string {
  const body: CursorBody = { v: 1, from: period.from.toISOString(), to: period.to.toISOString(), closedAt: key.closedAt, id: key.id };
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

/** The key to continue after, or why the cursor does not fit (a message that names the field). */
export function decodeReplayCursor(cursor: string, period: { from: Date; to: Date }): { key: ClosedCaseKey } | { error: string } {
  let body: Partial<CursorBody>;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('not base64url');
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorBody>;
  } catch {
    return { error: 'cursor: is not a cursor returned as `next` by a previous replay' };
  }
  if (
    body === null ||
    typeof body !== 'object' ||
    body.v !== 1 ||
    typeof body.closedAt !== 'string' ||
    !CLOSED_AT_KEY.test(body.closedAt) ||
    typeof body.id !== 'string' ||
    !UUID.test(body.id)
  )
    return { error: 'cursor: is not a cursor returned as `next` by a previous replay' };
  if (body.from !== period.from.toISOString() || body.to !== period.to.toISOString())
    return { error: 'cursor: belongs to another period; give the closedFrom and closedTo it was returned for' };
  return { key: { closedAt: body.closedAt, id: body.id } };
}
