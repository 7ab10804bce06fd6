import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { correlationContext } from './correlation-context';

/** Header carrying the correlation id between services and back to the caller. */
export const CORRELATION_ID_HEADER = 'x-correlation-id';
/** Header carrying the id of this one HTTP request back to the caller. */
export const REQUEST_ID_HEADER = 'x-request-id';

// A caller-supplied id lands in every log line and in event envelopes; anything that is not a plain
// token (spaces, quotes, control characters, kilobytes of text) is replaced rather than trusted.
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Reads a usable correlation id from a header value, or undefined when it is missing or unsafe. */
export function acceptedCorrelationId(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && SAFE_ID.test(value) ? value : undefined;
}

/**
 * Express middleware, mounted before the request logger: gives every request a request id and a
 * correlation id (the caller's `x-correlation-id` or a new UUID), echoes both as response headers,
 * and runs the rest of the request inside {@link correlationContext}.
 */
export function correlationMiddleware(request: Request, response: Response, next: NextFunction): void {
  const requestId = randomUUID();
  const correlationId = acceptedCorrelationId(request.headers[CORRELATION_ID_HEADER]) ?? randomUUID();
  // pino-http uses `req.id` as the request id instead of generating its own.
  (request as Request & { id: string }).id = requestId;
  response.setHeader(REQUEST_ID_HEADER, requestId);
  response.setHeader(CORRELATION_ID_HEADER, correlationId);
  correlationContext.run({ correlationId, requestId }, next);
}
