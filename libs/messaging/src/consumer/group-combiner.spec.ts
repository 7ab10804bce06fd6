import { ConsumedMessage } from './consumed-message';
import { GroupCombiner } from './group-combiner';
import { PartitionControl, PartitionGroup, ProcessingOutcome } from './message-processor';

const noWait: PartitionControl = { waitAlive: async () => undefined };

function groupOf(partition: number, size: number): PartitionGroup {
  const messages = Array.from(
    { length: size },
    (_, offset): ConsumedMessage => ({
      topic: 'requests.ticket.v1',
      partition,
      offset: String(offset),
      key: null,
      value: null,
      headers: {},
      timestamp: '0',
    }),
  );
  return { messages, control: noWait };
}

/** Records which groups were handled together and answers each message 'handled'. */
function recordingHandler() {
  const calls: number[][] = [];
  const handle = (groups: readonly PartitionGroup[]) => {
    calls.push(groups.map((group) => group.messages[0].partition));
    return groups.map(async (group) => group.messages.map((): ProcessingOutcome => 'handled'));
  };
  return { calls, handle };
}

describe('GroupCombiner', () => {
  it('handles the groups submitted in one turn together, and each caller gets its own outcomes', async () => {
    const { calls, handle } = recordingHandler();
    const combiner = new GroupCombiner(handle, 50);

    const outcomes = await Promise.all([
      combiner.submit(groupOf(0, 2)),
      combiner.submit(groupOf(1, 1)),
      combiner.submit(groupOf(2, 3)),
    ]);

    expect(calls).toEqual([[0, 1, 2]]);
    expect(outcomes.map((group) => group.length)).toEqual([2, 1, 3]);
  });

  it('starts a group submitted alone without waiting for company', async () => {
    const { calls, handle } = recordingHandler();
    const combiner = new GroupCombiner(handle, 50);

    await combiner.submit(groupOf(0, 1));
    await combiner.submit(groupOf(1, 1));

    expect(calls).toEqual([[0], [1]]);
  });

  it('keeps every transaction within the message limit, never splitting a group', async () => {
    const { calls, handle } = recordingHandler();
    const combiner = new GroupCombiner(handle, 4);

    await Promise.all([
      combiner.submit(groupOf(0, 3)),
      combiner.submit(groupOf(1, 1)),
      combiner.submit(groupOf(2, 2)),
      combiner.submit(groupOf(3, 5)),
    ]);

    expect(calls).toEqual([[0, 1], [2], [3]]);
  });

  it('rejects only the caller whose group failed', async () => {
    const combiner = new GroupCombiner(
      (groups) =>
        groups.map(async (group) => {
          if (group.messages[0].partition === 1) throw new Error('partition 1 was lost');
          return ['handled' as const];
        }),
      50,
    );

    const settled = await Promise.allSettled([
      combiner.submit(groupOf(0, 1)),
      combiner.submit(groupOf(1, 1)),
    ]);

    expect(settled.map((result) => result.status)).toEqual(['fulfilled', 'rejected']);
  });
});
