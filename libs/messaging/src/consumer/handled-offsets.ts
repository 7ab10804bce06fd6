/** A partition's next offset to read: one past the last message handled to a durable outcome. */
export interface PartitionOffset {
  topic: string;
  partition: number;
  offset: string;
}

/**
 * The offsets of messages handled and not yet committed, so that a consumer commits them every
 * interval or every `threshold` messages, all partitions in one request. (kafkajs' own auto-commit
 * would commit after every partition batch: one broker request per batch, most of them of a single
 * message at moderate load.) Committing late is safe: a message handled again after a crash or a
 * rebalance is a duplicate the inbox recognises.
 */
export class HandledOffsets {
  private pending = new Map<string, PartitionOffset>();
  /** The newest offset handled per partition, so a failed commit never takes a partition back. */
  private readonly newest = new Map<string, string>();
  private handledSinceTaken = 0;

  constructor(private readonly threshold: number) {}

  /** Records `count` messages handled up to `lastOffset`; true once `threshold` have been since the last take. */
  handled(topic: string, partition: number, lastOffset: string, count: number): boolean {
    const key = `${topic}:${partition}`;
    const offset = (BigInt(lastOffset) + 1n).toString();
    this.pending.set(key, { topic, partition, offset });
    this.newest.set(key, offset);
    this.handledSinceTaken += count;
    return this.handledSinceTaken >= this.threshold;
  }

  /** Forgets the partitions not in `assignment` (topic → partitions): their new owner commits them now. */
  retain(assignment: Readonly<Record<string, readonly number[]>>): void {
    for (const map of [this.pending, this.newest]) {
      for (const key of map.keys()) {
        const [topic, partition] = splitKey(key);
        if (!assignment[topic]?.includes(partition)) map.delete(key);
      }
    }
  }

  /** The offsets to commit now, handed over: give them back with `restore` if the commit fails. */
  take(): PartitionOffset[] {
    const offsets = [...this.pending.values()];
    this.pending = new Map();
    this.handledSinceTaken = 0;
    return offsets;
  }

  /** Takes back offsets whose commit failed, unless a newer one of the partition was handled since. */
  restore(offsets: readonly PartitionOffset[]): void {
    for (const entry of offsets) {
      const key = `${entry.topic}:${entry.partition}`;
      if (this.newest.get(key) === entry.offset && !this.pending.has(key)) this.pending.set(key, entry);
    }
  }
}

/** Offsets as a kafkajs commit takes them: partitions grouped by topic. */
export function byTopic(offsets: readonly PartitionOffset[]): {
  topics: Array<{ topic: string; partitions: Array<{ partition: number; offset: string }> }>;
} {
  const topics = new Map<string, Array<{ partition: number; offset: string }>>();
  for (const { topic, partition, offset } of offsets) {
    topics.set(topic, [...(topics.get(topic) ?? []), { partition, offset }]);
  }
  return { topics: [...topics].map(([topic, partitions]) => ({ topic, partitions })) };
}

function splitKey(key: string): [string, number] {
  const separator = key.lastIndexOf(':');
  return [key.slice(0, separator), Number(key.slice(separator + 1))];
}
