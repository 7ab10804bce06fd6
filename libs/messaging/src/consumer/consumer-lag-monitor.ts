import { LoggerService } from '@nestjs/common';
import { Admin } from 'kafkajs';
import { Gauge } from 'prom-client';

/** Lag of one partition: messages beyond the group's committed offset. */
export interface PartitionLag {
  topic: string;
  partition: number;
  lag: number;
}

/**
 * The lag of a consumer group on its topics, from the broker's view: high watermark minus committed
 * offset (the whole partition when the group has not committed yet). Pure arithmetic over two admin
 * calls, so it also works for a stopped group — which is when lag matters most.
 */
export async function measureConsumerLag(
  admin: Admin,
  groupId: string,
  topics: readonly string[],
): Promise<PartitionLag[]> {
  const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
  const lags: PartitionLag[] = [];
  for (const { topic, partitions } of committed) {
    const ends = await admin.fetchTopicOffsets(topic);
    for (const end of ends) {
      const offset = partitions.find((partition) => partition.partition === end.partition)?.offset ?? '-1';
      // -1: nothing committed; the group will start at the low watermark.
      const from = BigInt(offset) < 0n ? BigInt(end.low) : BigInt(offset);
      const lag = BigInt(end.high) - from;
      lags.push({ topic, partition: end.partition, lag: Number(lag > 0n ? lag : 0n) });
    }
  }
  return lags;
}

/** Publishes a group's lag on the consumer-lag gauge at a fixed interval while running. */
export class ConsumerLagMonitor {
  private timer: NodeJS.Timeout | undefined;
  private sampling: Promise<void> | undefined;

  constructor(
    private readonly admin: Admin,
    private readonly groupId: string,
    private readonly topics: readonly string[],
    private readonly gauge: Gauge<'group' | 'topic' | 'partition'>,
    private readonly intervalMs: number,
    private readonly logger: LoggerService,
  ) {}

  /** Samples now and then every interval. */
  start(): void {
    if (this.timer) return;
    void this.sample();
    this.timer = setInterval(() => void this.sample(), this.intervalMs);
    this.timer.unref();
  }

  /** Stops sampling and waits for a sample in progress. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.sampling;
  }

  private async sample(): Promise<void> {
    if (this.sampling) return;
    this.sampling = measureConsumerLag(this.admin, this.groupId, this.topics)
      .then((lags) => {
        for (const { topic, partition, lag } of lags)
          this.gauge.set({ group: this.groupId, topic, partition: String(partition) }, lag);
      })
      .catch((error: unknown) =>
        this.logger.warn(
          `could not measure the lag of ${this.groupId}: ${error instanceof Error ? error.message : String(error)}`,
        ),
      )
      .finally(() => (this.sampling = undefined));
    await this.sampling;
  }
}
