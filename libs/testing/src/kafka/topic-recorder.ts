// Reads what the service under test publishes, as a consumer of its topics would: one topic under the
// suite's prefix, from the beginning, every record kept in arrival order so that tests poll for an event
// instead of sleeping.
import { EventEnvelope, resolveTopicName } from '@loop/contracts';
import { randomUUID } from 'node:crypto';
import { Consumer, IHeaders, Kafka, KafkaMessage, logLevel } from 'kafkajs';
import { testKafkaBrokers } from '../infrastructure/test-environment';
import type { TestNamespace } from '../infrastructure/test-namespace';
import { waitFor } from '../infrastructure/wait-for';

type Prefixes = Pick<TestNamespace, 'topicPrefix' | 'groupPrefix'>;

/** Whose topic a recorder reads: a namespace, or anything that has one (a test service). */
export type RecorderTarget = Prefixes | { namespace: Prefixes };

/** One record as it arrived, its key, value and headers as text. */
export interface RecordedMessage {
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

function headersAsText(headers: IHeaders | undefined): Record<string, string> {
  const text: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value !== undefined) text[name] = String(Array.isArray(value) ? value[0] : value);
  }
  return text;
}

function envelopeIn(value: string | null): EventEnvelope | undefined {
  if (value === null) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null ? (parsed as EventEnvelope) : undefined;
  } catch {
    // A record that is not JSON (a test of what consumers do with garbage) is kept as a message only.
    return undefined;
  }
}

/** A reader of one of the suite's topics that keeps every record it has seen. */
export class TopicRecorder {
  /** Every record, in arrival order. */
  readonly messages: RecordedMessage[] = [];
  /** The records that hold an envelope, in arrival order. */
  readonly envelopes: EventEnvelope[] = [];

  private constructor(private readonly consumer: Consumer) {}

  /** Starts reading `topic` (a registry name, unprefixed) of `target` from the beginning. */
  static async start(target: RecorderTarget, topic: string): Promise<TopicRecorder> {
    const { topicPrefix, groupPrefix } = 'namespace' in target ? target.namespace : target;
    const unique = randomUUID().slice(0, 8);
    const kafka = new Kafka({
      clientId: `${topicPrefix}recorder-${unique}`,
      brokers: testKafkaBrokers(),
      logLevel: logLevel.NOTHING,
    });
    const consumer = kafka.consumer({ groupId: `${groupPrefix}recorder-${unique}`, maxWaitTimeInMs: 100 });
    const recorder = new TopicRecorder(consumer);
    await consumer.connect();
    try {
      await consumer.subscribe({ topic: resolveTopicName(topic, topicPrefix), fromBeginning: true });
      await consumer.run({ eachMessage: async ({ message }) => recorder.record(message) });
    } catch (error) {
      await consumer.disconnect().catch(() => undefined);
      throw error;
    }
    return recorder;
  }

  /** The envelopes of `type` (about `aggregateId`, when given), in arrival order. */
  about<P = Record<string, unknown>>(type: string, aggregateId?: string): Array<EventEnvelope<P & object>> {
    return this.envelopes.filter(
      (envelope) =>
        envelope.type === type && (aggregateId === undefined || envelope.aggregateId === aggregateId),
    ) as Array<EventEnvelope<P & object>>;
  }

  /** Waits for the first envelope of `type` about `aggregateId`. */
  async waitFor<P = Record<string, unknown>>(
    type: string,
    aggregateId: string,
    timeoutMs = 30_000,
  ): Promise<EventEnvelope<P & object>> {
    const [first] = await this.waitForEvents<P>(type, aggregateId, 1, timeoutMs);
    return first;
  }

  /** Waits until `count` envelopes of `type` about `aggregateId` have arrived, and returns all of them. */
  waitForEvents<P = Record<string, unknown>>(
    type: string,
    aggregateId: string,
    count = 1,
    timeoutMs = 30_000,
  ): Promise<Array<EventEnvelope<P & object>>> {
    return waitFor(
      () => {
        const found = this.about<P>(type, aggregateId);
        return found.length >= count ? found : undefined;
      },
      { timeoutMs, description: `${count} × ${type} about ${aggregateId} to be published` },
    );
  }

  /** Stops reading. */
  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }

  private record(message: KafkaMessage): void {
    const value = message.value === null ? null : message.value.toString();
    this.messages.push({
      key: message.key?.toString() ?? null,
      value,
      headers: headersAsText(message.headers),
    });
    const envelope = envelopeIn(value);
    if (envelope) this.envelopes.push(envelope);
  }
}
