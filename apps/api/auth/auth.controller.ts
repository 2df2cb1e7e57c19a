import { Body, Controller, Delete, Get, HttpCode, Inject, Ip, Post, Req, Res } from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { LiveSession } from '../../../libs/persistence/sessions.repository';
import { SESSION_COOKIE, sessionCookie } from './auth.guard';
import { LoginDto, LoginResponseDto, SessionDto } from './auth.dto';
import { AuthService } from './auth.service';
import { CurrentUser, type AuthUser } from './current-user';
import { Public } from './roles.decorator';

type Res = { setHeader(name: string, value: string | string[]): unknown };
type Req = { headers: Record<string, string | undefined>; secure?: boolean; session?: LiveSession };

/** The cookie: HttpOnly (no script reads it), SameSite=Strict (no other site sends it), Secure over https. */
function cookie(req: Req, value: string, maxAgeSeconds: number): string {
  const secure = req.secure || req.headers['x-forwarded-proto'] === 'https' ? '; Secure' : '';
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure}`;
}

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(@Inject(AuthService) private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ operationId: 'login', summary: 'a Bearer token for API clients' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ description: 'LOGIN_FAILED: username or password is wrong' })
  @ApiTooManyRequestsResponse({ description: 'LOGIN_THROTTLED: too many failed logins for this username from this address' })
  login(@Body() body: LoginDto, @Ip() ip: string): Promise<LoginResponseDto> {
    return this.auth.login(body.username, body.password, ip);
  }

  @Public()
  @Post('session')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'createSession',
    summary: 'log in to the workbench: sets the HttpOnly, SameSite=Strict session cookie; returns the user and the CSRF token',
  })
  @ApiOkResponse({ type: SessionDto })
  @ApiUnauthorizedResponse({ description: 'LOGIN_FAILED: username or password is wrong' })
  @ApiTooManyRequestsResponse({ description: 'LOGIN_THROTTLED: too many failed logins; retryAfterSeconds says how long to wait' })
  async createSession(
    @Body() body: LoginDto,
    @Ip() ip: string,
    @Req() req: Req,
    @Res({ passthrough: true }) res: Res,
  ): Promise<SessionDto> {
    const s = await this.auth.startSession(body.username, body.password, ip, req.headers['user-agent']);
    res.setHeader('Set-Cookie', cookie(req, s.id, s.maxAgeSeconds));
    res.setHeader('Cache-Control', 'no-store');
    return s.body;
  }

  @Get('session')
  @ApiOperation({ operationId: 'getSession', summary: 'who is logged in (and, for a session, its CSRF token)' })
  @ApiOkResponse({ type: SessionDto })
  @ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED or SESSION_EXPIRED' })
  async getSession(@CurrentUser() user: AuthUser, @Req() req: Req, @Res({ passthrough: true }) res: Res): Promise<SessionDto> {
    res.setHeader('Cache-Control', 'no-store');
    return this.auth.whoAmI(user.id, req.session);
  }

  @Delete('session')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteSession', summary: 'log out: the session ends and its cookie is cleared' })
  @ApiNoContentResponse({ description: 'logged out' })
  async deleteSession(@Req() req: Req, @Res({ passthrough: true }) res: Res): Promise<void> {
    const id = sessionCookie(req.headers.cookie);
    if (id) await this.auth.endSession(id);
    res.setHeader('Set-Cookie', cookie(req, '', 0));
  }
}
