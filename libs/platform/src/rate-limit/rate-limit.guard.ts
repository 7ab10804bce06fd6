import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { AuthenticatedRequest } from '../auth/current-user.decorator';
import { rateLimitExceeded } from './rate-limit-problems';
import { RATE_LIMIT_BUCKET } from './rate-limited.decorator';
import { RateLimits } from './rate-limits';

/**
 * Global guard run after authentication and roles: enforces {@link RateLimited}. The count is kept per
 * authenticated person, so people behind one address (a community centre's Wi-Fi, a carrier's NAT)
 * never use up each other's allowance; only a public route called without a token counts by address.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(RateLimits) private readonly rateLimits: RateLimits,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const bucket = this.reflector.getAllAndOverride<string | undefined>(RATE_LIMIT_BUCKET, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!bucket) return true;

    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const person = request.user ? `user:${request.user.id}` : `address:${request.ip ?? 'unknown'}`;
    const verdict = await this.rateLimits.consume(bucket, person);
    if (!verdict.allowed) throw rateLimitExceeded(verdict.retryAfterSeconds);
    return true;
  }
}
