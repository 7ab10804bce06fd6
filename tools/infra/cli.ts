// `npm run infra:up | infra:down | infra:status` — the infrastructure runner from the command line.
// Exit codes: 0 done / everything reachable, 1 failure, 2 usage error, 3 (status) something is not reachable.
import { redactUrl } from './connection-urls';
import { InfrastructureError, ensureInfrastructure, infrastructureStatus, stopInfrastructure } from './index';
import { restartLocalKafkaBroker, restartPostgres } from './restart';

const usage =
  'Usage: tsx tools/infra/cli.ts <up|down [kafka|redis|postgres…]|restart <kafka|postgres>|status>';
const componentNames = ['kafka', 'redis', 'postgres'] as const;
type ComponentName = (typeof componentNames)[number];
const isComponentName = (name: string): name is ComponentName =>
  (componentNames as readonly string[]).includes(name);

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

function logProgress(message: string): void {
  console.log(`  ${message}`);
}

async function up(): Promise<number> {
  const since = Date.now();
  const endpoints = await ensureInfrastructure({ log: logProgress });
  console.log(
    `Infrastructure ready in ${seconds(since)}` +
      (endpoints.started.length ? ` (started: ${endpoints.started.join(', ')})` : ' (already running)'),
  );
  console.log(`  KAFKA_BROKERS=${endpoints.kafkaBrokers.join(',')}`);
  console.log(`  postgres admin URL: ${redactUrl(endpoints.postgresUrl)}`);
  console.log(`  REDIS_URL=${endpoints.redisUrl}`);
  return 0;
}

async function down(components: string[]): Promise<number> {
  const unknown = components.filter((name) => !isComponentName(name));
  if (unknown.length) {
    console.error(`Unknown component ${unknown.join(', ')}. ${usage}`);
    return 2;
  }
  const since = Date.now();
  const only = components.length ? components.filter(isComponentName) : undefined;
  const stopped = await stopInfrastructure({ log: logProgress, only });
  console.log(
    stopped.length
      ? `Stopped ${stopped.join(', ')} in ${seconds(since)}`
      : 'Nothing the runner started is running.',
  );
  return 0;
}

// Outage tests restart the broker or the database in place, to prove the services recover by themselves.
async function restart(component: string | undefined): Promise<number> {
  const since = Date.now();
  if (component === 'kafka') await restartLocalKafkaBroker(logProgress);
  else if (component === 'postgres') await restartPostgres(logProgress);
  else {
    console.error(`Restart kafka or postgres. ${usage}`);
    return 2;
  }
  console.log(`Restarted ${component} in ${seconds(since)}`);
  return 0;
}

async function status(): Promise<number> {
  const components = await infrastructureStatus();
  for (const component of components) {
    const state = component.reachable ? 'up  ' : 'DOWN';
    const owner = component.startedByRunner
      ? `started by the runner${component.pid ? ` (pid ${component.pid})` : ''}`
      : 'not started by the runner';
    console.log(`${state} ${component.name.padEnd(8)} ${component.endpoint.padEnd(40)} ${owner}`);
  }
  return components.every((component) => component.reachable) ? 0 : 3;
}

async function main(command: string | undefined, args: string[]): Promise<number> {
  switch (command) {
    case 'up':
      return up();
    case 'down':
      return down(args);
    case 'restart':
      return restart(args[0]);
    case 'status':
      return status();
    default:
      console.error(usage);
      return 2;
  }
}

main(process.argv[2], process.argv.slice(3))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    // Runner failures carry a complete, actionable message; anything else is a bug worth its stack.
    console.error(error instanceof InfrastructureError ? `✘ ${error.message}` : error);
    process.exitCode = 1;
  });
