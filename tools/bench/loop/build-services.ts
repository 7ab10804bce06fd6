// The cluster runs the services from their build output, so the benchmark builds them first
// (Nx replays unchanged builds from its cache in a second or two).
import { spawnSync } from 'node:child_process';
import { repositoryRoot } from '@loop/testing';

/** The services whose build output LoopCluster starts. */
export const loopServices = ['requests', 'dispatch', 'volunteer-hours', 'notifications'] as const;

/** Builds the four services; throws with Nx's output when a build fails. */
export function buildLoopServices(): void {
  const build = spawnSync(`npx nx run-many -t build -p ${loopServices.join(',')} --output-style=static`, {
    cwd: repositoryRoot,
    shell: true,
    stdio: 'pipe',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  if (build.status !== 0) throw new Error(`Building the services failed:\n${build.stdout}\n${build.stderr}`);
}
