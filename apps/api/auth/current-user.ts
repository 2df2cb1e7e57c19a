import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from '../../../libs/contracts/roles';

export interface AuthUser {
  id: string;
  username: string;
  role: Role;
  officeId: string;
  departmentId: string | null;
}

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => ctx.switchToHttp().getRequest().user);
