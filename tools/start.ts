// `npm start`: brings up Kafka, PostgreSQL and Redis, the development token issuer and the four
// services, waits until every service is ready and prints where to find them. Ctrl-C stops the
// services and the issuer; the infrastructure keeps running for the next start (`npm run infra:down`).
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDatabases, ensureInfrastructure } from './infra';
import { printWalkthrough } from './start/print-walkthrough';
import {
  databaseUrl,
  devIssuerPort,
  localServiceEnvironment,
  serviceCatalogue,
  ServiceEntry,
  serviceNodeArguments,
  waitFor,
} from '@loop/testing';

const root = join(__dirname, '..');
const logDir = join(root, '.local', 'logs');
const children: ChildProcess[] = [];

function startProcess(
  name: string,
  command: string,
  args: string[],
  env: Record<string, string>,
): ChildProcess {
  const log = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  child.on('exit', (code, signal) => {
    if (!stopping) console.error(`✘ ${name} exited (${signal ?? code}); see .local/logs/${name}.log`);
  });
  children.push(child);
  return child;
}

/** True once `url` answers 2xx, false when it has not within `timeoutMs`. */
function waitUntilReady(url: string, timeoutMs: number): Promise<boolean> {
  return waitFor(async () => (await fetch(url)).ok, { timeoutMs, intervalMs: 500, description: url }).then(
    () => true,
    () => false,
  );
}

function mainFile(service: ServiceEntry): string {
  return join(root, 'dist', 'services', service.name, 'services', service.name, 'src', 'main.js');
}

let stopping = false;
function stopAll(): void {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping services…');
  for (const child of children) child.kill('SIGTERM');
  Promise.all(children.map((child) => new Promise((resolve) => child.once('exit', resolve)))).then(() =>
    process.exit(0),
  );
}

/** Loads the demo district (19 communities, 1,660 members…) into dispatch; a second run changes nothing. */
function seedDemoDistrict(dispatchDatabaseUrl: string): void {
  console.log('Loading the demo district…');
  const seed = spawnSync('npx tsx services/dispatch/src/demo-district/seed-demo-district.ts', {
    cwd: root,
    shell: true,
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: dispatchDatabaseUrl },
  });
  if (seed.status !== 0) throw new Error('Loading the demo district failed; see the output above.');
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

async function main(): Promise<void> {
  const services = selectedServices(process.argv.slice(2));
  mkdirSync(logDir, { recursive: true });
  const infrastructure = await ensureInfrastructure();
  await ensureDatabases(
    infrastructure.postgresUrl,
    serviceCatalogue.map((service) => service.database),
  );

  seedDemoDistrict(databaseUrl(infrastructure.postgresUrl, 'loop_dispatch'));

  console.log('Building services…');
  const projects = services.map((service) => service.name).join(',');
  const build = spawnSync(`npx nx run-many -t build -p ${projects} --output-style=stream`, {
    cwd: root,
    shell: true,
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  if (build.status !== 0) throw new Error('The build failed; see the output above.');

  process.on('SIGINT', stopAll);
  process.on('SIGTERM', stopAll);

  // One node process with tsx's loader, not `npx tsx`: a SIGTERM to npx does not reach the issuer.
  startProcess(
    'dev-issuer',
    process.execPath,
    ['--import', 'tsx', 'tools/dev-issuer/cli.ts', 'serve', '--port', String(devIssuerPort)],
    {},
  );
  if (!(await waitUntilReady(`http://127.0.0.1:${devIssuerPort}/.well-known/jwks.json`, 30_000))) {
    throw new Error('The development token issuer did not start; see .local/logs/dev-issuer.log');
  }
  for (const service of services) {
    startProcess(
      service.name,
      process.execPath,
      [...serviceNodeArguments, mainFile(service)],
      localServiceEnvironment(service, infrastructure),
    );
  }
  const readiness = await Promise.all(
    services.map((service) => waitUntilReady(`http://127.0.0.1:${service.port}/health/ready`, 90_000)),
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
