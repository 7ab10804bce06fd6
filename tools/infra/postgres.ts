// PostgreSQL for local runs: use the server DATABASE_URL (or the default 127.0.0.1:5432) points at;
// if nothing answers on this machine, start the installed Debian cluster, or install it as root.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  candidatePostgresAdminUrls,
  hostPortOf,
  isLocalHost,
  quoteIdentifier,
  redactUrl,
} from './connection-urls';
import { InfrastructureError } from './infrastructure-error';
import { pidFile, runDir } from './paths';
import {
  commandExists,
  isOurProcess,
  pollUntil,
  readPidFile,
  removeFile,
  runCommand,
  writePidFile,
} from './process-utils';
import { Log, aptInstall, canInstallPackages } from './toolchain';

const files = { pid: pidFile('postgres'), cluster: join(runDir, 'postgres.cluster') };

/** One Debian PostgreSQL cluster as `pg_lsclusters` lists it. */
export interface PostgresCluster {
  version: string;
  name: string;
  port: number;
  running: boolean;
  dataDir: string;
}

type ConnectAttempt = { ok: true; url: string } | { ok: false; refused: boolean; reasons: string[] };

/** Parses `pg_lsclusters --no-header` ("15 main 5432 online postgres /var/lib/… /var/log/…"). */
export function parseClusterList(output: string): PostgresCluster[] {
  return output
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((columns) => columns.length >= 6 && /^\d+$/.test(columns[2]))
    .map(([version, name, port, status, , dataDir]) => ({
      version,
      name,
      port: Number(port),
      running: status.startsWith('online'),
      dataDir,
    }));
}

/** Makes sure PostgreSQL answers and returns an admin URL (database `postgres`) that works. */
export async function ensurePostgres(
  databaseUrl: string | undefined,
  log: Log,
): Promise<{ url: string; started: boolean }> {
  const candidates = candidatePostgresAdminUrls(databaseUrl);
  const first = await connectFirst(candidates);
  if (first.ok) return { url: first.url, started: false };

  const { host, port } = hostPortOf(candidates[0]);
  if (!first.refused || !isLocalHost(host)) {
    throw new InfrastructureError(
      `PostgreSQL at ${host}:${port} is not usable: ${first.reasons.join('; ')}.\n` +
        'Set DATABASE_URL=postgres://user:password@host:port/database to a server and role that accept connections.',
    );
  }

  const started = Date.now();
  if (!commandExists('pg_ctlcluster')) {
    if (!canInstallPackages()) {
      throw new InfrastructureError(
        `PostgreSQL is not running on ${host}:${port} and the runner cannot start it here.\n` +
          '  Debian/Ubuntu: sudo apt-get install -y postgresql && sudo pg_ctlcluster $(ls /etc/postgresql) main start\n' +
          '  macOS:         brew install postgresql@16 && brew services start postgresql@16\n' +
          'Or set DATABASE_URL to a reachable server.',
      );
    }
    await aptInstall(['postgresql'], log);
    await trustLocalConnections(port, log);
  }
  await startCluster(port, log);
  const url = await waitForConnection(candidates);
  log(`postgres: ready at ${host}:${port} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { url, started: true };
}

/** Stops the cluster only if this runner started it (its pid file exists and the pid is alive). */
export async function stopRunnerPostgres(log: Log): Promise<boolean> {
  const pid = readPidFile(files.pid);
  const cluster = existsSync(files.cluster) ? readFileSync(files.cluster, 'utf8').trim().split(' ') : [];
  if (pid === undefined || cluster.length !== 2 || !isOurProcess(pid, 'postgres')) {
    removeFile(files.pid);
    removeFile(files.cluster);
    return false;
  }
  log(`postgres: stopping cluster ${cluster.join('/')} (pid ${pid})…`);
  const result = await runCommand('pg_ctlcluster', [
    '--skip-systemctl-redirect',
    cluster[0],
    cluster[1],
    'stop',
    '-m',
    'fast',
  ]);
  if (result.code !== 0) throw new InfrastructureError(`pg_ctlcluster stop failed: ${result.stderr.trim()}`);
  removeFile(files.pid);
  removeFile(files.cluster);
  return true;
}

/** Pid of the running PostgreSQL if the runner started it (for `infra status`). */
export function runnerPostgresPid(): number | undefined {
  const pid = readPidFile(files.pid);
  return pid !== undefined && isOurProcess(pid, 'postgres') ? pid : undefined;
}

/** Returns the first admin URL that connects; `refused` tells "nothing listens" apart from auth errors. */
export async function connectFirst(urls: string[]): Promise<ConnectAttempt> {
  const reasons: string[] = [];
  let refused = true;
  for (const url of urls) {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return { ok: true, url };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ECONNREFUSED' && code !== '57P03') refused = false; // 57P03: still starting up
      reasons.push(`${redactUrl(url)}: ${(error as Error).message}`);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  return { ok: false, refused, reasons };
}

/**
 * Creates the databases that do not exist yet. Safe to run concurrently from several processes:
 * creation is serialised by an advisory lock and "already exists" counts as success. Returns the
 * names it created.
 */
export async function ensureDatabases(postgresUrl: string, names: string[]): Promise<string[]> {
  const created: string[] = [];
  const client = new Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(hashtext('loop.create-database'))");
    for (const name of names) {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount) continue;
      try {
        await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
        created.push(name);
      } catch (error) {
        // 42P04 duplicate_database / 23505 unique_violation: a process without our lock won the race.
        if (!['42P04', '23505'].includes((error as { code?: string }).code ?? '')) throw error;
      }
    }
  } finally {
    await client.end();
  }
  return created;
}

async function listClusters(): Promise<PostgresCluster[]> {
  const result = await runCommand('pg_lsclusters', ['--no-header']);
  return result.code === 0 ? parseClusterList(result.stdout) : [];
}

/** Starts the Debian cluster that serves `port` and records its postmaster pid as runner-started. */
async function startCluster(port: number, log: Log): Promise<void> {
  const cluster = (await listClusters()).find((candidate) => candidate.port === port);
  if (!cluster) {
    throw new InfrastructureError(
      `PostgreSQL is installed but no cluster is configured on port ${port} (see pg_lsclusters). ` +
        `Create one: sudo pg_createcluster --start $(ls /etc/postgresql | sort -n | tail -1) loop -p ${port}`,
    );
  }
  if (!cluster.running) {
    log(`postgres: starting cluster ${cluster.version}/${cluster.name}…`);
    const result = await runCommand('pg_ctlcluster', [
      '--skip-systemctl-redirect',
      cluster.version,
      cluster.name,
      'start',
    ]);
    if (result.code !== 0) {
      throw new InfrastructureError(
        `pg_ctlcluster ${cluster.version} ${cluster.name} start failed:\n${(result.stdout + result.stderr).trim()}`,
      );
    }
  }
  const postmasterPid = readPidFile(join(cluster.dataDir, 'postmaster.pid'));
  if (postmasterPid !== undefined) {
    writePidFile(files.pid, postmasterPid);
    writeFileSync(files.cluster, `${cluster.version} ${cluster.name}\n`);
  }
}

/**
 * A freshly installed Debian cluster only accepts password logins over TCP. For a development machine
 * the runner just installed, loopback connections are trusted instead, like the project's machines.
 */
async function trustLocalConnections(port: number, log: Log): Promise<void> {
  const cluster = (await listClusters()).find((candidate) => candidate.port === port);
  if (!cluster) return;
  const hbaFile = `/etc/postgresql/${cluster.version}/${cluster.name}/pg_hba.conf`;
  const marker = '# grassroots-loop: trust loopback connections (local development)';
  const current = readFileSync(hbaFile, 'utf8');
  if (current.includes(marker)) return;
  log(`postgres: trusting loopback connections in ${hbaFile}`);
  writeFileSync(
    hbaFile,
    `${marker}\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n\n${current}`,
  );
  if (cluster.running)
    await runCommand('pg_ctlcluster', ['--skip-systemctl-redirect', cluster.version, cluster.name, 'reload']);
}

async function waitForConnection(candidates: string[]): Promise<string> {
  let url: string | undefined;
  let lastReasons: string[] = [];
  try {
    await pollUntil(
      async () => {
        const attempt = await connectFirst(candidates);
        if (attempt.ok) url = attempt.url;
        else lastReasons = attempt.reasons;
        return attempt.ok;
      },
      { timeoutMs: 60_000, intervalMs: 300, description: 'PostgreSQL to accept connections' },
    );
  } catch (error) {
    throw new InfrastructureError(`${(error as Error).message}: ${lastReasons.join('; ')}`);
  }
  return url as string;
}
