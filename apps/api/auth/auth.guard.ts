import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Role } from '../../../libs/contracts/roles';
import { IS_PUBLIC, ROLES_KEY } from './roles.decorator';
import type { AuthUser } from './current-user';

/** Global guard: every route needs a valid Bearer token unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(JwtService) private readonly jwt: JwtService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest();
    const header: string | undefined = req.headers.authorization;
    const match = header?.match(/^Bearer (.+)$/);
    if (!match) throw new UnauthorizedException('Authorization: a Bearer token is required (POST /api/auth/login)');
    let user: AuthUser;
    try {
      const claims = await this.jwt.verifyAsync(match[1]);
      user = {
        id: claims.sub,
        username: claims.username,
        role: claims.role,
        officeId: claims.officeId,
        departmentId: claims.departmentId ?? null,
      };
    } catch {
      throw new UnauthorizedException('Authorization: the token is invalid or expired');
    }
    req.user = user;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(user.role)) {
      throw new ForbiddenException(`role ${user.role} may not do this; allowed: ${roles.join(', ')}`);
    }
    return true;
  }
}
