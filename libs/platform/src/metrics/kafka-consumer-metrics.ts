import type { Counter, Gauge, Histogram } from 'prom-client';
import { counterMetric, gaugeMetric, histogramMetric } from './metric-registry';

/** How handling a Kafka message ended. */
export type KafkaHandlingOutcome = 'handled' | 'duplicate' | 'retried' | 'dead-lettered' | 'failed';

/** The Kafka consumer figures libs/messaging records. */
export interface KafkaConsumerMetrics {
  /** Messages handled, by topic, event type and outcome. */
  messagesHandled: Counter<'topic' | 'type' | 'outcome'>;
  /** Time spent handling one message, by topic, event type and outcome. */
  handlingDuration: Histogram<'topic' | 'type' | 'outcome'>;
  /** Messages not yet consumed (high watermark minus committed offset), by group, topic and partition. */
  consumerLag: Gauge<'group' | 'topic' | 'partition'>;
}

/**
 * Registers (once per process) and returns the Kafka consumer metrics, exposed on `/metrics` next to
 * the HTTP ones. The outcome label takes {@link KafkaHandlingOutcome} values.
 */
export function kafkaConsumerMetrics(): KafkaConsumerMetrics {
  return {
    messagesHandled: counterMetric({
      name: 'kafka_consumer_messages_total',
      help: 'Kafka messages handled, by topic, event type and outcome',
      labelNames: ['topic', 'type', 'outcome'],
    }),
    handlingDuration: histogramMetric({
      name: 'kafka_consumer_handling_duration_seconds',
      help: 'Time spent handling one Kafka message in seconds, by topic, event type and outcome',
      labelNames: ['topic', 'type', 'outcome'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    }),
    consumerLag: gaugeMetric({
      name: 'kafka_consumer_lag',
      help: 'Messages behind the partition high watermark, by consumer group, topic and partition',
      labelNames: ['group', 'topic', 'partition'],
    }),
  };
}
