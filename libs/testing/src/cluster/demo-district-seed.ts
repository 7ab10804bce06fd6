// Loading the demo district into a dispatch database, for `npm start` and the loop cluster alike.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repositoryRoot } from '../deployment/compose-service-check';

/**
 * Runs the dispatch service's demo district loader against `databaseUrl` (it migrates first; a rerun
 * changes nothing). Its one-line report goes to this process's output.
 */
export function loadDemoDistrict(databaseUrl: string): Promise<void> {
  const child = spawn(
    join(repositoryRoot, 'node_modules', '.bin', 'tsx'),
    ['services/dispatch/src/demo-district/seed-demo-district.ts'],
    { cwd: repositoryRoot, env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: 'inherit' },
  );
  return new Promise((resolve, reject) =>
    child.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`Loading the demo district failed (exit ${code}); see the output above`)),
    ),
  );
}
