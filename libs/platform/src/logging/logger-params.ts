import { hostname } from 'node:os';
import { RequestMethod } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import { stdTimeFunctions } from 'pino';
import type { PlatformConfig } from '../config/platform.config';
import { correlationContext } from './correlation-context';
import { CORRELATION_ID_HEADER } from './correlation.middleware';

// Probes and scrapes arrive every few seconds; logging each would bury the requests people make.
const QUIET_PATHS = /^\/(health|metrics)(\/|\?|$)/;

// Query parameters whose value is a credential: `access_token` (the live stream's EventSource login,
// RFC 6750 §2.3), `token`, `id_token`, `refresh_token`… — any name containing "token".
const CREDENTIAL_PARAMETER = /token/i;

/** What a credential's value is written as in a log line. */
export const REDACTED = '[REDACTED]';

/**
 * The request URL as it may be logged: the value of every query parameter whose name contains "token"
 * is replaced by `[REDACTED]`, the rest is left as sent. Names are compared after percent-decoding,
 * because the query parser decodes them too (`access%5Ftoken=` still logs a person in).
 */
export function redactCredentials(url: string): string {
  const queryStart = url.indexOf('?');
  if (queryStart < 0) return url;
  const fragmentStart = url.indexOf('#', queryStart);
  const queryEnd = fragmentStart < 0 ? url.length : fragmentStart;
  const query = url
    .slice(queryStart + 1, queryEnd)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const name = equals < 0 ? pair : pair.slice(0, equals);
      return CREDENTIAL_PARAMETER.test(decodedName(name)) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
  return `${url.slice(0, queryStart + 1)}${query}${url.slice(queryEnd)}`;
}

function decodedName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name; // malformed escapes: compare the raw name
  }
}

/**
 * Adds the current correlation ids to a log line. Wired as pino's `mixin`, so any logger — request
 * scoped or not, in an HTTP request or a Kafka handler — stamps `correlationId`, `requestId` and
 * `causationId` of the work in progress.
 */
export function correlationMixin(): Record<string, string> {
  const ids = correlationContext.current();
  if (!ids) return {};
  const fields: Record<string, string> = { correlationId: ids.correlationId };
  if (ids.requestId) fields.requestId = ids.requestId;
  if (ids.causationId) fields.causationId = ids.causationId;
  return fields;
}

/** nestjs-pino parameters: JSON lines with ISO time, textual level, service name and correlation ids. */
export function loggerParams(config: PlatformConfig, serviceName?: string): Params {
  return {
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: config.LOG_LEVEL,
      base: { service: serviceName, pid: process.pid, hostname: hostname() },
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: correlationMixin,
      // The request-completed line may be written after the request's async context has ended; only
      // then are the ids bound from the request itself (inside the context the mixin has them already,
      // and binding them twice would duplicate the keys).
      customProps: (request: IncomingMessage, response: ServerResponse) =>
        correlationContext.current()
          ? {}
          : {
              requestId: (request as IncomingMessage & { id?: string }).id,
              correlationId: response.getHeader(CORRELATION_ID_HEADER),
            },
      serializers: {
        // Every request line of every service goes through here: the URL loses its credentials.
        req: (request: { method: string; url: string }) => ({
          method: request.method,
          url: redactCredentials(request.url ?? ''),
        }),
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
      },
      autoLogging: { ignore: (request) => QUIET_PATHS.test(request.url ?? '') },
      // A 503 is a dependency away (a restart, a failover): expected, answered with Retry-After, a warning.
      customLogLevel: (_request, response, error) =>
        response.statusCode === 503
          ? 'warn'
          : error || response.statusCode >= 500
            ? 'error'
            : response.statusCode >= 400
              ? 'warn'
              : 'info',
    },
  };
}
