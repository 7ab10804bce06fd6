import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { AuthenticatedUser } from './authenticated-user';

/** A request after the authentication guard has run. */
export interface AuthenticatedRequest {
  /** The user the request acts for; absent only on @Public() routes called without a token. */
  user?: AuthenticatedUser;
}

/** Injects the {@link AuthenticatedUser} the request acts for (undefined on public routes without a token). */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser | undefined =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().user,
);
