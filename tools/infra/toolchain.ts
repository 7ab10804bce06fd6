// The host tools the runner relies on (Java for the broker, Maven to fetch it, apt on Debian to install
// what is missing) and the messages that say what to install where the runner cannot do it itself.
import { existsSync } from 'node:fs';
import { InfrastructureError } from './infrastructure-error';
import { commandExists, runCommand } from './process-utils';

/** Receives progress lines ("kafka: downloading…"). */
export type Log = (message: string) => void;

/** Kafka 4 brokers need Java 17 or newer. */
const minimumJavaMajor = 17;

/** True when the runner may install system packages: Debian/Ubuntu and running as root. */
export function canInstallPackages(): boolean {
  return existsSync('/etc/debian_version') && process.getuid?.() === 0;
}

// apt holds a global lock; installs requested concurrently (Kafka's Java, PostgreSQL, Redis) queue here.
let aptQueue: Promise<unknown> = Promise.resolve();

/** Installs Debian packages with apt-get, refreshing the package index once if the first try fails. */
export function aptInstall(packages: string[], log: Log): Promise<void> {
  const install = async () => {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    log(`apt: installing ${packages.join(' ')}…`);
    let result = await runCommand('apt-get', ['install', '-y', ...packages], { env });
    if (result.code !== 0) {
      // A fresh machine often has no package index yet.
      await runCommand('apt-get', ['update'], { env });
      result = await runCommand('apt-get', ['install', '-y', ...packages], { env });
    }
    if (result.code !== 0) {
      throw new InfrastructureError(
        `apt-get install -y ${packages.join(' ')} failed:\n${result.stderr.trim()}`,
      );
    }
  };
  const next = aptQueue.then(install, install);
  aptQueue = next.catch(() => undefined);
  return next;
}

/** Major version from `java -version` output ('openjdk version "17.0.15"', 'java version "1.8.0_392"'). */
export function javaMajorVersion(versionOutput: string): number | undefined {
  const version = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!version) return undefined;
  const major = Number(version[1]);
  return major === 1 && version[2] ? Number(version[2]) : major;
}

/** Makes sure `java` (17+) is on PATH, installing it on Debian as root; otherwise says what to install. */
export async function ensureJava(log: Log): Promise<void> {
  if (!commandExists('java')) {
    if (!canInstallPackages()) {
      throw new InfrastructureError(
        'Java is not installed; the local Kafka broker needs Java 17 or newer.\n' +
          '  Debian/Ubuntu: sudo apt-get install -y default-jre-headless\n' +
          '  macOS:         brew install openjdk@21\n' +
          'Or point the project at an existing broker with KAFKA_BROKERS=host:port.',
      );
    }
    await aptInstall(['default-jre-headless'], log);
  }
  const { stdout, stderr } = await runCommand('java', ['-version']);
  const major = javaMajorVersion(stderr + stdout);
  if (major !== undefined && major < minimumJavaMajor) {
    throw new InfrastructureError(
      `Java ${major} is installed, but Kafka 4 needs Java ${minimumJavaMajor} or newer. ` +
        'Install a newer JDK/JRE (Debian/Ubuntu: default-jre-headless on bookworm or later) and put it first on PATH.',
    );
  }
}

/** Makes sure `mvn` is on PATH (needed once, to fetch the broker), installing it on Debian as root. */
export async function ensureMaven(log: Log): Promise<void> {
  if (commandExists('mvn')) return;
  if (!canInstallPackages()) {
    throw new InfrastructureError(
      'Maven is not installed; the runner uses it once to fetch Apache Kafka from Maven Central.\n' +
        '  Debian/Ubuntu: sudo apt-get install -y maven\n' +
        '  macOS:         brew install maven\n' +
        'Or point the project at an existing broker with KAFKA_BROKERS=host:port.',
    );
  }
  await aptInstall(['maven'], log);
}
