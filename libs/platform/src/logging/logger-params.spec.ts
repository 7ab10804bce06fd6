import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pinoHttp, { Options } from 'pino-http';
import type { PlatformConfig } from '../config/platform.config';
import { loggerParams, redactCredentials } from './logger-params';

// A signed token as the live stream receives it (shape only; nothing verifies it here).
const token = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJyZXNpZGVudC0xIn0.c2lnbmF0dXJl';

/** A server logging through the platform's request logger into `lines`, as every service does. */
async function serverLoggingTo(lines: string[]): Promise<{ url: string; close: () => Promise<void> }> {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  const { pinoHttp: options } = loggerParams({ LOG_LEVEL: 'info' } as PlatformConfig, 'notifications');
  const logRequest = pinoHttp(options as Options, sink);
  const server: Server = createServer((request, response) => {
    logRequest(request, response);
    request.log.info('handling the request');
    response.statusCode = request.url?.startsWith('/missing') ? 404 : 200;
    response.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('the request log', () => {
  it('never writes the live stream’s access token, in the handler’s lines or the completion line', async () => {
    const lines: string[] = [];
    const server = await serverLoggingTo(lines);
    try {
      await fetch(`${server.url}/me/stream?access_token=${token}&after=41`);
      await fetch(`${server.url}/missing?token=${token}`);
      await fetch(`${server.url}/me/stream?access%5Ftoken=${token}`);
    } finally {
      await server.close();
    }

    const logged = lines.map((line) => JSON.parse(line) as { req?: { url: string }; msg: string });
    expect(logged.filter((line) => line.msg === 'request completed')).toHaveLength(3);
    expect(lines.join('\n')).not.toContain(token);
    expect(logged.map((line) => line.req?.url)).toEqual(
      expect.arrayContaining([
        '/me/stream?access_token=[REDACTED]&after=41',
        '/missing?token=[REDACTED]',
        '/me/stream?access%5Ftoken=[REDACTED]',
      ]),
    );
  });

  it('keeps every other part of the URL as it was sent', () => {
    expect(redactCredentials('/me/notifications?limit=20&after=3')).toBe(
      '/me/notifications?limit=20&after=3',
    );
    expect(redactCredentials('/tickets')).toBe('/tickets');
    expect(redactCredentials('/x?refresh_token=a&id_token=b&flag#top')).toBe(
      '/x?refresh_token=[REDACTED]&id_token=[REDACTED]&flag#top',
    );
    expect(redactCredentials('/x?%E0%A4%A=1&TOKEN=abc')).toBe('/x?%E0%A4%A=1&TOKEN=[REDACTED]');
  });
});
