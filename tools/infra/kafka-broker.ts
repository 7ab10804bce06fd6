// The local single-node Kafka broker: generated config under .local/kafka/broker, storage formatted
// once, the JVM started detached with its pid in .local/run/kafka.pid and output in .local/logs/kafka.log.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { parseBrokerList } from './connection-urls';
import { InfrastructureError } from './infrastructure-error';
import { KafkaArtifacts, ensureKafkaArtifacts } from './kafka-artifacts';
import {
  KafkaBrokerLayout,
  clusterIdFromBytes,
  defaultKafkaLayout,
  renderLog4j2Properties,
  renderServerProperties,
} from './kafka-config';
import { describePortHolder, findPortHolder, isPortOpen } from './network';
import { kafkaDir, logFile, pidFile } from './paths';
import {
  isOurProcess,
  isProcessAlive,
  pollUntil,
  readPidFile,
  removeFile,
  runCommand,
  spawnDetached,
  tailOfFile,
  terminateProcess,
  writePidFile,
} from './process-utils';
import { Log, ensureJava } from './toolchain';

const brokerDir = join(kafkaDir, 'broker');
// LOCAL_KAFKA_PORT moves the local broker (and its controller, one port up) when 19092 is taken.
const brokerPort = Number(process.env.LOCAL_KAFKA_PORT) || defaultKafkaLayout.brokerPort;
const layout: KafkaBrokerLayout = {
  ...defaultKafkaLayout,
  brokerPort,
  controllerPort:
    brokerPort === defaultKafkaLayout.brokerPort ? defaultKafkaLayout.controllerPort : brokerPort + 1,
  dataDir: join(brokerDir, 'data'),
};
const files = {
  serverProperties: join(brokerDir, 'config', 'server.properties'),
  log4j2Properties: join(brokerDir, 'config', 'log4j2.properties'),
  clusterId: join(brokerDir, 'cluster-id'),
  formattedMarker: join(layout.dataDir, 'meta.properties'),
  pid: pidFile('kafka'),
  log: logFile('kafka'),
};

/** Bootstrap address of the runner's broker. */
export const localKafkaBrokers = [`${layout.host}:${layout.brokerPort}`];

/** How long a JVM start may take on a slow laptop before we give up and point at the log. */
const startTimeoutMs = 120_000;

/** Result of asking a broker for its topic list. */
export type KafkaProbe = { ok: true } | { ok: false; reason: string };

/** Asks the brokers for their topic list with a short-lived admin client: the real readiness signal. */
export async function probeKafka(brokers: string[], timeoutMs = 3_000): Promise<KafkaProbe> {
  const admin = new Kafka({
    clientId: 'loop-infra-probe',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: Math.min(timeoutMs, 1_000),
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    await admin.listTopics();
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** The pid of the runner's broker when it is alive; a stale pid file is removed on the way. */
export function runningKafkaPid(): number | undefined {
  const pid = readPidFile(files.pid);
  if (pid === undefined) return undefined;
  // Our JVM's command line names our generated server.properties; a reused pid would not.
  if (isOurProcess(pid, files.serverProperties)) return pid;
  removeFile(files.pid);
  return undefined;
}

/** True when KAFKA_BROKERS names exactly the runner's own broker address. */
export function isLocalBrokerList(brokers: string[]): boolean {
  return brokers.length === 1 && brokers[0] === localKafkaBrokers[0];
}

/**
 * Makes sure Kafka is reachable and returns the bootstrap brokers. KAFKA_BROKERS pointing elsewhere is
 * only checked; unset (or naming the runner's own address) means the local broker, started if needed.
 */
export async function ensureKafka(
  configuredBrokers: string | undefined,
  log: Log,
): Promise<{ brokers: string[]; started: boolean }> {
  if (configuredBrokers) {
    const brokers = parseBrokerList(configuredBrokers);
    if (!isLocalBrokerList(brokers)) {
      const probe = await probeKafka(brokers);
      if (!probe.ok) {
        throw new InfrastructureError(
          `Kafka at KAFKA_BROKERS=${configuredBrokers} is not reachable: ${probe.reason}`,
        );
      }
      return { brokers, started: false };
    }
  }
  const started = await ensureLocalKafkaBroker(log, { acceptForeignBroker: Boolean(configuredBrokers) });
  return { brokers: localKafkaBrokers, started };
}

/**
 * Starts the local broker unless it already runs; resolves once it serves metadata. Returns whether
 * this call started it. `acceptForeignBroker` lets a broker someone else runs on our port stand in
 * (used when KAFKA_BROKERS names that address explicitly).
 */
export async function ensureLocalKafkaBroker(
  log: Log,
  options: { acceptForeignBroker?: boolean } = {},
): Promise<boolean> {
  const runningPid = runningKafkaPid();
  if (runningPid !== undefined) {
    await waitUntilServing(runningPid, startTimeoutMs);
    return false;
  }
  await refuseForeignPortHolders(options.acceptForeignBroker ?? false);
  if (options.acceptForeignBroker && (await probeKafka(localKafkaBrokers)).ok) return false;

  const started = Date.now();
  await ensureJava(log);
  const artifacts = await ensureKafkaArtifacts(log);
  writeBrokerConfig();
  await formatStorageOnce(artifacts, log);
  rotateLog();
  const pid = spawnDetached('java', brokerJvmArguments(artifacts, 'kafka.Kafka', [files.serverProperties]), {
    cwd: brokerDir,
    logFile: files.log,
  });
  writePidFile(files.pid, pid);
  log(`kafka: starting Apache Kafka ${artifacts.version} (pid ${pid}, log .local/logs/kafka.log)…`);
  await waitUntilServing(pid, startTimeoutMs);
  await warmUpCoordinators(localKafkaBrokers);
  log(`kafka: ready at ${localKafkaBrokers.join(',')} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

/** Stops the runner's broker if it runs (controlled shutdown, then SIGKILL). Returns whether it did. */
export async function stopLocalKafkaBroker(log: Log): Promise<boolean> {
  const pid = runningKafkaPid();
  if (pid === undefined) return false;
  log(`kafka: stopping pid ${pid}…`);
  await terminateProcess(pid, 60_000);
  removeFile(files.pid);
  return true;
}

/** The local broker's state for `infra status`. */
export async function localKafkaStatus(): Promise<{ pid?: number; serving: boolean }> {
  const pid = runningKafkaPid();
  return { pid, serving: (await probeKafka(localKafkaBrokers)).ok };
}

/**
 * A fresh broker creates its offsets topic and producer-id machinery on first demand, and answers
 * "coordinator not available / loading" meanwhile. Asking once here, with patient retries, means the
 * first consumer group and idempotent producer of a test run succeed without retry noise.
 */
async function warmUpCoordinators(brokers: string[]): Promise<void> {
  const kafka = new Kafka({
    clientId: 'loop-infra-warmup',
    brokers,
    logLevel: logLevel.NOTHING,
    retry: { retries: 15, initialRetryTime: 200 },
  });
  const admin = kafka.admin();
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  try {
    await admin.connect();
    await admin.describeGroups(['loop-infra-warmup']);
    await producer.connect(); // an idempotent producer fetches its producer id on connect
  } finally {
    await producer.disconnect().catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}

/** Fails with a clear message when something other than our broker holds the broker or controller port. */
async function refuseForeignPortHolders(acceptForeignBroker: boolean): Promise<void> {
  for (const port of [layout.brokerPort, layout.controllerPort]) {
    if (!(await isPortOpen(layout.host, port))) continue;
    if (acceptForeignBroker && port === layout.brokerPort && (await probeKafka(localKafkaBrokers)).ok)
      continue;
    throw new InfrastructureError(
      `Port ${port} on ${layout.host} is in use by ${describePortHolder(findPortHolder(port))}. ` +
        `The local Kafka broker needs ports ${layout.brokerPort} and ${layout.controllerPort}: stop that process, ` +
        `or, if it is a Kafka broker you want to use, set KAFKA_BROKERS=${localKafkaBrokers[0]}.`,
    );
  }
}

/** Config files are regenerated on every start, so a changed generator takes effect without a reset. */
function writeBrokerConfig(): void {
  mkdirSync(join(brokerDir, 'config'), { recursive: true });
  writeFileSync(files.serverProperties, renderServerProperties(layout));
  writeFileSync(files.log4j2Properties, renderLog4j2Properties());
}

/** JVM command line for a class on the broker's classpath: a heap that fits a laptop beside four services, with room for the thousands of partitions a test run creates. */
function brokerJvmArguments(artifacts: KafkaArtifacts, mainClass: string, args: string[]): string[] {
  return [
    '-Xms256m',
    '-Xmx1g',
    '-Djava.awt.headless=true',
    `-Dlog4j2.configurationFile=${files.log4j2Properties}`,
    '-cp',
    join(artifacts.libsDir, '*'),
    mainClass,
    ...args,
  ];
}

/** KRaft storage must be formatted with a cluster id before the first start, and only then. */
async function formatStorageOnce(artifacts: KafkaArtifacts, log: Log): Promise<void> {
  if (existsSync(files.formattedMarker)) return;
  // No meta.properties means no usable data: a format interrupted halfway is simply redone.
  rmSync(layout.dataDir, { recursive: true, force: true });
  const clusterId = readOrCreateClusterId();
  log(`kafka: formatting storage (cluster id ${clusterId})…`);
  const result = await runCommand(
    'java',
    brokerJvmArguments(artifacts, 'kafka.tools.StorageTool', [
      'format',
      '-t',
      clusterId,
      '-c',
      files.serverProperties,
    ]),
    { cwd: brokerDir, timeoutMs: 120_000 },
  );
  if (result.code !== 0 || !existsSync(files.formattedMarker)) {
    throw new InfrastructureError(
      `Formatting the Kafka storage failed (exit ${result.code}):\n${(result.stdout + result.stderr).trim()}`,
    );
  }
}

function readOrCreateClusterId(): string {
  if (existsSync(files.clusterId)) return readFileSync(files.clusterId, 'utf8').trim();
  let clusterId: string | undefined;
  while (!clusterId) clusterId = clusterIdFromBytes(randomBytes(16));
  writeFileSync(files.clusterId, `${clusterId}\n`);
  return clusterId;
}

/** Keeps the previous run's log as kafka.log.1 so a failed start is not buried under a fresh one. */
function rotateLog(): void {
  if (existsSync(files.log) && statSync(files.log).size > 0) renameSync(files.log, `${files.log}.1`);
}

/** Polls until the broker answers an admin request; fails early, with the log's tail, if the JVM dies. */
async function waitUntilServing(pid: number, timeoutMs: number): Promise<void> {
  try {
    await pollUntil(
      async () => {
        if (!isProcessAlive(pid)) throw new Error('the broker process exited');
        return (await probeKafka(localKafkaBrokers, 2_000)).ok;
      },
      { timeoutMs, intervalMs: 300, description: `the Kafka broker (pid ${pid}) to serve requests` },
    );
  } catch (error) {
    throw new InfrastructureError(
      `Kafka did not become ready: ${(error as Error).message}. Last lines of .local/logs/kafka.log:\n${tailOfFile(files.log, 25)}`,
    );
  }
}
