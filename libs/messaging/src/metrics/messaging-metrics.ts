import {
  counterMetric,
  gaugeMetric,
  histogramMetric,
  kafkaConsumerMetrics,
  KafkaConsumerMetrics,
  withTimeout,
} from '@loop/platform';
import { Counter, Gauge, Histogram } from 'prom-client';

/** Samples the outbox backlog of one service on a scrape. */
export type OutboxBacklogProbe = () => Promise<{ pending: number; oldestPendingAgeSeconds: number }>;

// Process-wide, like the metrics themselves: a scrape samples every service database this process
// relays for (one in a service, several in a test process).
const backlogProbes = new Map<string, OutboxBacklogProbe>();

/** The outbox relay's metrics (registered once per process on the default registry). */
export interface OutboxMetrics {
  /** Outbox rows not yet acknowledged by Kafka, sampled on scrape. */
  pending: Gauge<'service'>;
  /** Age of the oldest unpublished row: the alerting signal for a stuck relay, sampled on scrape. */
  oldestPendingAge: Gauge<'service'>;
  /** From the outbox insert to the broker's acknowledgement. */
  publishLatency: Histogram<'service' | 'topic'>;
  /** Events the relay published. */
  published: Counter<'service' | 'topic'>;
  /** 1 on the replica whose relay holds the service's relay lock, 0 elsewhere. */
  relayLeader: Gauge<'service'>;
}

/** The metrics of the event backbone: the outbox relay's and the consumers'. */
export interface MessagingMetrics {
  outbox: OutboxMetrics;
  /** Handled messages by outcome, handling duration and consumer lag (shared with libs/platform). */
  consumer: KafkaConsumerMetrics;
  /** Messages sent to a dead-letter topic, by reason. */
  deadLetters: Counter<'group' | 'topic' | 'reason'>;
}

/** The backbone's metrics, created on first use and shared by every relay and consumer of the process. */
export function messagingMetrics(): MessagingMetrics {
  return {
    outbox: {
      pending: gaugeMetric({
        name: 'messaging_outbox_pending_events',
        help: 'Outbox rows not yet acknowledged by Kafka',
        labelNames: ['service'],
        collect: sampleBacklogs,
      }),
      oldestPendingAge: gaugeMetric({
        name: 'messaging_outbox_oldest_pending_age_seconds',
        help: 'Age in seconds of the oldest unpublished outbox row (0 when none is pending)',
        labelNames: ['service'],
        collect: sampleBacklogs,
      }),
      publishLatency: histogramMetric({
        name: 'messaging_outbox_publish_latency_seconds',
        help: 'Seconds from the outbox insert to the Kafka acknowledgement',
        labelNames: ['service', 'topic'],
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      }),
      published: counterMetric({
        name: 'messaging_outbox_published_events_total',
        help: 'Events the outbox relay published',
        labelNames: ['service', 'topic'],
      }),
      relayLeader: gaugeMetric({
        name: 'messaging_outbox_relay_leader',
        help: '1 when this replica runs the active outbox relay of its service',
        labelNames: ['service'],
      }),
    },
    consumer: kafkaConsumerMetrics(),
    deadLetters: counterMetric({
      name: 'messaging_dead_letters_total',
      help: 'Messages a consumer group sent to a dead-letter topic, by reason',
      labelNames: ['group', 'topic', 'reason'],
    }),
  };
}

/** Makes every scrape sample the outbox backlog of `service` through `probe`; returns the undo. */
export function watchOutboxBacklog(service: string, probe: OutboxBacklogProbe): () => void {
  backlogProbes.set(service, probe);
  return () => {
    if (backlogProbes.get(service) === probe) backlogProbes.delete(service);
  };
}

let sampling: Promise<void> | undefined;

// The backlog is read on scrape, not pushed by the relay, so every replica reports the current figure
// — including while no relay runs at all, which is exactly when it matters. Both gauges collect
// concurrently during one scrape; they share a single sampling of the databases.
function sampleBacklogs(): Promise<void> {
  sampling ??= sampleAll().finally(() => (sampling = undefined));
  return sampling;
}

/**
 * How long a scrape waits for the backlog query. An overloaded service's connection pool may keep the
 * query waiting; the scrape then reports the previous figure rather than time out exactly when it matters.
 */
export const backlogSampleTimeoutMs = 2_000;

async function sampleAll(): Promise<void> {
  const { pending, oldestPendingAge } = messagingMetrics().outbox;
  await Promise.all(
    [...backlogProbes].map(async ([service, probe]) => {
      try {
        const backlog = await withTimeout(probe(), backlogSampleTimeoutMs, 'backlog sample timed out');
        pending.set({ service }, backlog.pending);
        oldestPendingAge.set({ service }, backlog.oldestPendingAgeSeconds);
      } catch {
        // An unreachable or saturated database must not fail or stall the scrape: the gauges keep their
        // last figure, and the readiness check reports an unreachable database.
      }
    }),
  );
}
