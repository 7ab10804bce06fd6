// Feeds other services' events into the service under test, as their relays would: envelopes built
// with the contracts, produced to the suite's prefixed topics, keyed by aggregate id.
import {
  buildEnvelope,
  EventDefinition,
  EventEnvelope,
  eventHeaders,
  resolveTopicName,
} from '@loop/contracts';
import { testKafkaBrokers } from '@loop/testing';
import { Kafka, logLevel, Producer } from 'kafkajs';

/** A producer of loop events onto one test namespace's topics. */
export class EventFeed {
  private constructor(
    private readonly producer: Producer,
    private readonly topicPrefix: string,
  ) {}

  /** Connects a producer for the topics under `topicPrefix`. */
  static async connect(topicPrefix: string): Promise<EventFeed> {
    const kafka = new Kafka({
      clientId: `${topicPrefix}feed`,
      brokers: testKafkaBrokers(),
      logLevel: logLevel.NOTHING,
    });
    const producer = kafka.producer();
    await producer.connect();
    return new EventFeed(producer, topicPrefix);
  }

  /** Builds the envelope of `payload` and produces it; returns the envelope (to produce it again). */
  async publish<P extends object>(definition: EventDefinition<P>, payload: P): Promise<EventEnvelope<P>> {
    const envelope = buildEnvelope(definition, payload, {
      actor: { role: 'system', id: definition.producer },
    });
    await this.produce(definition, envelope);
    return envelope;
  }

  /** Produces an envelope again (a redelivery). */
  async produce<P extends object>(definition: EventDefinition<P>, envelope: EventEnvelope<P>): Promise<void> {
    await this.producer.send({
      topic: resolveTopicName(definition.topic, this.topicPrefix),
      messages: [
        { key: envelope.aggregateId, value: JSON.stringify(envelope), headers: eventHeaders(envelope) },
      ],
    });
  }

  /** Disconnects. */
  async close(): Promise<void> {
    await this.producer.disconnect();
  }
}
