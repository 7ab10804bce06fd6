import { kafkaSecurity, PlatformConfig } from '@loop/platform';
import { MessagingOptions } from '../messaging-runtime';

/**
 * MessagingOptions from the platform's validated config (KAFKA_BROKERS, KAFKA_CLIENT_ID, prefixes, TLS and
 * SASL, KAFKA_PROVISION_TOPICS). Reads the certificate files named by KAFKA_TLS_*; throws if one is missing.
 */
export function messagingOptionsFrom(
  config: PlatformConfig,
  service: string,
  overrides: Partial<Omit<MessagingOptions, 'service'>> = {},
): MessagingOptions {
  return {
    service,
    brokers: config.KAFKA_BROKERS,
    clientId: config.KAFKA_CLIENT_ID,
    topicPrefix: config.KAFKA_TOPIC_PREFIX,
    groupPrefix: config.KAFKA_GROUP_PREFIX,
    security: kafkaSecurity(config),
    provisionTopics: config.KAFKA_PROVISION_TOPICS,
    relay: { lingerMs: config.OUTBOX_RELAY_LINGER_MS },
    ...overrides,
  };
}

/**
 * The full consumer group id of `service` as its consumer names it (group prefix included): the name its
 * inbox and dead-letter log rows carry.
 */
export function consumerGroupFrom(config: PlatformConfig, service: string): string {
  // Not through messagingOptionsFrom: naming a group must not read the Kafka certificate files.
  return `${config.KAFKA_GROUP_PREFIX}${service}`;
}
