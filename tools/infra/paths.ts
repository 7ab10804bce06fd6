// Where the infrastructure runner keeps its state. Everything lives under the git-ignored `.local/`
// folder of the workspace so that a fresh clone starts clean and `rm -rf .local` is a full reset.
import { join } from 'node:path';

/** Root of the workspace (the folder holding package.json). */
export const workspaceRoot = join(__dirname, '..', '..');

/** Git-ignored folder for runtime state. */
export const localDir = join(workspaceRoot, '.local');

/** Log files of processes the runner starts. */
export const logsDir = join(localDir, 'logs');

/** Pid files of processes the runner starts, and the runner's lock. */
export const runDir = join(localDir, 'run');

/** Downloaded broker classpaths (one folder per Kafka version) and the local broker's config and data. */
export const kafkaDir = join(localDir, 'kafka');

/** The Maven project that pins the broker's artifacts. */
export const kafkaPomFile = join(__dirname, 'kafka', 'pom.xml');

/** Held while the runner starts or stops anything, so concurrent test runs do not race each other. */
export const runnerLockFile = join(runDir, 'infrastructure.lock');

/** Pid file of a runner-managed process, e.g. `pidFile('kafka')` → `.local/run/kafka.pid`. */
export function pidFile(name: string): string {
  return join(runDir, `${name}.pid`);
}

/** Log file of a runner-managed process, e.g. `logFile('kafka')` → `.local/logs/kafka.log`. */
export function logFile(name: string): string {
  return join(logsDir, `${name}.log`);
}
