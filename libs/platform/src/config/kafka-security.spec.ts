import { ConfigError } from './config-error';
import { kafkaSecurity, KafkaSecurityError } from './kafka-security';
import { loadConfig } from './load-config';
import { PlatformConfig } from './platform.config';

const localEnvironment = {
  PORT: '3001',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/loop_requests',
  REDIS_URL: 'redis://127.0.0.1:6379',
  KAFKA_BROKERS: '127.0.0.1:19092',
  KAFKA_CLIENT_ID: 'requests',
  AUTH_DEV_ISSUER: 'true',
};

/** The environment of a pod whose Secret with the user certificate is mounted at /etc/kafka/user. */
const clusterEnvironment = {
  ...localEnvironment,
  KAFKA_BROKERS: 'loop-kafka-bootstrap:9093',
  KAFKA_TLS: 'true',
  KAFKA_TLS_CA_FILE: '/etc/kafka/cluster-ca/ca.crt',
  KAFKA_TLS_CERT_FILE: '/etc/kafka/user/user.crt',
  KAFKA_TLS_KEY_FILE: '/etc/kafka/user/user.key',
  KAFKA_PROVISION_TOPICS: 'false',
};

function problems(environment: Record<string, string>): string[] {
  try {
    loadConfig(PlatformConfig, environment);
  } catch (error) {
    if (error instanceof ConfigError) return error.issues.map((issue) => issue.variable);
    throw error;
  }
  return [];
}

/** A file system of PEM files whose contents can change between reads, as a renewed Secret's do. */
function files(initial: Record<string, string>) {
  const contents = { ...initial };
  const reads: string[] = [];
  const readFile = (path: string) => {
    reads.push(path);
    if (!(path in contents)) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
    return contents[path];
  };
  return { contents, reads, readFile };
}

describe('the Kafka connection settings', () => {
  it('connect a local run in plain text, without credentials, provisioning the topics itself', () => {
    const config = loadConfig(PlatformConfig, localEnvironment);

    expect(config.KAFKA_TLS).toBe(false);
    expect(config.KAFKA_SASL_MECHANISM).toBe('none');
    expect(config.KAFKA_PROVISION_TOPICS).toBe(true);
    expect(kafkaSecurity(config)).toEqual({});
  });

  it('accept a pod with TLS, the cluster CA and its client certificate, leaving the topics to the operator', () => {
    const config = loadConfig(PlatformConfig, clusterEnvironment);

    expect(config).toMatchObject({ KAFKA_TLS: true, KAFKA_PROVISION_TOPICS: false });
  });

  it('refuse a certificate without its key, and certificate files without KAFKA_TLS=true', () => {
    const { KAFKA_TLS_KEY_FILE: _key, ...withoutKey } = clusterEnvironment;
    const { KAFKA_TLS: _tls, ...withoutTls } = clusterEnvironment;

    expect(problems(withoutKey)).toEqual(['KAFKA_TLS_KEY_FILE']);
    expect(problems(withoutTls)).toEqual(['KAFKA_TLS_CA_FILE', 'KAFKA_TLS_CERT_FILE', 'KAFKA_TLS_KEY_FILE']);
  });

  it('require a user name and password with SCRAM-SHA-512 and refuse an unknown mechanism', () => {
    expect(problems({ ...localEnvironment, KAFKA_SASL_MECHANISM: 'scram-sha-512' })).toEqual([
      'KAFKA_SASL_USERNAME',
      'KAFKA_SASL_PASSWORD',
    ]);
    expect(problems({ ...localEnvironment, KAFKA_SASL_MECHANISM: 'plain' })).toEqual([
      'KAFKA_SASL_MECHANISM',
    ]);
  });
});

describe('kafkaSecurity', () => {
  it('gives kafkajs the CA, certificate and key of the mounted files for mutual TLS', () => {
    const { readFile } = files({
      '/etc/kafka/cluster-ca/ca.crt': 'CA PEM',
      '/etc/kafka/user/user.crt': 'USER PEM',
      '/etc/kafka/user/user.key': 'KEY PEM',
    });

    const security = kafkaSecurity(loadConfig(PlatformConfig, clusterEnvironment), readFile);

    expect({ ...security.ssl }).toEqual({ ca: 'CA PEM', cert: 'USER PEM', key: 'KEY PEM' });
    expect(security.sasl).toBeUndefined();
  });

  it('reads the files again on every connection, so a certificate Strimzi renewed is used without a restart', () => {
    const { contents, readFile } = files({
      '/etc/kafka/cluster-ca/ca.crt': 'CA PEM',
      '/etc/kafka/user/user.crt': 'USER PEM',
      '/etc/kafka/user/user.key': 'KEY PEM',
    });
    const security = kafkaSecurity(loadConfig(PlatformConfig, clusterEnvironment), readFile);

    contents['/etc/kafka/user/user.crt'] = 'RENEWED PEM';

    // kafkajs copies the options into tls.connect with Object.assign on every connect.
    expect(Object.assign({ host: 'loop-kafka-bootstrap' }, security.ssl)).toMatchObject({
      cert: 'RENEWED PEM',
    });
  });

  it('stops the service at start-up when a certificate file cannot be read, naming the variable', () => {
    const { readFile } = files({ '/etc/kafka/cluster-ca/ca.crt': 'CA PEM' });

    expect(() => kafkaSecurity(loadConfig(PlatformConfig, clusterEnvironment), readFile)).toThrow(
      new KafkaSecurityError(
        "KAFKA_TLS_CERT_FILE=/etc/kafka/user/user.crt cannot be read: ENOENT: no such file or directory, open '/etc/kafka/user/user.crt'",
      ),
    );
  });

  it('trusts the system CAs over TLS without a CA file, and passes SCRAM-SHA-512 credentials', () => {
    const config = loadConfig(PlatformConfig, {
      ...localEnvironment,
      KAFKA_TLS: 'true',
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'requests',
      KAFKA_SASL_PASSWORD: 'from-the-secret',
    });

    expect(kafkaSecurity(config)).toEqual({
      ssl: {},
      sasl: { mechanism: 'scram-sha-512', username: 'requests', password: 'from-the-secret' },
    });
  });
});
