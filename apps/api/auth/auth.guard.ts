import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { DataSource } from 'typeorm';
import { findTokenUser } from '../../../libs/persistence/users.repository';
import type { Role } from '../../../libs/contracts/roles';
import { DATA_SOURCE } from '../common/tokens';
import { IS_PUBLIC, ROLES_KEY } from './roles.decorator';
import type { AuthUser } from './current-user';

/** Global guard: every route needs a valid Bearer token unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(JwtService) private readonly jwt: JwtService,
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest();
    const header: string | undefined = req.headers.authorization;
    const match = header?.match(/^Bearer (.+)$/);
    if (!match) throw new UnauthorizedException('Authorization: a Bearer token is required (POST /api/auth/login)');
    let claims: { sub?: unknown; tv?: unknown };
    try {
      claims = await this.jwt.verifyAsync(match[1]);
    } catch {
      throw new UnauthorizedException('Authorization: the token is invalid or expired');
    }
    const user = await this.currentUser(claims);
    req.user = user;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(user.role)) {
      throw new ForbiddenException(`role ${user.role} may not do this; allowed: ${roles.join(', ')}`);
    }
    return true;
  }

  /**
   * The token names the user; the users table says who they are now. One primary-key
   * read per request, so a deactivated user's tokens stop at once, a password reset
   * revokes the tokens issued before it (token_version), and a changed role, department
   * or office applies to the next request instead of after the token expires.
   */
  private async currentUser(claims: { sub?: unknown; tv?: unknown }): Promise<AuthUser> {
    const id = claims.sub;
    if (typeof id !== 'string' || !UUID.test(id)) throw new UnauthorizedException('Authorization: the token is invalid or expired');
    const row = await findTokenUser(this.ds, id);
    if (!row) throw new UnauthorizedException('Authorization: the token is invalid or expired');
    if (!row.active) throw new UnauthorizedException('Authorization: the account is deactivated');
    // Tokens signed before token versions existed carry none: version 0.
    if ((claims.tv ?? 0) !== row.tokenVersion) {
      throw new UnauthorizedException('Authorization: the token was revoked (password reset or deactivation); log in again');
    }
    return { id, username: row.username, role: row.role, officeId: row.officeId, departmentId: row.departmentId };
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
