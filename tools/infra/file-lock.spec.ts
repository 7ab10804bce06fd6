import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withFileLock } from './file-lock';

describe('withFileLock', () => {
  let folder: string;
  let lockFile: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'loop-lock-'));
    lockFile = join(folder, 'infrastructure.lock');
  });

  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('lets one holder at a time run, in turn', async () => {
    const events: string[] = [];
    const holder = (name: string) =>
      withFileLock(
        lockFile,
        async () => {
          events.push(`${name} in`);
          await Promise.resolve();
          events.push(`${name} out`);
        },
        { timeoutMs: 5_000 },
      );

    await Promise.all([holder('first'), holder('second')]);

    expect(events).toEqual(['first in', 'first out', 'second in', 'second out']);
  });

  it('breaks a lock left behind by a process that no longer exists', async () => {
    const exited = spawnSync(process.execPath, ['-e', '']);
    writeFileSync(lockFile, `${exited.pid}\n`);

    const result = await withFileLock(lockFile, async () => 'ran', { timeoutMs: 1_000 });

    expect(result).toBe('ran');
  });

  it('releases the lock when the work fails', async () => {
    await expect(
      withFileLock(lockFile, async () => Promise.reject(new Error('start failed')), { timeoutMs: 1_000 }),
    ).rejects.toThrow('start failed');

    expect(existsSync(lockFile)).toBe(false);
  });
});
