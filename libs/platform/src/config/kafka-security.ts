// How a service's Kafka clients (the backbone's and the readiness check's) prove who they are and check
// the brokers, from the validated config. See docs/adr/0008-kafka-trust.md.
import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import type { SASLOptions } from 'kafkajs';
import type { PlatformConfig } from './platform.config';

/** The TLS and SASL options of a kafkajs client (`new Kafka({ brokers, clientId, ...security })`). */
export interface KafkaSecurity {
  /** TLS options, or absent for a plain-text connection. */
  ssl?: ConnectionOptions;
  /** SASL credentials, or absent without SASL. */
  sasl?: SASLOptions;
}

/** The config variables {@link kafkaSecurity} reads. */
export type KafkaSecuritySettings = Pick<
  PlatformConfig,
  | 'KAFKA_TLS'
  | 'KAFKA_TLS_CA_FILE'
  | 'KAFKA_TLS_CERT_FILE'
  | 'KAFKA_TLS_KEY_FILE'
  | 'KAFKA_SASL_MECHANISM'
  | 'KAFKA_SASL_USERNAME'
  | 'KAFKA_SASL_PASSWORD'
>;

/** Thrown when a configured certificate or key file cannot be read: the service must not start. */
export class KafkaSecurityError extends Error {
  override readonly name = 'KafkaSecurityError';
}

/**
 * The kafkajs `ssl` and `sasl` options for the settings. Every file is read once here, so a missing or
 * unreadable one stops the service at start-up with its name, and again each time kafkajs opens a
 * connection (kafkajs copies the options into `tls.connect` on every connect), so certificates that
 * Strimzi renews in the mounted Secret are used from the next connection on, without a restart.
 */
export function kafkaSecurity(
  settings: KafkaSecuritySettings,
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): KafkaSecurity {
  const security: KafkaSecurity = {};
  if (settings.KAFKA_TLS) {
    const files: Array<[keyof ConnectionOptions, string | undefined, string]> = [
      ['ca', settings.KAFKA_TLS_CA_FILE, 'KAFKA_TLS_CA_FILE'],
      ['cert', settings.KAFKA_TLS_CERT_FILE, 'KAFKA_TLS_CERT_FILE'],
      ['key', settings.KAFKA_TLS_KEY_FILE, 'KAFKA_TLS_KEY_FILE'],
    ];
    const ssl: ConnectionOptions = {};
    for (const [option, path, variable] of files) {
      if (!path) continue;
      const read = () => {
        try {
          return readFile(path);
        } catch (error) {
          throw new KafkaSecurityError(
            `${variable}=${path} cannot be read: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      };
      read();
      Object.defineProperty(ssl, option, { enumerable: true, get: read });
    }
    security.ssl = ssl;
  }
  if (settings.KAFKA_SASL_MECHANISM === 'scram-sha-512') {
    security.sasl = {
      mechanism: 'scram-sha-512',
      username: settings.KAFKA_SASL_USERNAME ?? '',
      password: settings.KAFKA_SASL_PASSWORD ?? '',
    };
  }
  return security;
}
