// Global setup of the console's browser tests: the end-to-end suite's (infrastructure, then the four
// services built), then the console built as `npm start` builds it.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { buildConsole } from '../../../tools/start/console-build';
// eslint-disable-next-line @nx/enforce-module-boundaries
import e2eGlobalSetup from '../../e2e/support/global-setup';

/** Provides the infrastructure, builds the services and the console. */
export default async function globalSetup(): Promise<void> {
  await e2eGlobalSetup();
  const started = Date.now();
  buildConsole();
  process.stderr.write(`[console-e2e] console built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
