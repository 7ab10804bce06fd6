import type { ArgumentsHost } from '@nestjs/common';
import { ForbiddenException } from '@nestjs/common';
import { correlationContext } from '../logging/correlation-context';
import { ProblemDetailsFilter } from './problem-details.filter';

interface SentResponse {
  status?: number;
  headers: Record<string, string>;
  type?: string;
  body?: string;
}

function httpHost(headers: Record<string, string>): { host: ArgumentsHost; sent: SentResponse } {
  const sent: SentResponse = { headers: {} };
  const response = {
    headersSent: false,
    status(code: number) {
      sent.status = code;
      return this;
    },
    set(values: Record<string, string>) {
      Object.assign(sent.headers, values);
      return this;
    },
    type(value: string) {
      sent.type = value;
      return this;
    },
    send(body: string) {
      sent.body = body;
      return this;
    },
  };
  const request = { headers, originalUrl: '/assignments/a-1/accept?x=1', url: '/assignments/a-1/accept?x=1' };
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
  } as unknown as ArgumentsHost;
  return { host, sent };
}

describe('ProblemDetailsFilter', () => {
  const filter = new ProblemDetailsFilter();

  it('writes an HTTP failure as problem+json in the caller’s language with the correlation id', () => {
    const { host, sent } = httpHost({ 'accept-language': 'en' });

    correlationContext.run({ correlationId: 'flow-9' }, () => filter.catch(new ForbiddenException(), host));

    expect(sent.status).toBe(403);
    expect(sent.type).toBe('application/problem+json');
    expect(sent.headers['Content-Language']).toBe('en');
    expect(JSON.parse(sent.body ?? '{}')).toEqual({
      type: 'about:blank',
      title: 'Forbidden',
      status: 403,
      detail: 'You are not allowed to do this.',
      instance: '/assignments/a-1/accept',
      correlationId: 'flow-9',
    });
  });

  it('rethrows outside HTTP so a failing Kafka handler fails its message', () => {
    const failure = new Error('projection write failed');
    const host = { getType: () => 'rpc' } as unknown as ArgumentsHost;

    expect(() => filter.catch(failure, host)).toThrow(failure);
  });
});
