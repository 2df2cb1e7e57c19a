import { BadRequestException, ForbiddenException, Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { Role } from '../../../libs/contracts/roles';
import type { AuthUser } from '../auth/current-user';
import { ApiError } from '../common/api-error';
import { DATA_SOURCE } from '../common/tokens';
import { type CaseRef, type Db, findCaseRef } from './case-access.repository';

export type { CaseRef } from './case-access.repository';

// The one rule that decides which cases a user may see or work on. Every route that
// touches a case or anything of it (its actions, deadline, timeline, moment, notices
// and their files, remedies) asks `CaseAccess`; lists and counts use `caseScope`,
// the same rule as SQL. A case outside the caller's scope is a 404 with the same
// message as a case that does not exist, so no answer reveals that it exists.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Which cases a caller sees: a clerk their own department's cases plus the office's
 * unassigned ones (no department yet: the intake queue); every other role the whole
 * office; nobody another office's. Returns a SQL condition on the alias `a` and its
 * parameters, numbered from `first`.
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

/**
 * What the caller wants to do with the case. The roles of each purpose are checked
 * before the case is looked up, so a refused role learns nothing about the case.
 * - read: the case, its deadline, its steps list, its letters and remedies
 * - act: take a step (the workflow then checks the step's own role and state rules)
 * - audit: its timeline and the case as it stood at a moment
 * - remedy: record a reconsideration or lawsuit, or its outcome
 */
export type CasePurpose = 'read' | 'act' | 'audit' | 'remedy';

const PURPOSE_ROLES: Readonly<Record<CasePurpose, readonly Role[] | 'any'>> = {
  read: 'any',
  act: 'any', // the workflow's validator answers 403 per step and role
  audit: ['auditor', 'supervisor'],
  remedy: ['clerk', 'supervisor'],
};

@Injectable()
export class CaseAccess {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  /** The case, when it exists and the caller may use it for `purpose`; otherwise 404 (403 for a role the purpose never allows). */
  async require(user: AuthUser, caseId: string, purpose: CasePurpose, db: Db = this.ds, field = 'id'): Promise<CaseRef> {
    this.checkRole(user, purpose);
    if (!UUID.test(caseId)) throw new BadRequestException(`${field}: must be a UUID`);
    const ref = await findCaseRef(db, 'applications a', 'a.id', caseId, caseScope(user, 2));
    if (!ref) throw notFound('application', caseId);
    return ref;
  }

  /** The case a notice belongs to, under the same rule (a notice of a case outside the scope is 404). */
  async requireNotice(user: AuthUser, noticeId: string, purpose: CasePurpose = 'read'): Promise<CaseRef & { noticeId: string }> {
    this.checkRole(user, purpose);
    const ref = await findCaseRef(
      this.ds,
      'notices n JOIN applications a ON a.id = n.application_id',
      'n.id',
      noticeId,
      caseScope(user, 2),
    );
    if (!ref) throw notFound('notice', noticeId);
    return { ...ref, noticeId };
  }

  /** The case a remedy was recorded against, under the same rule. */
  async requireRemedy(user: AuthUser, remedyId: string, purpose: CasePurpose, db: Db = this.ds): Promise<CaseRef> {
    this.checkRole(user, purpose);
    if (!UUID.test(remedyId)) throw new BadRequestException('remedyId: must be a UUID');
    const ref = await findCaseRef(db, 'remedies r JOIN applications a ON a.id = r.application_id', 'r.id', remedyId, caseScope(user, 2));
    if (!ref) throw notFound('remedy', remedyId);
    return ref;
  }

  private checkRole(user: AuthUser, purpose: CasePurpose): void {
    const roles = PURPOSE_ROLES[purpose];
    if (roles !== 'any' && !roles.includes(user.role))
      throw new ForbiddenException(`role ${user.role} may not ${purpose} cases; allowed: ${roles.join(', ')}`);
  }
}

// The same answer whether the case does not exist or is outside the caller's scope.
function notFound(what: string, id: string): ApiError {
  return new ApiError(404, what === 'application' ? 'CASE_NOT_FOUND' : 'NOT_FOUND', `${what} ${id} not found`);
}
