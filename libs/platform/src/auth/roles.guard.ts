import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { roleRequired, tokenMissing } from './auth-problems';
import type { AuthenticatedRequest } from './current-user.decorator';
import { REQUIRED_ROLES } from './roles.decorator';
import type { Role } from './roles';

/**
 * Global guard run after authentication: enforces {@link Roles}. Scope rules (own tickets, own
 * community) depend on the data and belong to the services' handlers, not here.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(@Inject(Reflector) private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!required || required.length === 0) return true;

    const { user } = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!user) throw tokenMissing();
    if (!user.roles.some((role) => required.includes(role))) throw roleRequired(required);
    return true;
  }
}
