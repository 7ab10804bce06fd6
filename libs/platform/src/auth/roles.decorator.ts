import { SetMetadata } from '@nestjs/common';
import type { Role } from './roles';

/** Metadata key holding the roles a handler or controller requires. */
export const REQUIRED_ROLES = 'platform:requiredRoles';

/** Requires the user to hold at least one of `roles`; the handler's list overrides the controller's. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_ROLES, roles);
