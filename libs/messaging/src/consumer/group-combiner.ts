import { PartitionGroup, ProcessingOutcome } from './message-processor';

/** Handles groups together: one promise per group, each settling on its own (MessageProcessor.processGroups). */
export type GroupsHandler = (groups: readonly PartitionGroup[]) => Promise<ProcessingOutcome[]>[];

interface Waiting {
  group: PartitionGroup;
  resolve: (outcomes: ProcessingOutcome[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Gathers the partition groups a consumer is handed at the same moment and has them handled together,
 * in one transaction of at most `maxMessages` messages. kafkajs hands the partitions of one fetch to
 * concurrent `eachBatch` calls in the same turn of the event loop, so gathering until the next turn
 * (setImmediate) catches them all without making anyone wait: at low load a fetch holds one partition
 * and its group starts at once, as before. Under load, a fetch across six partitions pays one commit
 * instead of six.
 */
export class GroupCombiner {
  private waiting: Waiting[] = [];

  constructor(
    private readonly handle: GroupsHandler,
    private readonly maxMessages: number,
  ) {}

  /** Handles `group` with whatever other groups arrive in this turn; resolves with its outcomes. */
  submit(group: PartitionGroup): Promise<ProcessingOutcome[]> {
    return new Promise((resolve, reject) => {
      if (this.waiting.length === 0) setImmediate(() => this.release());
      this.waiting.push({ group, resolve, reject });
    });
  }

  private release(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const together of shares(waiting, this.maxMessages)) {
      const outcomes = this.handle(together.map(({ group }) => group));
      together.forEach(({ resolve, reject }, index) => outcomes[index].then(resolve, reject));
    }
  }
}

/** Splits `waiting` into runs of whole groups of at most `maxMessages` messages (a larger group alone). */
function shares(waiting: readonly Waiting[], maxMessages: number): Waiting[][] {
  const runs: Waiting[][] = [];
  let run: Waiting[] = [];
  let size = 0;
  for (const item of waiting) {
    const count = item.group.messages.length;
    if (run.length > 0 && size + count > maxMessages) {
      runs.push(run);
      run = [];
      size = 0;
    }
    run.push(item);
    size += count;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}
