import { SetMetadata } from '@nestjs/common';
import type { Role } from '../../../libs/contracts/roles';

export const IS_PUBLIC = 'isPublic';
export const ROLES_KEY = 'roles';
/** A route that needs no login (health, login itself). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
/** The roles that may call a route; without it any logged-in user may. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
