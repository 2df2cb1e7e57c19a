import type { AuthUser } from '../auth/current-user';

/**
 * Which cases a caller sees: a clerk their department's cases plus the office's
 * unassigned ones (no department yet); every other role the whole office.
 * Returns a SQL condition on the alias `a` and its parameters, numbered from `first`.
 */
export function caseScope(user: AuthUser, first = 1, alias = 'a'): { sql: string; params: unknown[] } {
  if (user.role === 'clerk') {
    if (!user.departmentId) return { sql: `${alias}.office_id = $${first} AND ${alias}.department_id IS NULL`, params: [user.officeId] };
    return {
      sql: `${alias}.office_id = $${first} AND (${alias}.department_id = $${first + 1} OR ${alias}.department_id IS NULL)`,
      params: [user.officeId, user.departmentId],
    };
  }
  return { sql: `${alias}.office_id = $${first}`, params: [user.officeId] };
}
