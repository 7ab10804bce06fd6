import type { ArgumentsHost } from '@nestjs/common';
import { Open311ExceptionFilter } from './open311-exception.filter';

/** What the filter wrote: status, headers and body. */
function answerTo(exception: unknown, format = 'json') {
  const written: { status?: number; headers: Record<string, string>; body?: string } = { headers: {} };
  const response = {
    setHeader: (name: string, value: string) => void (written.headers[name] = value),
    status(code: number) {
      written.status = code;
      return this;
    },
    type() {
      return this;
    },
    send(body: string) {
      written.body = body;
      return this;
    },
  };
  const host = {
    switchToHttp: () => ({
      getRequest: () => ({ headers: { 'accept-language': 'en' }, params: { format } }),
      getResponse: () => response,
    }),
  } as unknown as ArgumentsHost;
  new Open311ExceptionFilter().catch(exception, host);
  return written;
}

describe('GeoReport errors', () => {
  it('answers a database that is away 503 with Retry-After, so the client files again later', () => {
    const answer = answerTo(
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    );

    expect(answer.status).toBe(503);
    expect(Number(answer.headers['Retry-After'])).toBeGreaterThan(0);
    expect(JSON.parse(answer.body!)).toEqual([
      { code: 503, description: expect.stringContaining('Retry-After') },
    ]);
  });

  it('answers a fault of ours 400 general service error, as the specification asks, in XML too', () => {
    const answer = answerTo(new TypeError('cannot read properties of undefined'), 'xml');

    expect(answer.status).toBe(400);
    expect(answer.headers['Retry-After']).toBeUndefined();
    expect(answer.body).toMatch(
      /<errors>\s*<error>\s*<code>400<\/code>\s*<description>General service error/,
    );
  });
});
