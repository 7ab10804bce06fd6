// What the messaging commands read from the environment: the same variables the services use, so a
// command run beside a service (same env file, same pod) talks to the same brokers, topics and groups.
import { createKafkaClient } from '@loop/messaging';
import { KAFKA_SASL_MECHANISMS, KafkaSaslMechanism, KafkaSecurity, kafkaSecurity } from '@loop/platform';
import { Kafka, logLevel } from 'kafkajs';

/** The Kafka side of a service's environment. */
export interface MessagingEnvironment {
  brokers: string[];
  clientId: string;
  topicPrefix: string;
  groupPrefix: string;
  /** KAFKA_TLS, KAFKA_TLS_*_FILE and KAFKA_SASL_*, as the services read them. */
  security: KafkaSecurity;
}

/** The TLS and SASL variables, read like the services' config reads them (docs/adr/0008-kafka-trust.md). */
function securityFrom(env: NodeJS.ProcessEnv): KafkaSecurity {
  const mechanism = env.KAFKA_SASL_MECHANISM || 'none';
  if (!(KAFKA_SASL_MECHANISMS as readonly string[]).includes(mechanism))
    throw new UsageError(`KAFKA_SASL_MECHANISM must be one of ${KAFKA_SASL_MECHANISMS.join(', ')}`);
  return kafkaSecurity({
    KAFKA_TLS: /^(true|1|yes|on)$/i.test(env.KAFKA_TLS ?? ''),
    KAFKA_TLS_CA_FILE: env.KAFKA_TLS_CA_FILE || undefined,
    KAFKA_TLS_CERT_FILE: env.KAFKA_TLS_CERT_FILE || undefined,
    KAFKA_TLS_KEY_FILE: env.KAFKA_TLS_KEY_FILE || undefined,
    KAFKA_SASL_MECHANISM: mechanism as KafkaSaslMechanism,
    KAFKA_SASL_USERNAME: env.KAFKA_SASL_USERNAME,
    KAFKA_SASL_PASSWORD: env.KAFKA_SASL_PASSWORD,
  });
}

/**
 * Reads KAFKA_BROKERS (required), KAFKA_CLIENT_ID, KAFKA_TOPIC_PREFIX, KAFKA_GROUP_PREFIX and the TLS and
 * SASL variables (on Kubernetes the toolbox runs as the loop-operations-kafka user, see docs/operations.md).
 */
export function messagingEnvironment(
  command: string,
  env: NodeJS.ProcessEnv = process.env,
): MessagingEnvironment {
  const brokers = (env.KAFKA_BROKERS ?? '')
    .split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
  if (brokers.length === 0)
    throw new UsageError('KAFKA_BROKERS is not set (e.g. KAFKA_BROKERS=127.0.0.1:19092)');
  return {
    brokers,
    clientId: env.KAFKA_CLIENT_ID ? `${env.KAFKA_CLIENT_ID}-${command}` : command,
    topicPrefix: env.KAFKA_TOPIC_PREFIX ?? '',
    groupPrefix: env.KAFKA_GROUP_PREFIX ?? '',
    security: securityFrom(env),
  };
}

/** A kafkajs client for a command; kafkajs itself only reports errors. */
export function commandKafka(environment: MessagingEnvironment): Kafka {
  return createKafkaClient({
    brokers: environment.brokers,
    clientId: environment.clientId,
    logLevel: logLevel.ERROR,
    security: environment.security,
  });
}

/** Wrong arguments or environment: printed with the usage, exit code 2. */
export class UsageError extends Error {}

/** Runs a command's main, mapping outcomes to exit codes: 0 done, 1 failed, 2 usage. */
export function runCommand(usage: string, main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      if (
        error instanceof UsageError ||
        (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
      ) {
        console.error(`${error.message}\n\n${usage}`);
        process.exit(2);
      }
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
