import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { hashPassword } from '../../../libs/auth/password';
import type { Role } from '../../../libs/contracts/roles';
import type { AuthUser } from '../auth/current-user';
import {
  DEPARTMENT_ROLES,
  type AdminAuditListDto,
  type AdminAuditQueryDto,
  type CreateUserDto,
  type ListUsersQueryDto,
  type ResetPasswordDto,
  type UpdateUserDto,
  type UserDto,
  type UserListDto,
  HeldCasesDto,
} from './admin.dto';
import { AdminRepository, type UserRow, userView } from './admin.repository';
import { passwordProblems } from './password-policy';

/** A 400 in the shape of the validation pipe's: `field: rule` messages. */
const badRequest = (...message: string[]) => new BadRequestException({ statusCode: 400, error: 'Bad Request', message });

/**
 * Users: created in an office (and a department for the roles that work in one), edited,
 * deactivated and given a new password. Password hashes never leave this service; the
 * administration log gets the user as the API shows it.
 */
@Injectable()
export class UsersService {
  constructor(@Inject(AdminRepository) private readonly repo: AdminRepository) {}

  async list(q: ListUsersQueryDto): Promise<UserListDto> {
    return { items: (await this.repo.users(q)).map(userView) };
  }

  async create(dto: CreateUserDto, actor: AuthUser): Promise<UserDto> {
    const office = await this.repo.office(dto.officeCode);
    if (!office) throw badRequest(`officeCode: no office ${dto.officeCode}`);
    const departmentId = await this.departmentId(office.id, office.code, dto.departmentCode ?? null, dto.role);
    const passwordHash = await hashPassword(dto.password);
    return this.repo.ds.transaction(async (m) => {
      const inserted = await this.repo.insertUser(m, {
        username: dto.username,
        displayName: dto.displayName,
        role: dto.role,
        officeId: office.id,
        departmentId,
        passwordHash,
        email: dto.email ?? null,
      });
      if (!inserted) throw new ConflictException(`username: user ${dto.username} already exists`);
      const after = userView(await this.userOr404(dto.username, m));
      await this.repo.appendAudit(m, actor, { action: 'user.create', entityType: 'user', entityKey: dto.username, before: null, after });
      return after;
    });
  }

  update(username: string, dto: UpdateUserDto, actor: AuthUser): Promise<UserDto> {
    return this.repo.ds.transaction(async (m) => {
      const current = await this.userOr404(username, m, true);
      const role = dto.role ?? current.role;
      const active = dto.active ?? current.active;
      if (current.id === actor.id) {
        // The one administrator who is certainly still there: the caller. So there is always one.
        if (!active) throw new ConflictException('active: an administrator cannot deactivate their own account');
        if (role !== 'admin') throw new ConflictException('role: an administrator cannot remove their own admin role');
      }
      const departmentId =
        dto.departmentCode === undefined
          ? await this.departmentId(current.officeId, current.officeCode, current.departmentId, role, true)
          : await this.departmentId(current.officeId, current.officeCode, dto.departmentCode, role);
      const email = dto.email === undefined ? current.email : dto.email;
      const next = { displayName: dto.displayName ?? current.displayName, role, departmentId, active, email };
      const before = userView(current);
      const unchanged =
        next.displayName === current.displayName &&
        next.role === current.role &&
        next.departmentId === current.departmentId &&
        next.active === current.active &&
        next.email === current.email;
      if (unchanged) return before;
      // Deactivation also revokes the tokens, so reactivating later does not revive them.
      await this.repo.updateUser(m, current.id, next, current.active && !active);
      const after = userView(await this.userOr404(username, m));
      await this.repo.appendAudit(m, actor, { action: 'user.update', entityType: 'user', entityKey: username, before, after });
      return after;
    });
  }

  /** The open cases the user holds: what an administrator is warned of before deactivating them. */
  async openCases(username: string): Promise<HeldCasesDto> {
    const user = await this.userOr404(username, this.repo.ds.manager);
    return { username: user.username, ...(await this.repo.openCasesOf(user.username)) };
  }

  async resetPassword(username: string, dto: ResetPasswordDto, actor: AuthUser): Promise<UserDto> {
    const problems = passwordProblems(dto.password, username);
    if (problems.length) throw badRequest(...problems.map((p) => `password: ${p}`));
    const passwordHash = await hashPassword(dto.password);
    return this.repo.ds.transaction(async (m) => {
      const current = await this.userOr404(username, m, true);
      await this.repo.setPassword(m, current.id, passwordHash);
      const view = userView(current);
      await this.repo.appendAudit(m, actor, {
        action: 'user.password-reset',
        entityType: 'user',
        entityKey: username,
        before: view,
        after: { ...view, tokensRevoked: true },
      });
      return view;
    });
  }

  audit(q: AdminAuditQueryDto): Promise<AdminAuditListDto> {
    return this.repo.audit(q);
  }

  private async userOr404(username: string, m: EntityManager, lock = false): Promise<UserRow> {
    const user = await this.repo.user(username, m, lock);
    if (!user) throw new NotFoundException(`user ${username} not found`);
    return user;
  }

  /**
   * The department id for a code of the user's office; clerks, reviewers and supervisors need one.
   * `isId`: `department` is already an id (the user's current department, kept).
   */
  private async departmentId(
    officeId: string,
    officeCode: string,
    department: string | null,
    role: Role,
    isId = false,
  ): Promise<string | null> {
    if (department === null) {
      if (DEPARTMENT_ROLES.includes(role)) throw badRequest(`departmentCode: is required for role ${role}`);
      return null;
    }
    if (isId) return department;
    const found = await this.repo.department(officeId, department);
    if (!found) throw badRequest(`departmentCode: office ${officeCode} has no department ${department}`);
    return found.id;
  }
}
