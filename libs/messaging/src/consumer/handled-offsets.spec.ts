import { byTopic, HandledOffsets } from './handled-offsets';

describe('HandledOffsets', () => {
  it('hands over the next offset to read of every partition handled since the last take, once', () => {
    const offsets = new HandledOffsets(100);
    offsets.handled('requests.ticket.v1', 0, '4', 1);
    offsets.handled('requests.ticket.v1', 0, '9', 5);
    offsets.handled('dispatch.assignment.v1', 3, '41', 1);

    expect(offsets.take()).toEqual([
      { topic: 'requests.ticket.v1', partition: 0, offset: '10' },
      { topic: 'dispatch.assignment.v1', partition: 3, offset: '42' },
    ]);
    expect(offsets.take()).toEqual([]);
  });

  it('says when the threshold of handled messages is reached', () => {
    const offsets = new HandledOffsets(3);

    expect(offsets.handled('t', 0, '0', 2)).toBe(false);
    expect(offsets.handled('t', 1, '0', 1)).toBe(true);
    offsets.take();
    expect(offsets.handled('t', 0, '1', 1)).toBe(false);
  });

  it('takes back a failed commit, but never over a newer offset of the partition', () => {
    const offsets = new HandledOffsets(100);
    offsets.handled('t', 0, '4', 1);
    offsets.handled('t', 1, '7', 1);
    const failed = offsets.take();
    offsets.handled('t', 0, '5', 1);

    offsets.restore(failed);

    expect(offsets.take()).toEqual([
      { topic: 't', partition: 0, offset: '6' },
      { topic: 't', partition: 1, offset: '8' },
    ]);
  });

  it('forgets the partitions that moved to another member', () => {
    const offsets = new HandledOffsets(100);
    offsets.handled('my.topic:odd', 0, '4', 1);
    offsets.handled('my.topic:odd', 1, '4', 1);

    offsets.retain({ 'my.topic:odd': [1] });

    expect(offsets.take()).toEqual([{ topic: 'my.topic:odd', partition: 1, offset: '5' }]);
  });

  it('groups offsets by topic for one commit request', () => {
    expect(
      byTopic([
        { topic: 'a', partition: 0, offset: '5' },
        { topic: 'b', partition: 3, offset: '9' },
        { topic: 'a', partition: 2, offset: '7' },
      ]),
    ).toEqual({
      topics: [
        {
          topic: 'a',
          partitions: [
            { partition: 0, offset: '5' },
            { partition: 2, offset: '7' },
          ],
        },
        { topic: 'b', partitions: [{ partition: 3, offset: '9' }] },
      ],
    });
  });
});
