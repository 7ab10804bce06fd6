import { Writable } from 'node:stream';
import type { NextFunction, Request, Response } from 'express';
import pino from 'pino';
import { correlationContext } from './correlation-context';
import { CORRELATION_ID_HEADER, correlationMiddleware, REQUEST_ID_HEADER } from './correlation.middleware';
import { correlationMixin } from './logger-params';

function fakeExchange(headers: Record<string, string> = {}) {
  const responseHeaders: Record<string, string> = {};
  const request = { headers } as unknown as Request;
  const response = {
    setHeader: (name: string, value: string) => {
      responseHeaders[name] = value;
    },
  } as unknown as Response;
  return { request, response, responseHeaders };
}

function captureLogLines(): { logger: pino.Logger; lines: () => Record<string, unknown>[] } {
  const written: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      written.push(chunk.toString());
      done();
    },
  });
  const logger = pino({ mixin: correlationMixin }, sink);
  return { logger, lines: () => written.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('correlation', () => {
  it('keeps the caller’s correlation id, echoes it and runs the request inside the context', () => {
    const { request, response, responseHeaders } = fakeExchange({ [CORRELATION_ID_HEADER]: 'flow-42' });
    let seen: unknown;

    correlationMiddleware(request, response, (() => {
      seen = correlationContext.current();
    }) as NextFunction);

    expect(responseHeaders[CORRELATION_ID_HEADER]).toBe('flow-42');
    expect(seen).toEqual({ correlationId: 'flow-42', requestId: responseHeaders[REQUEST_ID_HEADER] });
    expect((request as Request & { id: string }).id).toBe(responseHeaders[REQUEST_ID_HEADER]);
  });

  it('starts a new correlation id when the caller sends none or an unsafe one', () => {
    const plain = fakeExchange();
    const hostile = fakeExchange({ [CORRELATION_ID_HEADER]: 'x"\n{"level":"fatal"}' });

    correlationMiddleware(plain.request, plain.response, (() => undefined) as NextFunction);
    correlationMiddleware(hostile.request, hostile.response, (() => undefined) as NextFunction);

    expect(plain.responseHeaders[CORRELATION_ID_HEADER]).toMatch(/^[0-9a-f-]{36}$/);
    expect(hostile.responseHeaders[CORRELATION_ID_HEADER]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('stamps every log line written inside a Kafka handler’s context with its ids', async () => {
    const { logger, lines } = captureLogLines();

    await correlationContext.run({ correlationId: 'flow-7', causationId: 'event-3' }, async () => {
      await Promise.resolve();
      logger.info('assignment accepted');
    });
    logger.info('outside any flow');

    expect(lines()[0]).toMatchObject({
      msg: 'assignment accepted',
      correlationId: 'flow-7',
      causationId: 'event-3',
    });
    expect(lines()[1]).not.toHaveProperty('correlationId');
  });

  it('lets a nested run replace the ids only for its own duration', () => {
    const seen: (string | undefined)[] = [];

    correlationContext.run({ correlationId: 'outer' }, () => {
      correlationContext.run({ correlationId: 'inner' }, () =>
        seen.push(correlationContext.current()?.correlationId),
      );
      seen.push(correlationContext.current()?.correlationId);
    });

    expect(seen).toEqual(['inner', 'outer']);
    expect(correlationContext.current()).toBeUndefined();
  });
});
