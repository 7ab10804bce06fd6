// Redis for local runs: use REDIS_URL (or 127.0.0.1:6379) when it answers PING; otherwise start the
// installed redis-server in the background without persistence, or install it as root on Debian.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Redis from 'ioredis';
import { defaultEndpoints, hostPortOf, isLocalHost, redactUrl } from './connection-urls';
import { InfrastructureError } from './infrastructure-error';
import { logFile, pidFile, workspaceRoot } from './paths';
import {
  commandExists,
  isOurProcess,
  pollUntil,
  readPidFile,
  removeFile,
  runCommand,
  terminateProcess,
} from './process-utils';
import { Log, aptInstall, canInstallPackages } from './toolchain';

const files = { pid: pidFile('redis'), log: logFile('redis') };

/** Result of a PING. */
export type RedisProbe = { ok: true } | { ok: false; refused: boolean; reason: string };

/** Sends one PING with a short timeout and no reconnect attempts. */
export async function probeRedis(redisUrl: string, timeoutMs = 2_000): Promise<RedisProbe> {
  const client = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  // ioredis reports the socket error as an event and rejects connect() with a generic "closed".
  let socketError: Error | undefined;
  client.on('error', (error: Error) => (socketError ??= error));
  try {
    await client.connect();
    await client.ping();
    return { ok: true };
  } catch (error) {
    const cause = socketError ?? (error instanceof Error ? error : new Error(String(error)));
    const refused =
      (cause as NodeJS.ErrnoException).code === 'ECONNREFUSED' || /ECONNREFUSED/.test(cause.message);
    return { ok: false, refused, reason: cause.message };
  } finally {
    client.disconnect();
  }
}

/** The redis-server arguments for a throwaway local instance: loopback only, nothing written to disk. */
export function redisServerArguments(port: number, pidFilePath: string, logFilePath: string): string[] {
  const options: Array<[string, string]> = [
    ['daemonize', 'yes'],
    ['bind', '127.0.0.1'],
    ['port', String(port)],
    ['save', ''],
    ['appendonly', 'no'],
    ['pidfile', pidFilePath],
    ['logfile', logFilePath],
  ];
  return options.flatMap(([name, value]) => [`--${name}`, value]);
}

/** Makes sure Redis answers and returns its URL. */
export async function ensureRedis(
  configuredUrl: string | undefined,
  log: Log,
): Promise<{ url: string; started: boolean }> {
  const url = configuredUrl || defaultEndpoints.redisUrl;
  const probe = await probeRedis(url);
  if (probe.ok) return { url, started: false };

  const { host, port } = hostPortOf(url);
  if (!probe.refused || !isLocalHost(host)) {
    throw new InfrastructureError(
      `Redis at ${redactUrl(url)} is not usable (${probe.reason}). Set REDIS_URL to a reachable server.`,
    );
  }
  const started = Date.now();
  if (!commandExists('redis-server')) {
    if (!canInstallPackages()) {
      throw new InfrastructureError(
        `Redis is not running on ${host}:${port} and redis-server is not installed.\n` +
          '  Debian/Ubuntu: sudo apt-get install -y redis-server\n' +
          '  macOS:         brew install redis && brew services start redis\n' +
          'Or set REDIS_URL to a reachable server.',
      );
    }
    await aptInstall(['redis-server'], log);
    // Debian's package may have started its own service already; then there is nothing for us to run.
    if ((await probeRedis(url)).ok) return { url, started: false };
  }
  log(`redis: starting redis-server on 127.0.0.1:${port}…`);
  mkdirSync(dirname(files.pid), { recursive: true });
  mkdirSync(dirname(files.log), { recursive: true });
  const result = await runCommand('redis-server', redisServerArguments(port, files.pid, files.log), {
    cwd: workspaceRoot,
  });
  if (result.code !== 0) {
    throw new InfrastructureError(`redis-server failed to start:\n${(result.stdout + result.stderr).trim()}`);
  }
  try {
    await pollUntil(async () => (await probeRedis(url, 1_000)).ok, {
      timeoutMs: 20_000,
      intervalMs: 200,
      description: 'Redis to answer PING',
    });
  } catch (error) {
    throw new InfrastructureError(`${(error as Error).message}; see .local/logs/redis.log`);
  }
  log(`redis: ready at ${url} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { url, started: true };
}

/** Stops redis-server only if this runner started it (per .local/run/redis.pid). */
export async function stopRunnerRedis(log: Log): Promise<boolean> {
  const pid = readPidFile(files.pid);
  if (pid === undefined || !isOurProcess(pid, 'redis-server')) {
    removeFile(files.pid);
    return false;
  }
  log(`redis: stopping pid ${pid}…`);
  await terminateProcess(pid, 10_000);
  removeFile(files.pid);
  return true;
}

/** Pid of the running redis-server if the runner started it (for `infra status`). */
export function runnerRedisPid(): number | undefined {
  const pid = readPidFile(files.pid);
  return pid !== undefined && isOurProcess(pid, 'redis-server') ? pid : undefined;
}
