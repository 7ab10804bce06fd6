import { PendingOutboxRow, toTopicMessages, withinByteBudget } from './outbox-batch';

function row(sequence: number, topic: string, aggregateId: string): PendingOutboxRow {
  return {
    id: `event-${sequence}`,
    aggregateId,
    topic,
    value: `{"n":${sequence}}`,
    headers: { 'x-event-id': `event-${sequence}` },
    createdAt: new Date(1_700_000_000_000 + sequence),
    sequence: String(sequence),
  };
}

describe('turning outbox rows into produce requests', () => {
  it('keeps the sequence order of each topic, hence of each key', () => {
    const rows = [
      row(1, 'requests.ticket.v1', 't1'),
      row(2, 'dispatch.assignment.v1', 't1'),
      row(3, 'requests.ticket.v1', 't2'),
      row(4, 'requests.ticket.v1', 't1'),
    ];

    const batches = toTopicMessages(rows, (topic) => topic);

    expect(batches.map((batch) => [batch.topic, batch.messages.map((message) => message.value)])).toEqual([
      ['requests.ticket.v1', ['{"n":1}', '{"n":3}', '{"n":4}']],
      ['dispatch.assignment.v1', ['{"n":2}']],
    ]);
  });

  it('keys each message by its aggregate and stamps it with the time the event was recorded', () => {
    const [batch] = toTopicMessages([row(1, 'requests.ticket.v1', 't1')], (topic) => topic);

    expect(batch.messages[0]).toMatchObject({
      key: 't1',
      timestamp: '1700000000001',
      headers: { 'x-event-id': 'event-1' },
    });
  });

  it("publishes to the environment's topic names", () => {
    const [batch] = toTopicMessages([row(1, 'requests.ticket.v1', 't1')], (topic) => `test.suite.${topic}`);

    expect(batch.topic).toBe('test.suite.requests.ticket.v1');
  });
});

describe("keeping a produce request under the broker's size limit", () => {
  const sized = (sequence: number, bytes: number): PendingOutboxRow => ({
    ...row(sequence, 'dispatch.directory.v1', 'k'),
    value: 'x'.repeat(bytes - 1),
  });

  it('takes the leading rows that fit the budget, in order', () => {
    const rows = [sized(1, 400), sized(2, 400), sized(3, 400)];
    expect(withinByteBudget(rows, 1_000).map((r) => r.sequence)).toEqual(['1', '2']);
  });

  it('takes a single row larger than the budget on its own rather than none', () => {
    const rows = [sized(1, 5_000), sized(2, 10)];
    expect(withinByteBudget(rows, 1_000).map((r) => r.sequence)).toEqual(['1']);
  });

  it('takes every row when all fit', () => {
    const rows = [sized(1, 10), sized(2, 10)];
    expect(withinByteBudget(rows, 1_000)).toHaveLength(2);
  });
});
