// The loop cluster runs the services from their build output, so whoever starts one (the end-to-end
// suite, the benchmark) builds them first; Nx replays unchanged builds from its cache.
import { spawnSync } from 'node:child_process';
import { workspaceRoot } from './paths';

/** Builds every service (the projects tagged type:service); throws with Nx's output when a build fails. */
export function buildLoopServices(): void {
  const build = spawnSync('npx nx run-many -t build -p tag:type:service --output-style=static', {
    cwd: workspaceRoot,
    shell: true,
    stdio: 'pipe',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  if (build.status !== 0) throw new Error(`Building the services failed:\n${build.stdout}\n${build.stderr}`);
}
