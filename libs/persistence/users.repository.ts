import type { Role } from '../contracts/roles';

// Reads of the users table that authentication and case assignment need, with typed rows.
// (Administration's own statements are in apps/api/admin/admin.repository.ts.)

/** Anything that runs SQL: a DataSource, an EntityManager. */
interface Db {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

export interface LoginUserRow {
  id: string;
  username: string;
  passwordHash: string;
  role: Role;
  officeId: string;
  departmentId: string | null;
  active: boolean;
  tokenVersion: number;
}

/** The user logging in, by username. */
export async function findLoginUser(db: Db, username: string): Promise<LoginUserRow | undefined> {
  const rows = (await db.query(
    `SELECT id, username, password_hash, role, office_id, department_id, active, token_version FROM users WHERE username = $1`,
    [username],
  )) as Record<string, unknown>[];
  const r = rows[0];
  return r ? { ...toTokenUser(r), passwordHash: r.password_hash as string } : undefined;
}

export type TokenUserRow = Omit<LoginUserRow, 'passwordHash'>;

/** The user a token names, as they are now (role, office, department, active, token version). */
export async function findTokenUser(db: Db, id: string): Promise<TokenUserRow | undefined> {
  const rows = (await db.query('SELECT id, username, role, office_id, department_id, active, token_version FROM users WHERE id = $1', [
    id,
  ])) as Record<string, unknown>[];
  return rows[0] ? toTokenUser(rows[0]) : undefined;
}

function toTokenUser(r: Record<string, unknown>): TokenUserRow {
  return {
    id: r.id as string,
    username: r.username as string,
    role: r.role as Role,
    officeId: r.office_id as string,
    departmentId: (r.department_id as string | null) ?? null,
    active: r.active as boolean,
    tokenVersion: r.token_version as number,
  };
}

export interface StaffRow {
  username: string;
  role: Role;
  active: boolean;
  officeId: string;
  /** the code of the user's department, null when they belong to none */
  departmentCode: string | null;
}

/** A user by username with their department's code: whom a case may be assigned to. */
export async function findStaff(db: Db, username: string): Promise<StaffRow | undefined> {
  const rows = (await db.query(
    `SELECT u.username, u.role, u.active, u.office_id, d.code AS department_code
     FROM users u LEFT JOIN departments d ON d.id = u.department_id WHERE u.username = $1`,
    [username],
  )) as Record<string, unknown>[];
  const r = rows[0];
  if (!r) return undefined;
  return {
    username: r.username as string,
    role: r.role as Role,
    active: r.active as boolean,
    officeId: r.office_id as string,
    departmentCode: (r.department_code as string | null) ?? null,
  };
}
