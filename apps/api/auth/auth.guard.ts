import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { timingSafeEqual } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { findLiveSession, type LiveSession } from '../../../libs/persistence/sessions.repository';
import { ApiError } from '../common/api-error';
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
    const sessionId = match ? undefined : sessionCookie(req.headers.cookie);
    let user: AuthUser;
    if (match) {
      let claims: { sub?: unknown; tv?: unknown };
      try {
        claims = await this.jwt.verifyAsync(match[1]);
      } catch {
        throw new UnauthorizedException('Authorization: the token is invalid or expired');
      }
      user = await this.currentUser(claims);
    } else if (sessionId) {
      user = await this.sessionUser(req, sessionId);
    } else {
      throw new UnauthorizedException(
        'Authorization: a Bearer token is required (POST /api/auth/login), or the session cookie of the workbench (POST /api/auth/session)',
      );
    }
    req.user = user;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(user.role)) {
      throw new ForbiddenException(`role ${user.role} may not do this; allowed: ${roles.join(', ')}`);
    }
    return true;
  }

  /**
   * A browser session (the workbench): the cookie names a live session; a write must also carry
   * the session's CSRF token in X-CSRF-Token, which a page of another site cannot read.
   */
  private async sessionUser(
    req: { method: string; headers: Record<string, unknown>; session?: LiveSession },
    id: string,
  ): Promise<AuthUser> {
    const s = await findLiveSession(this.ds, id);
    if (!s)
      throw new ApiError(
        401,
        'SESSION_EXPIRED',
        'session: it has ended (logout, time limit, password reset or deactivation); log in again',
      );
    if (!SAFE_METHODS.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameToken(sent, s.csrfToken))
        throw new ApiError(403, 'CSRF_FAILED', 'X-CSRF-Token: a write with the session cookie needs the csrfToken of the session');
    }
    req.session = s;
    const u = s.user;
    return { id: u.id, username: u.username, role: u.role, officeId: u.officeId, departmentId: u.departmentId };
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

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const SESSION_COOKIE = 'de_session';

/** The session id of the Cookie header, if any. */
export function sessionCookie(header: unknown): string | undefined {
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === SESSION_COOKIE && v.length) return v.join('=');
  }
  return undefined;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
