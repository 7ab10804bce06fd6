import { PlatformConfig } from '@loop/platform';
import { MessagingOptions } from '../messaging-runtime';

/** MessagingOptions from the platform's validated config (KAFKA_BROKERS, KAFKA_CLIENT_ID, prefixes). */
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
    ...overrides,
  };
}
