// The web console as `npm start` and the browser tests serve it: Vite's preview server over the built
// console (dist/services/console), with the API prefixes proxied to the four services and /dev-issuer to
// the development token issuer (services/console/vite.config.mts reads the targets set here), plus the
// persona file the sign-in picker reads. One child process, stopped with SIGTERM.
import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { waitFor } from '@loop/testing';
import { root, viteBin, viteConfig } from './console-build';
import type { ConsolePersona } from './console-personas';

/** Port of the console in local runs. */
export const consolePort = 3000;

/** Where the console sends each API prefix. */
export interface ConsoleUpstreams {
  requests: string;
  dispatch: string;
  volunteerHours: string;
  notifications: string;
  devIssuer: string;
}

/** How to serve the console. */
export interface ConsoleServerOptions {
  port: number;
  upstreams: ConsoleUpstreams;
  /** The sign-in picker's people; written next to the log. */
  personas: ConsolePersona[];
  /** Where the server's output goes. */
  logFile: string;
}

/** A running console server. */
export class ConsoleServer {
  private constructor(
    private readonly child: ChildProcess,
    /** The console's address, e.g. http://127.0.0.1:3000. */
    readonly url: string,
  ) {}

  /** Serves the built console and resolves once it answers. */
  static async start(options: ConsoleServerOptions): Promise<ConsoleServer> {
    mkdirSync(dirname(options.logFile), { recursive: true });
    const personasFile = join(dirname(options.logFile), 'console-personas.json');
    writeFileSync(personasFile, JSON.stringify({ personas: options.personas }, null, 2));
    const log = createWriteStream(options.logFile, { flags: 'a' });
    // --bypass-lock: Vite refuses a second preview of the same project by default, and `npm start` and
    // the browser tests each run their own on different ports.
    const child = spawn(
      process.execPath,
      [
        viteBin,
        'preview',
        '--config',
        viteConfig,
        '--port',
        String(options.port),
        '--strictPort',
        '--bypass-lock',
      ],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          CONSOLE_REQUESTS_URL: options.upstreams.requests,
          CONSOLE_DISPATCH_URL: options.upstreams.dispatch,
          CONSOLE_VOLUNTEER_HOURS_URL: options.upstreams.volunteerHours,
          CONSOLE_NOTIFICATIONS_URL: options.upstreams.notifications,
          CONSOLE_DEV_ISSUER_URL: options.upstreams.devIssuer,
          CONSOLE_DEV_PERSONAS_FILE: personasFile,
        },
      },
    );
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    const server = new ConsoleServer(child, `http://127.0.0.1:${options.port}`);
    let exited = false;
    child.once('exit', () => (exited = true));
    await waitFor(
      async () => {
        if (exited) throw new Error(`the console server exited; see ${options.logFile}`);
        return (await fetch(`${server.url}/dev/personas.json`).catch(() => undefined))?.ok === true;
      },
      { timeoutMs: 30_000, intervalMs: 250, description: 'the console server' },
    ).catch(async (error: unknown) => {
      await server.stop();
      throw error;
    });
    return server;
  }

  /** True while the server process runs. */
  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resolves when the server exits by itself. */
  exited(): Promise<void> {
    return new Promise((resolve) => (this.running ? this.child.once('exit', () => resolve()) : resolve()));
  }

  /** Stops the server and waits for it to exit. */
  async stop(): Promise<void> {
    if (!this.running) return;
    const exited = this.exited();
    this.child.kill('SIGTERM');
    await exited;
  }
}
