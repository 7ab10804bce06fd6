import { KafkaOptions, MicroserviceOptions, Transport } from '@nestjs/microservices';
import type { PlatformConfig } from '../config/platform.config';

/** How a service consumes Kafka alongside HTTP (a hybrid app). */
export interface ServiceKafkaOptions {
  /** The service's consumer group id, without KAFKA_GROUP_PREFIX (which is prepended). */
  groupId: string;
  /**
   * Builds the microservice options instead of the default Kafka transport, e.g. a custom strategy
   * from libs/messaging. It receives the validated config for brokers, client id and prefixes.
   */
  microservice?: (config: PlatformConfig) => MicroserviceOptions;
}

/**
 * Nest's Kafka transport for `config`: explicit client and group ids (no `-server`/`-client` suffixes,
 * which Nest appends unless `postfixId` is empty), and the group prefix for test isolation.
 */
export function kafkaMicroserviceOptions(
  config: PlatformConfig,
  kafka: ServiceKafkaOptions,
): MicroserviceOptions {
  if (kafka.microservice) return kafka.microservice(config);
  const options: KafkaOptions = {
    transport: Transport.KAFKA,
    options: {
      postfixId: '',
      client: { clientId: config.KAFKA_CLIENT_ID, brokers: config.KAFKA_BROKERS },
      consumer: { groupId: `${config.KAFKA_GROUP_PREFIX}${kafka.groupId}` },
      // A new consumer group reads each topic from its start: a service's projections are built from
      // the whole history, not from whatever arrives after its first deploy.
      subscribe: { fromBeginning: true },
    },
  };
  return options;
}
