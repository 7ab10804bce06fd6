// A cross-process lock file, so that several test runs or `npm start` launched at once do not all try
// to download Kafka, format its storage or start the same server.
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { delay, isProcessAlive } from './process-utils';

/** Runs `work` while holding the lock file; waits for another holder, and breaks locks of dead processes. */
export async function withFileLock<T>(
  lockFile: string,
  work: () => Promise<T>,
  options: { timeoutMs: number; onWait?: (holderPid: number) => void },
): Promise<T> {
  mkdirSync(dirname(lockFile), { recursive: true });
  const deadline = Date.now() + options.timeoutMs;
  let announced = false;
  for (;;) {
    if (tryAcquire(lockFile)) break;
    const holder = lockHolder(lockFile);
    if (holder === undefined || !isProcessAlive(holder)) {
      // The holder died mid-start (Ctrl-C, crash): its lock means nothing any more.
      rmSync(lockFile, { force: true });
      continue;
    }
    if (Date.now() >= deadline) {
      throw new Error(`Timed out waiting for process ${holder} to release ${lockFile}`);
    }
    if (!announced) options.onWait?.(holder);
    announced = true;
    await delay(250);
  }
  try {
    return await work();
  } finally {
    rmSync(lockFile, { force: true });
  }
}

/** Writes our pid to a private file and hard-links it into place: the lock appears atomically, already filled in. */
function tryAcquire(lockFile: string): boolean {
  const candidate = `${lockFile}.${process.pid}`;
  writeFileSync(candidate, `${process.pid}\n`);
  try {
    linkSync(candidate, lockFile);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(candidate, { force: true });
  }
}

function lockHolder(lockFile: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(lockFile, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
