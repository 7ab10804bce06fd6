// Global setup of the end-to-end suite: the real infrastructure (as for the integration tests), then a
// fresh build of the four services, because the suite runs them as separate processes from their output.
// The infrastructure runner and the service build are tools, not libraries: they have no npm-scoped alias,
// and jest loads a global setup without the path aliases anyway.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { buildLoopServices } from '../../../tools/infra/build-services';
// eslint-disable-next-line @nx/enforce-module-boundaries
import infrastructureSetup from '../../../tools/infra/jest-global-setup';

/** Provides Kafka, PostgreSQL and Redis, then builds the services. */
export default async function globalSetup(): Promise<void> {
  await infrastructureSetup();
  const started = Date.now();
  buildLoopServices();
  process.stderr.write(`[e2e] services built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
