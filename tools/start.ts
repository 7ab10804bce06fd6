// `npm start`: brings up Kafka, PostgreSQL and Redis, the development token issuer, the four services and
// the web console, waits until every service is ready and prints where to find them — the console's URL
// first. Ctrl-C stops the console, the services and the issuer; the infrastructure keeps running for the
// next start (`npm run infra:down`).
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDatabases, ensureInfrastructure } from './infra';
import { buildConsole } from './start/console-build';
import { consolePersonas } from './start/console-personas';
import { ConsoleServer, consolePort } from './start/console-server';
import { generateDemoDistrictFacts } from './start/demo-district';
import { printWalkthrough } from './start/print-walkthrough';
import {
  databaseUrl,
  devIssuerPort,
  loadDemoDistrict,
  localServiceEnvironment,
  serviceCatalogue,
  ServiceEntry,
  ServiceProcess,
  waitFor,
} from '@loop/testing';

const root = join(__dirname, '..');
const logDir = join(root, '.local', 'logs');
let devIssuer: ChildProcess | undefined;
let consoleServer: ConsoleServer | undefined;
const serviceProcesses: ServiceProcess[] = [];
const consoleUrl = `http://127.0.0.1:${consolePort}`;

/** Runs the development token issuer: one node process with tsx's loader (a SIGTERM to npx would not reach it). */
function startDevIssuer(): ChildProcess {
  const log = createWriteStream(join(logDir, 'dev-issuer.log'), { flags: 'a' });
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'tools/dev-issuer/cli.ts', 'serve', '--port', String(devIssuerPort)],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  child.on('exit', (code, signal) => {
    if (!stopping) console.error(`✘ dev-issuer exited (${signal ?? code}); see .local/logs/dev-issuer.log`);
  });
  return child;
}

/** Starts one service from its build; says so when it exits while `npm start` is not stopping. */
function startService(service: ServiceEntry, environment: Record<string, string>): Promise<boolean> {
  const logFile = join(logDir, `${service.name}.log`);
  const running = new ServiceProcess(service.name, service.port, environment, logFile);
  serviceProcesses.push(running);
  const started = running.start();
  void running.exited().then((how) => {
    if (!stopping) console.error(`✘ ${service.name} exited (${how}); see .local/logs/${service.name}.log`);
  });
  return started.then(
    () => true,
    () => false,
  );
}

let stopping = false;
function stopAll(): void {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping services…');
  const issuerExited = devIssuer ? new Promise((resolve) => devIssuer!.once('exit', resolve)) : undefined;
  devIssuer?.kill('SIGTERM');
  void Promise.all([
    consoleServer?.stop(),
    ...serviceProcesses.map((running) => running.stop('SIGTERM')),
    issuerExited,
  ]).then(() => process.exit(0));
}

/** The URLs the walkthrough calls, from the started services. */
function loopUrls(services: readonly ServiceEntry[]) {
  const url = (name: ServiceEntry['name']) =>
    `http://127.0.0.1:${services.find((service) => service.name === name)!.port}`;
  return {
    requests: url('requests'),
    dispatch: url('dispatch'),
    volunteerHours: url('volunteer-hours'),
    notifications: url('notifications'),
  };
}

/** The services named on the command line (`npm start -- requests dispatch`), or all of them. */
function selectedServices(names: string[]): ServiceEntry[] {
  const unknown = names.filter((name) => !serviceCatalogue.some((service) => service.name === name));
  if (unknown.length)
    throw new Error(
      `Unknown service ${unknown.join(', ')}; known: ${serviceCatalogue.map((s) => s.name).join(', ')}`,
    );
  return names.length
    ? serviceCatalogue.filter((service) => names.includes(service.name))
    : [...serviceCatalogue];
}

/** Serves the built console with its proxies to the services and the issuer, and the demo personas. */
async function startConsole(services: readonly ServiceEntry[]): Promise<ConsoleServer> {
  const urls = loopUrls(services);
  const server = await ConsoleServer.start({
    port: consolePort,
    upstreams: { ...urls, devIssuer: `http://127.0.0.1:${devIssuerPort}` },
    personas: consolePersonas(generateDemoDistrictFacts()),
    logFile: join(logDir, 'console.log'),
  });
  void server.exited().then(() => {
    if (!stopping) console.error('✘ console exited; see .local/logs/console.log');
  });
  return server;
}

async function main(): Promise<void> {
  const services = selectedServices(process.argv.slice(2));
  const withConsole = services.length === serviceCatalogue.length;
  if (withConsole) console.log(`Console: ${consoleUrl}   (ready once the services below are up)\n`);
  mkdirSync(logDir, { recursive: true });
  const infrastructure = await ensureInfrastructure();
  await ensureDatabases(
    infrastructure.postgresUrl,
    serviceCatalogue.map((service) => service.database),
  );

  // The demo district (19 communities, 1,660 members…); a second run changes nothing.
  console.log('Loading the demo district…');
  await loadDemoDistrict(databaseUrl(infrastructure.postgresUrl, 'loop_dispatch'));

  console.log('Building services…');
  const projects = services.map((service) => service.name).join(',');
  const build = spawnSync(`npx nx run-many -t build -p ${projects} --output-style=stream`, {
    cwd: root,
    shell: true,
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  if (build.status !== 0) throw new Error('The build failed; see the output above.');
  if (withConsole) buildConsole();

  process.on('SIGINT', stopAll);
  process.on('SIGTERM', stopAll);

  devIssuer = startDevIssuer();
  const issuerReady = await waitFor(
    async () => (await fetch(`http://127.0.0.1:${devIssuerPort}/.well-known/jwks.json`)).ok,
    { timeoutMs: 30_000, intervalMs: 500, description: 'the development token issuer' },
  ).then(
    () => true,
    () => false,
  );
  if (!issuerReady) {
    throw new Error('The development token issuer did not start; see .local/logs/dev-issuer.log');
  }
  const readiness = await Promise.all(
    services.map((service) => startService(service, localServiceEnvironment(service, infrastructure))),
  );

  if (withConsole && readiness.every((ready) => ready)) {
    consoleServer = await startConsole(services).catch((error: unknown) => {
      console.error(`✘ console did not start: ${(error as Error).message}`);
      return undefined;
    });
  }
  if (withConsole)
    console.log(
      `\n${consoleServer ? '✔' : '✘'} console          ${consoleUrl}   sign in as any role of the demo district`,
    );
  console.log('\nService          URL                     API docs');
  services.forEach((service, index) => {
    const status = readiness[index] ? '✔' : `✘ not ready — see .local/logs/${service.name}.log`;
    console.log(
      `${status === '✔' ? '✔' : '✘'} ${service.name.padEnd(16)} http://127.0.0.1:${service.port}   http://127.0.0.1:${service.port}/docs ${status === '✔' ? '' : status}`,
    );
  });
  console.log(
    '\nDemo district: communities c-01…c-19, members m-0001…m-1660, staff stf-01-1, secretaries sec-01…',
  );
  console.log('Logs:   .local/logs/<service>.log    Stop: Ctrl-C (infrastructure: npm run infra:down)');
  if (readiness.some((ready) => !ready)) {
    stopAll();
    return;
  }
  // The walkthrough is a convenience: if it cannot be printed, the services keep running.
  if (services.length === serviceCatalogue.length)
    await printWalkthrough(loopUrls(services)).catch((error: unknown) =>
      console.error(`Could not print the tokens and walkthrough: ${(error as Error).message}`),
    );
  else
    console.log(
      'Tokens: npm run token -- --role member --sub m-0114   (the walkthrough needs every service)',
    );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  stopAll();
  process.exitCode = 1;
});
