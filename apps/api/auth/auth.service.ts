import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../../libs/config/config';
import { verifyPassword } from '../../../libs/auth/password';
import { findLoginUser } from '../../../libs/persistence/users.repository';
import { CONFIG, DATA_SOURCE } from '../common/tokens';
import type { LoginResponseDto } from './auth.dto';
import { LoginThrottle } from './login-throttle';

@Injectable()
export class AuthService {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(JwtService) private readonly jwt: JwtService,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  private readonly throttle = new LoginThrottle();

  async login(username: string, password: string, address = 'unknown'): Promise<LoginResponseDto> {
    this.throttle.check(username, address);
    const user = await findLoginUser(this.ds, username);
    // One message for unknown user and wrong password: no account enumeration.
    if (!user || !user.active || !(await verifyPassword(password, user.passwordHash))) {
      this.throttle.fail(username, address);
      throw new UnauthorizedException('username or password is wrong');
    }
    this.throttle.succeed(username, address);
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
