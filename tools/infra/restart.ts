// Restarting the Kafka broker or PostgreSQL in place, for tests that prove the services ride out an
// infrastructure restart. Only what this machine runs can be restarted: the runner's own broker and a
// local Debian PostgreSQL cluster. Infrastructure named elsewhere by the environment is refused with an
// error, never skipped, so a test that means to restart something cannot pass without doing it.
import { join } from 'node:path';
import { hostPortOf, isLocalHost, parseBrokerList, postgresAdminUrl, redactUrl } from './connection-urls';
import { withFileLock } from './file-lock';
import { InfrastructureError } from './infrastructure-error';
import {
  ensureLocalKafkaBroker,
  isLocalBrokerList,
  localKafkaBrokers,
  runningKafkaPid,
  stopLocalKafkaBroker,
} from './kafka-broker';
import { pidFile, runnerLockFile } from './paths';
import { connectFirst, parseClusterList, PostgresCluster } from './postgres';
import { pollUntil, readPidFile, runCommand, writePidFile } from './process-utils';
import { Log } from './toolchain';

// Another process may be starting the infrastructure; a restart waits its turn like `infra up` does.
const lockTimeoutMs = 5 * 60_000;

/** Refuses a restart of Kafka when KAFKA_BROKERS names brokers other than the runner's local one. */
export function assertLocalKafka(configuredBrokers: string | undefined): void {
  if (!configuredBrokers || isLocalBrokerList(parseBrokerList(configuredBrokers))) return;
  throw new InfrastructureError(
    `Cannot restart Kafka at KAFKA_BROKERS=${configuredBrokers}: only the runner's local broker ` +
      `(${localKafkaBrokers.join(',')}) can be restarted from here.`,
  );
}

/**
 * The Debian cluster serving the PostgreSQL server `databaseUrl` names (the default local server when
 * unset); refuses a server on another machine or one no local cluster serves.
 */
export function postgresClusterToRestart(
  databaseUrl: string | undefined,
  clusters: PostgresCluster[],
): PostgresCluster {
  const { host, port } = databaseUrl ? hostPortOf(databaseUrl) : { host: '127.0.0.1', port: 5432 };
  const where = databaseUrl ? redactUrl(postgresAdminUrl(databaseUrl)) : `${host}:${port}`;
  if (!isLocalHost(host)) {
    throw new InfrastructureError(
      `Cannot restart PostgreSQL at ${where}: it is not on this machine, so only its owner can restart it.`,
    );
  }
  const cluster = clusters.find((candidate) => candidate.port === port);
  if (!cluster) {
    throw new InfrastructureError(
      `Cannot restart PostgreSQL at ${where}: no local cluster listens on port ${port} (see pg_lsclusters).`,
    );
  }
  return cluster;
}

/** Stops the runner's local Kafka broker and starts it again; resolves once it serves requests. */
export async function restartLocalKafkaBroker(log: Log, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  assertLocalKafka(env.KAFKA_BROKERS);
  await withFileLock(
    runnerLockFile,
    async () => {
      if (runningKafkaPid() === undefined) {
        throw new InfrastructureError(
          `Cannot restart Kafka at ${localKafkaBrokers.join(',')}: the runner did not start the broker ` +
            'there (no live .local/run/kafka.pid), so it does not know how to stop and start it.',
        );
      }
      await stopLocalKafkaBroker(log);
      await ensureLocalKafkaBroker(log);
    },
    { timeoutMs: lockTimeoutMs },
  );
}

/**
 * Restarts the local PostgreSQL cluster that TEST_POSTGRES_URL or DATABASE_URL points at (fast
 * shutdown: open sessions are cut) and resolves once it accepts connections again.
 */
export async function restartPostgres(log: Log, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const databaseUrl = env.TEST_POSTGRES_URL || env.DATABASE_URL;
  const listing = await runCommand('pg_lsclusters', ['--no-header']).catch((error: Error) => ({
    code: null,
    stdout: '',
    stderr: error.message,
  }));
  const cluster = postgresClusterToRestart(
    databaseUrl,
    listing.code === 0 ? parseClusterList(listing.stdout) : [],
  );
  await withFileLock(
    runnerLockFile,
    async () => {
      log(`postgres: restarting cluster ${cluster.version}/${cluster.name}…`);
      const started = Date.now();
      const result = await runCommand(
        'pg_ctlcluster',
        ['--skip-systemctl-redirect', cluster.version, cluster.name, 'restart', '-m', 'fast'],
        { timeoutMs: 120_000 },
      );
      if (result.code !== 0) {
        throw new InfrastructureError(
          `pg_ctlcluster ${cluster.version} ${cluster.name} restart failed:\n${(result.stdout + result.stderr).trim()}`,
        );
      }
      const adminUrl = databaseUrl
        ? postgresAdminUrl(databaseUrl)
        : `postgres://postgres@127.0.0.1:${cluster.port}/postgres`;
      await pollUntil(async () => (await connectFirst([adminUrl])).ok, {
        timeoutMs: 60_000,
        intervalMs: 200,
        description: 'PostgreSQL to accept connections after its restart',
      });
      // A cluster the runner started keeps its pid file current, or `infra down` would not recognise it.
      const postmasterPid = readPidFile(join(cluster.dataDir, 'postmaster.pid'));
      if (readPidFile(pidFile('postgres')) !== undefined && postmasterPid !== undefined) {
        writePidFile(pidFile('postgres'), postmasterPid);
      }
      log(`postgres: ready again in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    },
    { timeoutMs: lockTimeoutMs },
  );
}
