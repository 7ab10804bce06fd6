import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { correlationContext } from '../logging/correlation-context';
import { preferredLanguage } from './language';
import { toProblem } from './problem-details.mapper';

/** Media type of RFC 9457 problem documents. */
export const PROBLEM_JSON = 'application/problem+json';

/**
 * Global exception filter: every HTTP failure leaves as `application/problem+json` in the caller's
 * language (zh-CN unless Accept-Language prefers English). Outside HTTP it rethrows, so a failing Kafka
 * handler fails its message and the messaging retry / dead-letter rules decide what happens next.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;

    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const language = preferredLanguage(request.headers['accept-language']);
    const { body, headers } = toProblem(exception, {
      language,
      instance: request.originalUrl?.split('?')[0] ?? request.url,
      correlationId: correlationContext.current()?.correlationId,
    });

    if (body.code?.startsWith('dependency-')) {
      // Expected during a restart or failover: one line without a stack, not an alarm.
      this.logger.warn(
        { status: body.status, code: body.code, reason: (exception as Error)?.message },
        'request refused while a dependency is unavailable',
      );
    } else if (body.status >= 500) {
      this.logger.error({ err: exception, status: body.status }, 'request failed');
    }
    if (response.headersSent) {
      // A streamed response (e.g. SSE) failed midway: the status line is gone, all we can do is end it.
      response.end();
      return;
    }
    response
      .status(body.status)
      .set({ ...headers, 'Content-Language': language })
      .type(PROBLEM_JSON)
      .send(JSON.stringify(body));
  }
}
