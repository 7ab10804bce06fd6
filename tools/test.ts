// `npm test`: type-check, lint, cycle check, unit tests, integration tests against real Kafka,
// PostgreSQL and Redis, and the end-to-end suite with the four services as separate processes.
// Infrastructure that this run had to start is stopped again at the end.
import { spawn } from 'node:child_process';
import { ensureInfrastructure, stopInfrastructure } from './infra';

interface Step {
  name: string;
  command: string;
}

const steps: Step[] = [
  { name: 'type-check', command: 'npx tsc -p tsconfig.json --noEmit' },
  // The console's .vue files need vue-tsc; the root tsconfig leaves services/console to it.
  { name: 'console type-check', command: 'npx vue-tsc -p services/console/tsconfig.json --noEmit' },
  // The module-boundary rule reads Nx's project graph and is silently skipped without one: compute it first.
  { name: 'lint', command: 'npx nx show projects > /dev/null && npx eslint . --max-warnings 0' },
  { name: 'format', command: 'npx prettier --check . --log-level warn' },
  { name: 'api documents', command: 'npm run --silent openapi:check' },
  { name: 'cycles', command: 'npm run --silent cycles' },
  { name: 'unit tests', command: 'npx jest -c jest.config.cjs --ci' },
  { name: 'console unit tests', command: 'npx vitest run --config services/console/vitest.config.mts' },
  { name: 'integration tests', command: 'npx jest -c jest.int.config.cjs --ci' },
  { name: 'outage tests', command: 'npx jest -c jest.disruptive.config.cjs --ci' },
  { name: 'end-to-end tests', command: 'npx jest -c jest.e2e.config.cjs --ci' },
  { name: 'console browser tests', command: 'npx jest -c test/console-e2e/jest.config.cjs --ci' },
];

// Asynchronous on purpose: a blocked event loop could not reap the broker this process started when an
// outage test stops it, and the exited broker would linger as a zombie.
function run(step: Step): Promise<{ ok: boolean; seconds: number }> {
  const started = Date.now();
  console.log(`\n▶ ${step.name}: ${step.command}`);
  const child = spawn(step.command, {
    shell: true,
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  return new Promise((resolve) => {
    child.on('exit', (code) => resolve({ ok: code === 0, seconds: (Date.now() - started) / 1000 }));
  });
}

async function main(): Promise<number> {
  const infraStarted = Date.now();
  const infrastructure = await ensureInfrastructure();
  console.log(
    `Infrastructure ready in ${((Date.now() - infraStarted) / 1000).toFixed(1)} s` +
      (infrastructure.started.length
        ? ` (started: ${infrastructure.started.join(', ')})`
        : ' (already running)'),
  );
  const summary: string[] = [];
  let failed = false;
  try {
    for (const step of steps) {
      const { ok, seconds } = await run(step);
      summary.push(`${ok ? '✔' : '✘'} ${step.name} (${seconds.toFixed(1)} s)`);
      failed ||= !ok;
    }
  } finally {
    if (infrastructure.started.length) await stopInfrastructure();
  }
  console.log(`\n${summary.join('\n')}`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
