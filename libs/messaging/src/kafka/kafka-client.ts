import { Logger } from '@nestjs/common';
import type { KafkaSecurity } from '@loop/platform';
import { Kafka, logCreator, logLevel, Partitioners, Producer } from 'kafkajs';

/** Where and as whom to connect to Kafka. */
export interface KafkaConnectionOptions {
  /** Bootstrap brokers, `host:port`. */
  brokers: string[];
  /** Client id the broker sees in its logs and quotas. */
  clientId: string;
  /** Lowest kafkajs log level passed on (default WARN: kafkajs is chatty at INFO). */
  logLevel?: logLevel;
  /** TLS and SASL (from the config with `kafkaSecurity`); absent: plain text, no authentication. */
  security?: KafkaSecurity;
}

/** A kafkajs client whose log lines go through the application's logger. */
export function createKafkaClient(options: KafkaConnectionOptions): Kafka {
  return new Kafka({
    brokers: options.brokers,
    clientId: options.clientId,
    ...options.security,
    logLevel: options.logLevel ?? logLevel.WARN,
    logCreator: nestLogCreator,
  });
}

/**
 * A producer that never duplicates or reorders a partition's messages on its own retries: idempotent
 * (the broker drops retried duplicates by sequence number), one request in flight, acknowledgement
 * by all in-sync replicas (callers pass `acks: -1`). The Java-compatible murmur2 partitioner puts a
 * key on the same partition as any other Kafka client (Debezium, Kafka Connect) would.
 */
export function createIdempotentProducer(kafka: Kafka): Producer {
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
}

const nestLogCreator: logCreator = () => {
  const logger = new Logger('kafkajs');
  return ({ level, log }) => {
    const { message, ...extra } = log;
    const line = Object.keys(extra).length > 0 ? `${message} ${JSON.stringify(extra)}` : message;
    if (level === logLevel.ERROR) logger.error(line);
    else if (level === logLevel.WARN) logger.warn(line);
    else if (level === logLevel.INFO) logger.log(line);
    else logger.debug(line);
  };
};
