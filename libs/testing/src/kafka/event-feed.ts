// Feeds other services' events into the service under test, as their relays would: envelopes built with
// the contracts, produced to the suite's prefixed topics, keyed by aggregate id, with the envelope headers.
import {
  ActorRef,
  buildEnvelope,
  EventDefinition,
  eventDefinition,
  EventEnvelope,
  eventHeaders,
  resolveTopicName,
  TopicName,
} from '@loop/contracts';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, Producer } from 'kafkajs';
import { testKafkaBrokers } from '../infrastructure/test-environment';
import type { TestNamespace } from '../infrastructure/test-namespace';

/** Whose topics a feed writes to: a namespace, anything that has one (a test service), or a topic prefix. */
export type FeedTarget =
  | string
  | Pick<TestNamespace, 'topicPrefix'>
  | { namespace: Pick<TestNamespace, 'topicPrefix'> };

/** How a fed envelope is built; by default it happens now, caused by the producing service itself. */
export interface FeedEnvelopeOptions {
  occurredAt?: Date;
  actor?: ActorRef;
}

function topicPrefixOf(target: FeedTarget): string {
  if (typeof target === 'string') return target;
  return 'namespace' in target ? target.namespace.topicPrefix : target.topicPrefix;
}

/** A producer of loop events onto one test namespace's topics. */
export class EventFeed {
  private constructor(
    private readonly producer: Producer,
    private readonly topicPrefix: string,
  ) {}

  /** Connects a producer for the topics of `target`. */
  static async connect(target: FeedTarget): Promise<EventFeed> {
    const topicPrefix = topicPrefixOf(target);
    const kafka = new Kafka({
      clientId: `${topicPrefix}feed-${randomUUID().slice(0, 8)}`,
      brokers: testKafkaBrokers(),
      logLevel: logLevel.NOTHING,
    });
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    return new EventFeed(producer, topicPrefix);
  }

  /** The envelope of `payload` as its producing service would publish it. */
  envelope<P extends object>(
    definition: EventDefinition<P>,
    payload: P,
    options: FeedEnvelopeOptions | Date = {},
  ): EventEnvelope<P> {
    const { occurredAt, actor } =
      options instanceof Date ? { occurredAt: options, actor: undefined } : options;
    return buildEnvelope(definition, payload, {
      actor: actor ?? { role: 'system', id: definition.producer },
      ...(occurredAt ? { clock: { now: () => occurredAt } } : {}),
    });
  }

  /** Builds the envelope of `payload` and produces it; returns the envelope (to send it again). */
  async publish<P extends object>(
    definition: EventDefinition<P>,
    payload: P,
    options: FeedEnvelopeOptions = {},
  ): Promise<EventEnvelope<P>> {
    const envelope = this.envelope(definition, payload, options);
    await this.send(envelope);
    return envelope;
  }

  /** Produces envelopes (again, if already sent — a redelivery) to their declared topic, in order. */
  async send(...envelopes: EventEnvelope[]): Promise<void> {
    for (const envelope of envelopes) {
      const definition = eventDefinition(envelope.type, envelope.version);
      if (!definition)
        throw new Error(`${envelope.type}@${envelope.version} is not declared in the contracts`);
      await this.producer.send({
        topic: resolveTopicName(definition.topic, this.topicPrefix),
        messages: [
          { key: envelope.aggregateId, value: JSON.stringify(envelope), headers: eventHeaders(envelope) },
        ],
      });
    }
  }

  /** Produces a raw value, for tests of what consumers do with a message that is not a valid event. */
  async sendRaw(topic: TopicName, key: string, value: string): Promise<void> {
    await this.producer.send({
      topic: resolveTopicName(topic, this.topicPrefix),
      messages: [{ key, value }],
    });
  }

  /** Disconnects. */
  async close(): Promise<void> {
    await this.producer.disconnect();
  }
}
