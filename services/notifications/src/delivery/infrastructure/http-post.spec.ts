import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { postJson } from './http-post';

interface Receiver {
  port: number;
  paths: string[];
  close(): Promise<void>;
}

// A local server answering `status` with a body that must never reach the delivery log.
async function receiver(status: number, headers: Record<string, string> = {}): Promise<Receiver> {
  const paths: string[] = [];
  const server: Server = createServer((request, response) => {
    paths.push(request.url ?? '');
    request.resume();
    response.writeHead(status, headers).end('internal secret: db-password=hunter2');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    paths,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const loopback = { address: '127.0.0.1', family: 4 as const };

describe('posting a delivery', () => {
  let open: Receiver[] = [];
  afterEach(async () => {
    await Promise.all(open.map((r) => r.close()));
    open = [];
  });
  const started = async (...args: Parameters<typeof receiver>) => {
    const r = await receiver(...args);
    open.push(r);
    return r;
  };

  it('connects to the checked address, whatever the host name would resolve to now', async () => {
    const target = await started(200);
    // `.invalid` never resolves (RFC 2606): only the pinned address can make this call arrive.
    await postJson(new URL(`http://hooks.invalid:${target.port}/hook`), '{}', {}, 2_000, loopback);
    expect(target.paths).toEqual(['/hook']);
  });

  it('records the status of a failed answer and never its body or the URL', async () => {
    const target = await started(500);
    const failure = await postJson(
      new URL(`http://127.0.0.1:${target.port}/hook?key=receiver-own-secret`),
      '{}',
      {},
      2_000,
    ).catch((error: Error) => error);
    expect(failure).toEqual(new Error('answered 500'));
  });

  it('does not follow a redirect', async () => {
    const inside = await started(200);
    const redirecting = await started(302, { location: `http://127.0.0.1:${inside.port}/admin` });
    const failure = await postJson(new URL(`http://127.0.0.1:${redirecting.port}/`), '{}', {}, 2_000).catch(
      (error: Error) => error,
    );
    expect(failure).toEqual(new Error('answered 302 (redirects are not followed)'));
    expect(inside.paths).toEqual([]);
  });

  it('names the connection error without the address', async () => {
    const closed = await started(200);
    await closed.close();
    open = [];
    const failure = await postJson(new URL(`http://127.0.0.1:${closed.port}/`), '{}', {}, 2_000).catch(
      (error: Error) => error,
    );
    expect(failure).toEqual(new Error('connection failed (ECONNREFUSED)'));
  });
});
