// Restarts of the shared infrastructure for the crash-and-restart proof. The infrastructure runner's
// own command line does the work (`infra restart kafka|postgres`), in a child process, so the suite
// keeps driving tickets while the broker or the database is away. The runner refuses infrastructure
// it does not run on this machine, and that refusal fails the test: a restart is never skipped.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { repositoryRoot } from '@loop/testing';

/** What the infrastructure runner can restart in place. */
export type RestartableInfrastructure = 'kafka' | 'postgres';

/** Restarts the Kafka broker or PostgreSQL and resolves once it serves again. */
export function restartInfrastructure(component: RestartableInfrastructure): Promise<void> {
  const tsx = join(repositoryRoot, 'node_modules', '.bin', 'tsx');
  return new Promise((resolve, reject) =>
    execFile(
      tsx,
      ['tools/infra/cli.ts', 'restart', component],
      { cwd: repositoryRoot, timeout: 240_000 },
      (error, stdout, stderr) =>
        error
          ? reject(new Error(`Restarting ${component} failed: ${error.message}\n${stdout}${stderr}`))
          : resolve(),
    ),
  );
}
