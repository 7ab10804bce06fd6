import { DeadLetterHeaders } from '@loop/contracts';
import { ConsumedMessage, headersAsText } from './consumed-message';
import { deadLetterRecord, replayRecord, truncatedDetails } from './dead-letter-record';

const message: ConsumedMessage = {
  topic: 'requests.ticket.v1',
  partition: 7,
  offset: '42',
  key: Buffer.from('ticket-1'),
  value: Buffer.from('{"not":"an envelope"}'),
  headers: { 'x-correlation-id': Buffer.from('corr-1'), 'x-event-type': Buffer.from('ticket.submitted') },
  timestamp: '1700000000000',
};

const cause = {
  reason: 'invalid_envelope' as const,
  details: ['eventId: eventId must be a UUID'],
  consumerGroup: 'dispatch',
  attempts: 0,
  failedAt: new Date('2025-03-01T02:00:00.000Z'),
};

describe('dead-letter records', () => {
  it("park the original key, value and headers on the topic's dead-letter topic", () => {
    const record = deadLetterRecord(message, cause);

    expect(record.topic).toBe('requests.ticket.v1.dlq');
    expect(record.message.key).toBe(message.key);
    expect(record.message.value).toBe(message.value);
    expect(record.message.headers).toMatchObject({
      'x-correlation-id': 'corr-1',
      'x-event-type': 'ticket.submitted',
    });
  });

  it('say why, where from and by which group the record was parked', () => {
    const headers = deadLetterRecord(message, cause).message.headers;

    expect(headers).toMatchObject({
      [DeadLetterHeaders.reason]: 'invalid_envelope',
      [DeadLetterHeaders.details]: JSON.stringify(cause.details),
      [DeadLetterHeaders.originalTopic]: 'requests.ticket.v1',
      [DeadLetterHeaders.originalPartition]: '7',
      [DeadLetterHeaders.originalOffset]: '42',
      [DeadLetterHeaders.failedAt]: '2025-03-01T02:00:00.000Z',
      [DeadLetterHeaders.consumerGroup]: 'dispatch',
      [DeadLetterHeaders.attempts]: '0',
    });
  });

  it('replace the reasons of an earlier parking when a replayed record is parked again', () => {
    const first = deadLetterRecord(message, cause);
    const again = deadLetterRecord(
      { ...message, headers: first.message.headers as ConsumedMessage['headers'] },
      { ...cause, reason: 'handler_failed', attempts: 1 },
    );

    expect(again.message.headers).toMatchObject({
      [DeadLetterHeaders.reason]: 'handler_failed',
      [DeadLetterHeaders.attempts]: '1',
    });
  });

  it('keep the details header small by dropping lines from the end', () => {
    const details = Array.from({ length: 500 }, (_, i) => `payload.field${i}: must be a string`);
    const header = truncatedDetails(details);

    expect(Buffer.byteLength(header)).toBeLessThanOrEqual(4_096);
    expect(JSON.parse(header)).toEqual(expect.arrayContaining([details[0], '…']));
  });

  it('replay to the original topic with the original headers only', () => {
    const parked = deadLetterRecord(message, cause);
    const replay = replayRecord({
      key: parked.message.key as Buffer,
      value: parked.message.value as Buffer,
      headers: parked.message.headers as ConsumedMessage['headers'],
    });

    expect(replay.topic).toBe('requests.ticket.v1');
    expect(replay.message.value).toBe(message.value);
    expect(replay.message.headers).toEqual(headersAsText(message.headers));
  });

  it('refuse to replay a record that does not say where it came from', () => {
    expect(() => replayRecord({ key: null, value: Buffer.from('{}'), headers: {} })).toThrow(
      /x-dlq-original-topic/,
    );
  });
});
