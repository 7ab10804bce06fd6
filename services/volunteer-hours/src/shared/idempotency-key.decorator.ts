import { createParamDecorator, ExecutionContext } from '@nestjs/common';

/** The request's `Idempotency-Key` header (undefined when absent); combine with a pipe to validate it. */
export const IdempotencyKey = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string | undefined => {
    const value = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | string[] | undefined> }>().headers['idempotency-key'];
    return Array.isArray(value) ? value[0] : value;
  },
);
