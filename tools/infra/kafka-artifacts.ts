// Fetches the Apache Kafka broker's classpath from Maven Central once and caches it under
// .local/kafka/<version>/libs. The official artifacts are the same jars the release tarball ships;
// Maven gives us checksummed downloads and a local repository cache for free.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InfrastructureError } from './infrastructure-error';
import { kafkaVersionFromPom } from './kafka-config';
import { kafkaDir, kafkaPomFile } from './paths';
import { runCommand } from './process-utils';
import { Log, ensureMaven } from './toolchain';

/** The cached broker classpath of one Kafka version. */
export interface KafkaArtifacts {
  version: string;
  /** Folder of jars; the JVM classpath is `<libsDir>/*`. */
  libsDir: string;
}

/** The Kafka version pinned in the pom. */
export function pinnedKafkaVersion(): string {
  return kafkaVersionFromPom(readFileSync(kafkaPomFile, 'utf8'));
}

/** Where a version's jars go, and the marker written only after a complete download. */
function artifactPaths(version: string) {
  const versionDir = join(kafkaDir, version);
  return {
    versionDir,
    libsDir: join(versionDir, 'libs'),
    partialDir: join(versionDir, 'libs.partial'),
    completeMarker: join(versionDir, 'libs.complete'),
  };
}

/** Fingerprint of the pom: a changed pin (say a log4j bump) invalidates the cache without a version change. */
function pomFingerprint(): string {
  return createHash('sha256').update(readFileSync(kafkaPomFile)).digest('hex');
}

/** True when the pinned version's jars are cached and complete. */
export function kafkaArtifactsCached(): boolean {
  const paths = artifactPaths(pinnedKafkaVersion());
  return (
    existsSync(paths.libsDir) &&
    existsSync(paths.completeMarker) &&
    readFileSync(paths.completeMarker, 'utf8').trim() === pomFingerprint()
  );
}

/**
 * Returns the cached classpath of the pinned Kafka version, downloading it first when missing.
 * A download interrupted halfway leaves no marker and is redone from scratch.
 */
export async function ensureKafkaArtifacts(log: Log): Promise<KafkaArtifacts> {
  const version = pinnedKafkaVersion();
  const paths = artifactPaths(version);
  if (kafkaArtifactsCached()) return { version, libsDir: paths.libsDir };

  await ensureMaven(log);
  const started = Date.now();
  log(`kafka: fetching Apache Kafka ${version} from Maven Central (once)…`);
  rmSync(paths.libsDir, { recursive: true, force: true });
  rmSync(paths.partialDir, { recursive: true, force: true });
  rmSync(paths.completeMarker, { force: true });
  mkdirSync(paths.versionDir, { recursive: true });

  const result = await runCommand(
    'mvn',
    [
      '-q',
      '-B',
      '-f',
      kafkaPomFile,
      'dependency:copy-dependencies',
      `-DoutputDirectory=${paths.partialDir}`,
      '-DincludeScope=runtime',
    ],
    { timeoutMs: 15 * 60_000 },
  );
  const brokerJar = `kafka_2.13-${version}.jar`;
  if (result.code !== 0 || !existsSync(join(paths.partialDir, brokerJar))) {
    throw new InfrastructureError(
      `Fetching Apache Kafka ${version} with Maven failed (exit ${result.code}). Is Maven Central reachable ` +
        `(or a mirror configured in ~/.m2/settings.xml)?\n${(result.stdout + result.stderr).trim().slice(-2_000)}`,
    );
  }
  renameSync(paths.partialDir, paths.libsDir);
  writeFileSync(paths.completeMarker, `${pomFingerprint()}\n`);
  const jars = readdirSync(paths.libsDir).length;
  log(`kafka: fetched ${jars} jars in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { version, libsDir: paths.libsDir };
}
