// Global setup of the end-to-end suite: the real infrastructure (as for the integration tests), then a
// fresh build of the four services, because the suite runs them as separate processes from their output.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
// The e2e project runs under the same infrastructure runner as the integration tests' jest configs, which
// is a tool, not a library, so it has no npm-scoped alias to import it by.
// eslint-disable-next-line @nx/enforce-module-boundaries
import infrastructureSetup from '../../../tools/infra/jest-global-setup';

/** Provides Kafka, PostgreSQL and Redis, then builds the services. */
export default async function globalSetup(): Promise<void> {
  await infrastructureSetup();
  const started = Date.now();
  const build = spawnSync(
    'npx nx run-many -t build -p requests,dispatch,volunteer-hours,notifications --output-style=static',
    {
      cwd: join(__dirname, '..', '..', '..'),
      shell: true,
      stdio: 'pipe',
      env: { ...process.env, NX_DAEMON: 'false' },
    },
  );
  if (build.status !== 0) {
    throw new Error(`Building the services failed:\n${build.stdout}\n${build.stderr}`);
  }
  process.stderr.write(`[e2e] services built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
