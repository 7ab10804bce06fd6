// One service of the loop running as its own operating-system process, from its build output, the way it
// runs in production: the end-to-end suite and the benchmarks kill it, restart it and read its memory.
import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from '../deployment/compose-service-check';
import { waitFor } from '../infrastructure/wait-for';
import type { ServiceEntry } from './service-catalogue';

/**
 * Old-space heap limit of a service process, in MB. The Dockerfile sets the same (a deployment check
 * compares them): without a limit V8 collects lazily and a loaded service's resident set is mostly garbage.
 */
export const serviceHeapLimitMb = 160;

/** Node.js flags every locally started service runs with, as in its container image. */
export const serviceNodeArguments = ['--enable-source-maps', `--max-old-space-size=${serviceHeapLimitMb}`];

/** The compiled entry point of a service (`nx run <service>:build`). */
export function serviceMainFile(service: ServiceEntry['name']): string {
  return join(repositoryRoot, 'dist', 'services', service, 'services', service, 'src', 'main.js');
}

/** A service process; `start` may be called again after the process ended (a restart). */
export class ServiceProcess {
  private child?: ChildProcess;
  private exit?: Promise<string>;

  constructor(
    /** The service this process runs. */
    readonly service: ServiceEntry['name'],
    /** Its HTTP port. */
    readonly port: number,
    private readonly env: Record<string, string>,
    private readonly logFile: string,
  ) {}

  /** Base URL of the service's HTTP API. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Operating-system process id, while running. */
  get pid(): number | undefined {
    return this.child?.exitCode === null && this.child.signalCode === null ? this.child.pid : undefined;
  }

  /** Spawns the process (output appended to the log file) and resolves once /health/ready answers 200. */
  async start(readyTimeoutMs = 90_000): Promise<void> {
    if (this.pid !== undefined) throw new Error(`${this.service} is already running (pid ${this.pid})`);
    const log = createWriteStream(this.logFile, { flags: 'a' });
    const child = spawn(process.execPath, [...serviceNodeArguments, serviceMainFile(this.service)], {
      cwd: repositoryRoot,
      env: { ...process.env, ...this.env, PORT: String(this.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    this.child = child;
    this.exit = new Promise((resolve) =>
      child.once('exit', (code, signal) => resolve(String(signal ?? code))),
    );
    await waitFor(
      async () => {
        if (child.exitCode !== null || child.signalCode !== null) {
          throw new Error(
            `${this.service} exited (${child.signalCode ?? child.exitCode}); see ${this.logFile}`,
          );
        }
        return (await fetch(`${this.url}/health/ready`)).ok;
      },
      { timeoutMs: readyTimeoutMs, intervalMs: 250, description: `${this.service} to be ready` },
    );
  }

  /** Sends `signal` and waits until the process is gone (SIGKILL: no shutdown hooks run). */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.pid === undefined) return;
    this.child?.kill(signal);
    await this.exit;
  }

  /** Resolves with the exit code or signal when the process started last ends, for whatever reason. */
  exited(): Promise<string> {
    if (!this.exit) throw new Error(`${this.service} was never started`);
    return this.exit;
  }

  /** Resident set size in bytes (Linux /proc), or undefined when not running or not on Linux. */
  residentSetBytes(): number | undefined {
    if (this.pid === undefined) return undefined;
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kilobytes = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
      return kilobytes ? Number(kilobytes) * 1024 : undefined;
    } catch {
      return undefined;
    }
  }
}
