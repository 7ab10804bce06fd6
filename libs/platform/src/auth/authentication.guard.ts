import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { tokenMissing } from './auth-problems';
import type { AuthenticatedRequest } from './current-user.decorator';
import { IS_PUBLIC } from './public.decorator';
import { ALLOWS_QUERY_TOKEN } from './query-token.decorator';
import { TokenVerifier } from './token-verifier';

/**
 * Global guard: every HTTP route needs a valid bearer token unless marked {@link Public}. Kafka
 * handlers in hybrid apps pass through; events are authorised by who may publish to the topic.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(TokenVerifier) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const allowsQueryToken = this.reflector.get<boolean>(ALLOWS_QUERY_TOKEN, context.getHandler()) === true;
    const token = bearerToken(request, allowsQueryToken);
    if (!token) throw tokenMissing();
    request.user = await this.verifier.verify(token);
    return true;
  }
}

function bearerToken(request: Request, allowsQueryToken: boolean): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  if (match) return match[1];
  const queryToken = allowsQueryToken ? request.query['access_token'] : undefined;
  return typeof queryToken === 'string' && queryToken !== '' ? queryToken : undefined;
}
