import type { Server } from 'node:http';

/** How draining ended. */
export interface DrainOutcome {
  /** True when the grace period ran out and remaining connections were cut. */
  forced: boolean;
}

const IDLE_SWEEP_MS = 100;

/**
 * Stops accepting connections and waits for in-flight requests to finish, for at most `graceMs`;
 * then cuts whatever is still open. Keep-alive connections are closed as soon as they fall idle, so
 * a client holding one open cannot stretch the shutdown to the keep-alive timeout.
 */
export function drainHttpServer(server: Server, graceMs: number): Promise<DrainOutcome> {
  return new Promise((resolve) => {
    let forced = false;
    const sweeper = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
    const deadline = setTimeout(() => {
      forced = true;
      server.closeAllConnections();
    }, graceMs);
    sweeper.unref();
    deadline.unref();
    // close() stops the listener at once and calls back when the last connection has ended (or at once,
    // with an error we do not care about, when the server was never listening).
    server.close(() => {
      clearInterval(sweeper);
      clearTimeout(deadline);
      resolve({ forced });
    });
    server.closeIdleConnections();
  });
}
