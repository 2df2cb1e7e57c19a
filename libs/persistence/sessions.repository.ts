import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../contracts/roles';

type Db = { query(sql: string, params?: unknown[]): Promise<unknown> };

/** Idle limit: a session unused this long ends. */
export const SESSION_IDLE_MS = 8 * 3600_000;
/** Absolute limit: a session ends this long after login, used or not. */
export const SESSION_MAX_MS = 12 * 3600_000;
/** last_seen_at is written at most this often (not on every request). */
const TOUCH_EVERY_MS = 60_000;

export const sessionIdHash = (id: string): string => createHash('sha256').update(id).digest('hex');
const token = () => randomBytes(32).toString('base64url');

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  officeId: string;
  officeCode: string;
  officeName: string;
  departmentId: string | null;
  departmentCode: string | null;
  departmentName: string | null;
}

export interface LiveSession {
  user: SessionUser;
  csrfToken: string;
}

/** Starts a session for a user; returns the cookie value (shown once, never stored) and the CSRF token. */
export async function createSession(
  db: Db,
  p: { userId: string; tokenVersion: number; address?: string; userAgent?: string },
): Promise<{ id: string; csrfToken: string; expiresAt: Date }> {
  const id = token();
  const csrfToken = token();
  const expiresAt = new Date(Date.now() + SESSION_MAX_MS);
  await db.query(
    `INSERT INTO sessions (id_hash, user_id, csrf_token, token_version, expires_at, address, user_agent) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [sessionIdHash(id), p.userId, csrfToken, p.tokenVersion, expiresAt, p.address ?? null, p.userAgent?.slice(0, 300) ?? null],
  );
  return { id, csrfToken, expiresAt };
}

/**
 * The live session a cookie names, with its user as they are now: undefined when it does not
 * exist, was revoked, is past its idle or absolute limit, or its user was deactivated or had
 * their password reset since (token version). Touches last_seen_at at most once a minute.
 */
export async function findLiveSession(db: Db, id: string): Promise<LiveSession | undefined> {
  const rows = (await db.query(
    `SELECT s.csrf_token, s.last_seen_at < now() - make_interval(secs => $2::double precision / 1000) AS touch,
            u.id, u.username, u.display_name, u.role, u.office_id, o.code AS office_code, o.name AS office_name,
            u.department_id, d.code AS department_code, d.name AS department_name
     FROM sessions s JOIN users u ON u.id = s.user_id JOIN offices o ON o.id = u.office_id LEFT JOIN departments d ON d.id = u.department_id
     WHERE s.id_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
       AND s.last_seen_at > now() - make_interval(secs => $3::double precision / 1000)
       AND u.active AND u.token_version = s.token_version`,
    [sessionIdHash(id), TOUCH_EVERY_MS, SESSION_IDLE_MS],
  )) as Record<string, unknown>[];
  const r = rows[0];
  if (!r) return undefined;
  if (r.touch) await db.query(`UPDATE sessions SET last_seen_at = now() WHERE id_hash = $1`, [sessionIdHash(id)]);
  return { csrfToken: r.csrf_token as string, user: toSessionUser(r) };
}

/** The user as the workbench shows them (a bearer caller asking who they are). */
export async function findSessionUser(db: Db, userId: string): Promise<SessionUser | undefined> {
  const rows = (await db.query(
    `SELECT u.id, u.username, u.display_name, u.role, u.office_id, o.code AS office_code, o.name AS office_name,
            u.department_id, d.code AS department_code, d.name AS department_name
     FROM users u JOIN offices o ON o.id = u.office_id LEFT JOIN departments d ON d.id = u.department_id
     WHERE u.id = $1 AND u.active`,
    [userId],
  )) as Record<string, unknown>[];
  return rows[0] ? toSessionUser(rows[0]) : undefined;
}

function toSessionUser(r: Record<string, unknown>): SessionUser {
  return {
    id: r.id as string,
    username: r.username as string,
    displayName: r.display_name as string,
    role: r.role as Role,
    officeId: r.office_id as string,
    officeCode: r.office_code as string,
    officeName: r.office_name as string,
    departmentId: (r.department_id as string | null) ?? null,
    departmentCode: (r.department_code as string | null) ?? null,
    departmentName: (r.department_name as string | null) ?? null,
  };
}

/** Ends a session (logout); true when it was live. */
export async function revokeSession(db: Db, id: string): Promise<boolean> {
  // As a SELECT: an UPDATE through TypeORM answers [rows, count], a SELECT its rows.
  const rows = (await db.query(
    `WITH ended AS (UPDATE sessions SET revoked_at = now() WHERE id_hash = $1 AND revoked_at IS NULL RETURNING 1) SELECT count(*)::int AS n FROM ended`,
    [sessionIdHash(id)],
  )) as { n: number }[];
  return rows[0].n > 0;
}
