// What the messaging commands read from the environment: the same variables the services use, so a
// command run beside a service (same env file, same pod) talks to the same brokers, topics and groups.
import { createKafkaClient } from '@loop/messaging';
import { Kafka, logLevel } from 'kafkajs';

/** The Kafka side of a service's environment. */
export interface MessagingEnvironment {
  brokers: string[];
  clientId: string;
  topicPrefix: string;
  groupPrefix: string;
}

/** Reads KAFKA_BROKERS (required), KAFKA_CLIENT_ID, KAFKA_TOPIC_PREFIX and KAFKA_GROUP_PREFIX. */
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
  };
}

/** A kafkajs client for a command; kafkajs itself only reports errors. */
export function commandKafka(environment: MessagingEnvironment): Kafka {
  return createKafkaClient({
    brokers: environment.brokers,
    clientId: environment.clientId,
    logLevel: logLevel.ERROR,
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
