// Reads what the dispatch service publishes on its directory topic, from the beginning.
import { randomUUID } from 'node:crypto';
import { EventEnvelope, resolveTopicName, Topics } from '@loop/contracts';
import { testKafkaBrokers } from '@loop/testing';
import { Consumer, Kafka, logLevel } from 'kafkajs';

/** Every envelope seen on the suite's directory topic, in arrival order. */
export class DirectoryFeed {
  readonly published: EventEnvelope[] = [];
  private consumer?: Consumer;

  /** Starts reading `<prefix>.dispatch.directory.v1` from the beginning. */
  async start(topicPrefix: string, groupPrefix: string): Promise<void> {
    const kafka = new Kafka({
      brokers: testKafkaBrokers(),
      clientId: `directory-feed-${randomUUID()}`,
      logLevel: logLevel.NOTHING,
    });
    this.consumer = kafka.consumer({ groupId: `${groupPrefix}directory-feed`, maxWaitTimeInMs: 100 });
    await this.consumer.connect();
    await this.consumer.subscribe({
      topics: [resolveTopicName(Topics.dispatchDirectory, topicPrefix)],
      fromBeginning: true,
    });
    await this.consumer.run({
      eachMessage: async ({ message }) => {
        if (message.value) this.published.push(JSON.parse(message.value.toString()) as EventEnvelope);
      },
    });
  }

  /** Stops reading. */
  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }

  /** The envelopes of a type about one aggregate. */
  about(type: string, aggregateId: string): EventEnvelope[] {
    return this.published.filter(
      (envelope) => envelope.type === type && envelope.aggregateId === aggregateId,
    );
  }
}
