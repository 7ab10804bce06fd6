// Who may have published a record. Broker ACLs (one KafkaUser per service, docs/adr/0008-kafka-trust.md)
// keep other services off a topic in production; this check is the consumer's own line of defence
// for wherever ACLs are absent or too broad (a local broker, a misconfigured user, a replay tool): a
// fact such as `ticket.confirmed` mints service hours, so it is believed only from its owner.
import { EventDefinition, EventEnvelope, EventHeaders, topicDefinition } from '@loop/contracts';
import { IHeaders } from 'kafkajs';
import { headerText } from './consumed-message';

/** A validated record as the producer check sees it. */
export interface ProducedRecord {
  /** The topic it was read from, environment prefix included. */
  topic: string;
  headers: IHeaders | undefined;
  envelope: EventEnvelope;
  /** The declaration of the envelope's type and version. */
  definition: EventDefinition;
}

/** The registry name of a topic read under KAFKA_TOPIC_PREFIX (see resolveTopicName). */
export function unprefixedTopic(topic: string, topicPrefix = ''): string {
  const trimmed = topicPrefix.replace(/\.+$/, '');
  return trimmed && topic.startsWith(`${trimmed}.`) ? topic.slice(trimmed.length + 1) : topic;
}

/**
 * Why a record cannot come from the owner of the topic it arrived on — one line per problem, none when
 * it can: the topic's owner (contracts' topic registry) must be the service that declares the event
 * type, the envelope's producer, and the `x-producer` header the outbox relay sets (when present:
 * records written before the relay set it, or by test tools, carry the envelope's producer only).
 */
export function unexpectedProducer(record: ProducedRecord, topicPrefix?: string): string[] {
  const topic = unprefixedTopic(record.topic, topicPrefix);
  const owner = topicDefinition(topic)?.owner;
  if (!owner) return [`${topic} is not a topic of the registry, so it has no owner to trust`];
  const problems: string[] = [];
  const { envelope, definition } = record;
  if (definition.topic !== topic || definition.producer !== owner) {
    problems.push(
      `${definition.type} v${definition.version} is published by ${definition.producer} on ${definition.topic}, not on ${topic} (owner ${owner})`,
    );
  }
  if (envelope.producer !== owner) {
    problems.push(`the envelope names ${envelope.producer} as producer; ${topic} is owned by ${owner}`);
  }
  const header = headerText(record.headers, EventHeaders.producer);
  if (header !== undefined && header !== owner) {
    problems.push(`the ${EventHeaders.producer} header names ${header}; ${topic} is owned by ${owner}`);
  }
  return problems;
}
