import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../../libs/config/config';
import { verifyPassword } from '../../../libs/auth/password';
import {
  createSession,
  findSessionUser,
  type LiveSession,
  revokeSession,
  SESSION_MAX_MS,
  type SessionUser,
} from '../../../libs/persistence/sessions.repository';
import { findLoginUser, type LoginUserRow } from '../../../libs/persistence/users.repository';
import { ApiError } from '../common/api-error';
import { CONFIG, DATA_SOURCE } from '../common/tokens';
import type { LoginResponseDto, SessionDto } from './auth.dto';
import { LoginThrottle } from './login-throttle';

@Injectable()
export class AuthService {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(JwtService) private readonly jwt: JwtService,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  private readonly throttle = new LoginThrottle();

  /** The user a username and password name, through the login throttle; 401 LOGIN_FAILED / 429 LOGIN_THROTTLED otherwise. */
  private async authenticate(username: string, password: string, address: string): Promise<LoginUserRow> {
    this.throttle.check(username, address);
    const user = await findLoginUser(this.ds, username);
    // One message for unknown user and wrong password: no account enumeration.
    if (!user || !user.active || !(await verifyPassword(password, user.passwordHash))) {
      this.throttle.fail(username, address);
      throw new ApiError(401, 'LOGIN_FAILED', 'username or password is wrong');
    }
    this.throttle.succeed(username, address);
    return user;
  }

  /** A browser session: the cookie value (to set, never stored), the CSRF token and who is logged in. */
  async startSession(
    username: string,
    password: string,
    address = 'unknown',
    userAgent?: string,
  ): Promise<{ id: string; maxAgeSeconds: number; body: SessionDto }> {
    const user = await this.authenticate(username, password, address);
    const s = await createSession(this.ds, { userId: user.id, tokenVersion: user.tokenVersion, address, userAgent });
    const who = await findSessionUser(this.ds, user.id);
    if (!who) throw new ApiError(401, 'LOGIN_FAILED', 'username or password is wrong');
    return { id: s.id, maxAgeSeconds: Math.floor(SESSION_MAX_MS / 1000), body: sessionBody(who, s.csrfToken) };
  }

  /** Who the caller is: for a session also its CSRF token; for a bearer token null. */
  async whoAmI(userId: string, session?: LiveSession): Promise<SessionDto> {
    if (session) return sessionBody(session.user, session.csrfToken);
    const who = await findSessionUser(this.ds, userId);
    if (!who) throw new ApiError(401, 'UNAUTHENTICATED', 'Authorization: the account is deactivated');
    return sessionBody(who, null);
  }

  endSession(id: string): Promise<boolean> {
    return revokeSession(this.ds, id);
  }

  async login(username: string, password: string, address = 'unknown'): Promise<LoginResponseDto> {
    const user = await this.authenticate(username, password, address);
    const accessToken = await this.jwt.signAsync({
      sub: user.id,
      username: user.username,
      role: user.role,
      officeId: user.officeId,
      departmentId: user.departmentId,
      // Checked by the guard against users.token_version: a password reset revokes this token.
      tv: user.tokenVersion,
    });
    return { accessToken, role: user.role, expiresIn: this.config.jwtTtlSeconds };
  }
}

function sessionBody(u: SessionUser, csrfToken: string | null): SessionDto {
  return { user: { ...u, roles: [u.role] }, csrfToken };
}
