// Small process helpers for the runner: pid files, liveness, detached starts and commands with captured
// output. Node built-ins only, so the runner works before anything else is set up.
import { spawn } from 'node:child_process';
import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { delimiter, dirname, join } from 'node:path';

/** Output of a finished command. */
export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Resolves after the given number of milliseconds (for poll intervals only). */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `check` until it returns true; throws with `description` once `timeoutMs` has passed. */
export async function pollUntil(
  check: () => boolean | Promise<boolean>,
  options: { timeoutMs: number; intervalMs?: number; description: string },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() >= deadline) {
      throw new Error(
        `Timed out after ${Math.round(options.timeoutMs / 1000)} s waiting for ${options.description}`,
      );
    }
    await delay(options.intervalMs ?? 250);
  }
}

/** True when a process with this pid exists (signal 0 probes without touching it). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM means it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A process that exited but was not yet reaped by its parent (say, a parent blocked in spawnSync)
  // still answers signal 0; Linux shows it as state Z, and it is as good as gone.
  return !isZombie(pid);
}

function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Format: "pid (command) state …"; the command may itself contain parentheses.
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}

/** The command line of a live process, where the OS exposes it (Linux /proc); undefined elsewhere. */
export function processCommandLine(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return undefined;
  }
}

/**
 * True when the pid is alive and, where the command line is readable, it contains `marker` — a pid
 * file can outlive its process and the pid be reused by something unrelated.
 */
export function isOurProcess(pid: number, marker: string): boolean {
  if (!isProcessAlive(pid)) return false;
  const commandLine = processCommandLine(pid);
  return commandLine === undefined || commandLine.includes(marker);
}

/** The pid stored in a pid file, or undefined when there is no readable pid. */
export function readPidFile(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** Writes a pid file, creating its folder. */
export function writePidFile(file: string, pid: number): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${pid}\n`);
}

/** Removes a file if it exists. */
export function removeFile(file: string): void {
  rmSync(file, { force: true });
}

/** True when `command` is an executable on PATH (no process is spawned). */
export function commandExists(command: string): boolean {
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    if (!folder) continue;
    try {
      accessSync(join(folder, command), constants.X_OK);
      return true;
    } catch {
      // not in this folder
    }
  }
  return false;
}

/** Runs a command to completion and captures its output; never throws for a non-zero exit. */
export function runCommand(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeoutMs,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Starts a long-running process that outlives the caller: its own process group, output appended to
 * `logFile`, no handle keeping the caller alive. Returns its pid.
 */
export function spawnDetached(
  command: string,
  args: string[],
  options: { cwd: string; logFile: string; env?: NodeJS.ProcessEnv },
): number {
  mkdirSync(dirname(options.logFile), { recursive: true });
  const log = openSync(options.logFile, 'a');
  try {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      detached: true,
      stdio: ['ignore', log, log],
    });
    if (child.pid === undefined) throw new Error(`Could not start ${command}`);
    child.unref();
    return child.pid;
  } finally {
    closeSync(log);
  }
}

/** Sends SIGTERM, waits up to `graceMs` for the process to exit, then SIGKILLs it. */
export async function terminateProcess(pid: number, graceMs: number): Promise<void> {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return; // already gone
  }
  try {
    await pollUntil(() => !isProcessAlive(pid), {
      timeoutMs: graceMs,
      intervalMs: 100,
      description: `pid ${pid} to exit`,
    });
  } catch {
    process.kill(pid, 'SIGKILL');
    await pollUntil(() => !isProcessAlive(pid), {
      timeoutMs: 5_000,
      intervalMs: 100,
      description: `pid ${pid} to die`,
    });
  }
}

/** The last `lines` lines of a text file (for error messages pointing at a log). */
export function tailOfFile(file: string, lines: number): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}
