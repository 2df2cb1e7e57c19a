import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { Role } from '../../../libs/contracts/roles';
import type { AuthUser } from '../auth/current-user';
import { DATA_SOURCE } from '../common/tokens';
import type {
  AdminAuditEntryDto,
  AdminAuditListDto,
  AdminAuditQueryDto,
  AdminEntityType,
  DepartmentDto,
  ListUsersQueryDto,
  OfficeDto,
  UserDto,
  HeldCaseDto,
} from './admin.dto';

type Db = DataSource | EntityManager;
type Row = Record<string, unknown>;

/** Office columns by their API name (the code is fixed once created). */
export const OFFICE_COLUMNS = {
  name: 'name',
  registrationPrefix: 'registration_prefix',
  noticePrefix: 'notice_prefix',
  reconsiderationOrgan: 'reconsideration_organ',
  address: 'address',
  postcode: 'postcode',
  phone: 'phone',
  contactPerson: 'contact_person',
  court: 'court',
} as const;
export type OfficeField = keyof typeof OFFICE_COLUMNS;
export const OFFICE_FIELDS = Object.keys(OFFICE_COLUMNS) as OfficeField[];

const OFFICE_SELECT = `o.id, o.code, o.created_at, ${OFFICE_FIELDS.map((f) => `o.${OFFICE_COLUMNS[f]}`).join(', ')}`;
const USER_SELECT = `u.id, u.username, u.display_name, u.role, u.active, u.email, u.created_at, u.office_id, o.code AS office_code,
  u.department_id, d.code AS department_code,
  (SELECT count(*)::int FROM applications a WHERE a.assignee = u.username AND a.status <> 'closed') AS open_cases`;
const USER_FROM = `users u JOIN offices o ON o.id = u.office_id LEFT JOIN departments d ON d.id = u.department_id`;

export interface OfficeRow extends OfficeDto {
  id: string;
}
export interface UserRow extends UserDto {
  id: string;
  officeId: string;
  departmentId: string | null;
}

const iso = (v: unknown): string => new Date(v as string).toISOString();

function toOffice(r: Row): OfficeRow {
  const o = { id: r.id as string, code: r.code as string } as OfficeRow;
  for (const f of OFFICE_FIELDS) (o as unknown as Row)[f] = r[OFFICE_COLUMNS[f]] ?? null;
  o.createdAt = iso(r.created_at);
  return o;
}

function toUser(r: Row): UserRow {
  return {
    id: r.id as string,
    username: r.username as string,
    displayName: r.display_name as string,
    role: r.role as Role,
    officeId: r.office_id as string,
    officeCode: r.office_code as string,
    departmentId: (r.department_id as string | null) ?? null,
    departmentCode: (r.department_code as string | null) ?? null,
    active: r.active as boolean,
    email: (r.email as string | null) ?? null,
    openCases: r.open_cases as number,
    createdAt: iso(r.created_at),
  };
}

/** What the API shows of a row (internal ids left out). */
export const officeView = ({ id: _id, ...o }: OfficeRow): OfficeDto => o;
export const userView = ({ id: _id, officeId: _o, departmentId: _d, ...u }: UserRow): UserDto => u;

/** Queries only; the rules are in the services. Writes take the transaction's manager. */
@Injectable()
export class AdminRepository {
  constructor(@Inject(DATA_SOURCE) readonly ds: DataSource) {}

  async offices(): Promise<OfficeRow[]> {
    return ((await this.ds.query(`SELECT ${OFFICE_SELECT} FROM offices o ORDER BY o.code`)) as Row[]).map(toOffice);
  }

  async office(code: string, db: Db = this.ds, lock = false): Promise<OfficeRow | undefined> {
    const [r] = await db.query(`SELECT ${OFFICE_SELECT} FROM offices o WHERE o.code = $1${lock ? ' FOR UPDATE' : ''}`, [code]);
    return r ? toOffice(r) : undefined;
  }

  /** Inserts the office unless its code is taken; undefined: taken. */
  async insertOffice(m: EntityManager, code: string, values: Record<OfficeField, string | null>): Promise<OfficeRow | undefined> {
    const cols = OFFICE_FIELDS.map((f) => OFFICE_COLUMNS[f]);
    const rows = await m.query(
      `INSERT INTO offices AS o (id, code, ${cols.join(', ')})
       VALUES (gen_random_uuid(), $1, ${cols.map((_, i) => `$${i + 2}`).join(', ')})
       ON CONFLICT (code) DO NOTHING
       RETURNING ${OFFICE_SELECT}`,
      [code, ...OFFICE_FIELDS.map((f) => values[f])],
    );
    return rows[0] ? toOffice(rows[0]) : undefined;
  }

  async updateOffice(m: EntityManager, id: string, values: Partial<Record<OfficeField, string | null>>): Promise<void> {
    const fields = OFFICE_FIELDS.filter((f) => values[f] !== undefined);
    await m.query(`UPDATE offices SET ${fields.map((f, i) => `${OFFICE_COLUMNS[f]} = $${i + 2}`).join(', ')} WHERE id = $1`, [
      id,
      ...fields.map((f) => values[f]),
    ]);
  }

  async departments(officeId: string): Promise<DepartmentDto[]> {
    const rows: Row[] = await this.ds.query(
      `SELECT o.code AS office_code, d.code, d.name, d.created_at FROM departments d JOIN offices o ON o.id = d.office_id
       WHERE d.office_id = $1 ORDER BY d.code`,
      [officeId],
    );
    return rows.map(toDepartment);
  }

  async department(officeId: string, code: string, db: Db = this.ds, lock = false): Promise<(DepartmentDto & { id: string }) | undefined> {
    const [r] = await db.query(
      `SELECT d.id, o.code AS office_code, d.code, d.name, d.created_at FROM departments d JOIN offices o ON o.id = d.office_id
       WHERE d.office_id = $1 AND d.code = $2${lock ? ' FOR UPDATE OF d' : ''}`,
      [officeId, code],
    );
    return r ? { id: r.id as string, ...toDepartment(r) } : undefined;
  }

  async insertDepartment(m: EntityManager, officeId: string, code: string, name: string): Promise<boolean> {
    const rows = await m.query(
      `INSERT INTO departments (id, office_id, code, name) VALUES (gen_random_uuid(), $1, $2, $3)
       ON CONFLICT (office_id, code) DO NOTHING RETURNING id`,
      [officeId, code, name],
    );
    return rows.length > 0;
  }

  async renameDepartment(m: EntityManager, id: string, name: string): Promise<void> {
    await m.query(`UPDATE departments SET name = $2 WHERE id = $1`, [id, name]);
  }

  async users(q: ListUsersQueryDto): Promise<UserRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.office !== undefined) where.push(`o.code = $${params.push(q.office)}`);
    if (q.role !== undefined) where.push(`u.role = $${params.push(q.role)}`);
    if (q.active !== undefined) where.push(`u.active = $${params.push(q.active === 'true')}`);
    const rows: Row[] = await this.ds.query(
      `SELECT ${USER_SELECT} FROM ${USER_FROM} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY u.username`,
      params,
    );
    return rows.map(toUser);
  }

  async user(username: string, db: Db = this.ds, lock = false): Promise<UserRow | undefined> {
    const [r] = await db.query(`SELECT ${USER_SELECT} FROM ${USER_FROM} WHERE u.username = $1${lock ? ' FOR UPDATE OF u' : ''}`, [
      username,
    ]);
    return r ? toUser(r) : undefined;
  }

  async insertUser(
    m: EntityManager,
    u: {
      username: string;
      displayName: string;
      role: Role;
      officeId: string;
      departmentId: string | null;
      passwordHash: string;
      email: string | null;
    },
  ): Promise<boolean> {
    const rows = await m.query(
      `INSERT INTO users (id, username, display_name, password_hash, role, office_id, department_id, email)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7) ON CONFLICT (username) DO NOTHING RETURNING id`,
      [u.username, u.displayName, u.passwordHash, u.role, u.officeId, u.departmentId, u.email],
    );
    return rows.length > 0;
  }

  /** revokeTokens: tokens issued before this write stop working (deactivation). */
  async updateUser(
    m: EntityManager,
    id: string,
    u: { displayName: string; role: Role; departmentId: string | null; active: boolean; email: string | null },
    revokeTokens: boolean,
  ): Promise<void> {
    await m.query(
      `UPDATE users SET display_name = $2, role = $3, department_id = $4, active = $5, email = $7,
         token_version = token_version + CASE WHEN $6::boolean THEN 1 ELSE 0 END
       WHERE id = $1`,
      [id, u.displayName, u.role, u.departmentId, u.active, revokeTokens, u.email],
    );
  }

  /** A new password; the tokens issued before it stop working. */
  async setPassword(m: EntityManager, id: string, passwordHash: string): Promise<void> {
    await m.query(`UPDATE users SET password_hash = $2, token_version = token_version + 1 WHERE id = $1`, [id, passwordHash]);
  }

  async appendAudit(
    m: EntityManager,
    actor: AuthUser,
    e: { action: string; entityType: AdminEntityType; entityKey: string; before: object | null; after: object | null },
  ): Promise<void> {
    await m.query(
      `INSERT INTO admin_audit (actor, actor_role, action, entity_type, entity_key, before, after)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb)`,
      [
        actor.username,
        actor.role,
        e.action,
        e.entityType,
        e.entityKey,
        e.before === null ? null : JSON.stringify(e.before),
        e.after === null ? null : JSON.stringify(e.after),
      ],
    );
  }

  async audit(q: AdminAuditQueryDto): Promise<AdminAuditListDto> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 50;
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.entityType !== undefined) where.push(`entity_type = $${params.push(q.entityType)}`);
    if (q.entityKey !== undefined) where.push(`entity_key = $${params.push(q.entityKey)}`);
    if (q.actor !== undefined) where.push(`actor = $${params.push(q.actor)}`);
    const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total FROM admin_audit ${cond}`, params);
    const rows: Row[] = await this.ds.query(
      `SELECT id, occurred_at, actor, actor_role, action, entity_type, entity_key, before, after FROM admin_audit ${cond}
       ORDER BY id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    const items: AdminAuditEntryDto[] = rows.map((r) => ({
      id: String(r.id),
      occurredAt: iso(r.occurred_at),
      actor: r.actor as string,
      actorRole: r.actor_role as string,
      action: r.action as string,
      entityType: r.entity_type as AdminEntityType,
      entityKey: r.entity_key as string,
      before: (r.before as Record<string, unknown> | null) ?? null,
      after: (r.after as Record<string, unknown> | null) ?? null,
    }));
    return { items, total, page, pageSize };
  }

  /** The open cases a user holds as assignee (most urgent first), for the warning before deactivation. */
  async openCasesOf(username: string, limit = 500): Promise<{ count: number; items: HeldCaseDto[] }> {
    const rows: Row[] = await this.ds.query(
      `SELECT a.id, a.registration_number, a.status, to_char(a.due_on, 'YYYY-MM-DD') AS due_on, a.department_code, count(*) OVER () AS total
       FROM applications a WHERE a.assignee = $1 AND a.status <> 'closed'
       ORDER BY a.due_on NULLS LAST, a.registration_number LIMIT $2`,
      [username, limit],
    );
    return {
      count: rows.length ? Number(rows[0].total) : 0,
      items: rows.map((r) => ({
        id: r.id as string,
        registrationNumber: r.registration_number as string,
        status: r.status as string,
        dueOn: (r.due_on as string | null) ?? null,
        departmentCode: (r.department_code as string | null) ?? null,
      })),
    };
  }
}

function toDepartment(r: Row): DepartmentDto {
  return { officeCode: r.office_code as string, code: r.code as string, name: r.name as string, createdAt: iso(r.created_at) };
}
