// Builds the web console (services/console) with Vite into dist/services/console, as `npm start` and
// the browser tests' global setup do. Node built-ins only: jest loads a global setup without path aliases.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The repository root. */
export const root = join(__dirname, '..', '..');
/** Vite's command line, run with this Node. */
export const viteBin = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
/** The console's Vite config: build, preview server and proxies. */
export const viteConfig = join(root, 'services', 'console', 'vite.config.mts');

/** Builds the console; throws when the build fails. */
export function buildConsole(): void {
  const build = spawnSync(
    process.execPath,
    [viteBin, 'build', '--config', viteConfig, '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
      // Vite keeps a NODE_ENV it finds (jest sets `test`), and libraries then build their test variants.
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  if (build.status !== 0) throw new Error('The console build failed; see the output above.');
}
