import type { DataSource } from 'typeorm';
import { hashPassword } from '../auth/password';
import type { Role } from '../contracts/roles';

export interface OfficeSeed {
  code: string;
  name: string;
  registrationPrefix: string;
  reconsiderationOrgan?: string;
}

/** Makes sure the configured office exists (every mode); returns its id. */
export async function ensureOffice(ds: DataSource, o: OfficeSeed): Promise<string> {
  await ds.query(
    `INSERT INTO offices (id, code, name, registration_prefix, reconsideration_organ)
     VALUES (gen_random_uuid(), $1, $2, $3, $4) ON CONFLICT (code) DO NOTHING`,
    [o.code, o.name, o.registrationPrefix, o.reconsiderationOrgan ?? null],
  );
  const [row] = await ds.query('SELECT id FROM offices WHERE code = $1', [o.code]);
  return row.id;
}

export const DEMO_DEPARTMENTS = [
  { code: 'OGI', name: '市政府办公室政务公开科' },
  { code: 'NRB', name: '市自然资源和规划局' },
  { code: 'HUD', name: '市住房和城乡建设局' },
  { code: 'ENV', name: '市生态环境局' },
];

export const DEMO_USERS: { username: string; displayName: string; role: Role; department: string | null }[] = [
  { username: 'clerk', displayName: '张登记（承办人）', role: 'clerk', department: 'OGI' },
  { username: 'reviewer', displayName: '李审核（保密审查）', role: 'reviewer', department: 'OGI' },
  { username: 'supervisor', displayName: '王科长（政务公开科）', role: 'supervisor', department: 'OGI' },
  { username: 'auditor', displayName: '赵审计', role: 'auditor', department: null },
  { username: 'admin', displayName: '系统管理员', role: 'admin', department: null },
];

/**
 * DEMO DATA ONLY, invented for the demo office (LINYI): the contact block and court its letters
 * print. Not the real office's contacts; a real deployment sets them by administration.
 */
export const DEMO_OFFICE_CONTACTS = {
  contactPerson: '临沂市人民政府办公室政务公开科',
  address: '山东省临沂市兰山区北京路1号',
  postcode: '276000',
  phone: '0539-0000000',
  court: '临沂市兰山区人民法院',
};

/** Demo departments, demo office contacts and one user per role (embedded mode only). Idempotent. */
export async function seedDemo(ds: DataSource, officeId: string, password: string): Promise<void> {
  // Demo contact block: only fills what an administrator has not set.
  const o = DEMO_OFFICE_CONTACTS;
  await ds.query(
    `UPDATE offices SET contact_person = COALESCE(contact_person, $2), address = COALESCE(address, $3),
       postcode = COALESCE(postcode, $4), phone = COALESCE(phone, $5), court = COALESCE(court, $6)
     WHERE id = $1`,
    [officeId, o.contactPerson, o.address, o.postcode, o.phone, o.court],
  );
  for (const d of DEMO_DEPARTMENTS) {
    await ds.query(
      `INSERT INTO departments (id, office_id, code, name) VALUES (gen_random_uuid(), $1, $2, $3)
       ON CONFLICT (office_id, code) DO NOTHING`,
      [officeId, d.code, d.name],
    );
  }
  for (const u of DEMO_USERS) {
    const [dept] = u.department
      ? await ds.query('SELECT id FROM departments WHERE office_id = $1 AND code = $2', [officeId, u.department])
      : [];
    // Only created once: a demo user's password changed later is left alone.
    await ds.query(
      `INSERT INTO users (id, username, display_name, password_hash, role, office_id, department_id)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6) ON CONFLICT (username) DO NOTHING`,
      [u.username, u.displayName, await hashPassword(password), u.role, officeId, dept?.id ?? null],
    );
  }
}
