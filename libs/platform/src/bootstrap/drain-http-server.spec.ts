import { createServer, request as httpRequest, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { drainHttpServer } from './drain-http-server';

interface Reply {
  status?: number;
  error?: string;
}

function get(port: number): Promise<Reply> {
  return new Promise((resolve) => {
    const request = httpRequest({ host: '127.0.0.1', port, path: '/', agent: false }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode }));
    });
    request.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code }));
    request.end();
  });
}

async function slowServer(): Promise<{
  server: Server;
  port: number;
  started: Promise<void>;
  release: () => void;
}> {
  let release!: () => void;
  let markStarted!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const server = createServer((_request, response) => {
    markStarted();
    void released.then(() => response.end('done'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, started, release };
}

describe('drainHttpServer', () => {
  it('refuses new connections but lets an in-flight request finish', async () => {
    const { server, port, started, release } = await slowServer();
    const inFlight = get(port);
    await started;

    const drained = drainHttpServer(server, 10_000);
    const late = await get(port);
    release();

    expect(late.error).toBe('ECONNREFUSED');
    expect(await inFlight).toEqual({ status: 200 });
    expect(await drained).toEqual({ forced: false });
  });

  it('cuts requests still running when the grace period ends', async () => {
    const { server, port, started, release } = await slowServer();
    const inFlight = get(port);
    await started;

    const outcome = await drainHttpServer(server, 50);
    release();

    expect(outcome).toEqual({ forced: true });
    expect((await inFlight).error).toBe('ECONNRESET');
  });
});
