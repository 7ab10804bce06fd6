import type { MessageEvent } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { StoredNotification } from '../../notification/domain/notification';
import type { NotificationReader } from '../../notification/application/notification-reader.port';
import type { LiveFanout, LiveListener } from '../infrastructure/live-fanout';
import { catchUpBackoff, LiveStream } from './live-stream';

const notification = (sequence: number): StoredNotification => ({
  id: `n-${sequence}`,
  recipient: { id: 'resident-1', role: 'resident' },
  sequence,
  kind: 'work_started',
  priority: 'normal',
  params: { ticketNumber: 'LC-1' },
  ticketId: null,
  causedByEventId: `e-${sequence}`,
  causedByEventType: 'work.started',
  createdAt: new Date('2026-03-01T02:00:00Z'),
  readAt: null,
});

/** What node-postgres throws on a query while the server refuses connections (a restart). */
const connectionRefused = () =>
  Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

/**
 * An inbox in memory and a fan-out whose messages the test delivers by hand. While `databaseAway`
 * is set, reading the inbox fails as it does while PostgreSQL restarts.
 */
function harness(stored: number[]) {
  const inbox = stored.map(notification);
  let listener: LiveListener | undefined;
  const database = { away: false as boolean | Error, reads: 0 };
  const notifications = {
    after: async (_m: unknown, _r: string, sequence: number, limit: number) => {
      database.reads += 1;
      if (database.away) throw database.away === true ? connectionRefused() : database.away;
      return inbox.filter((n) => n.sequence > sequence).slice(0, limit);
    },
  } as unknown as NotificationReader;
  const fanout = {
    subscribe: async (_r: string, l: LiveListener) => {
      listener = l;
      return async () => undefined;
    },
  } as unknown as LiveFanout;
  const stream = new LiveStream({ manager: {} } as DataSource, notifications, fanout);
  return {
    stream,
    database,
    commit: (sequence: number) => inbox.push(notification(sequence)),
    announce: (sequence: number) => listener?.(notification(sequence)),
    subscribed: () => listener !== undefined,
  };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await Promise.resolve();
}

/** What a subscriber of the stream saw: the ids sent, and whether it failed or ended. */
function watch(h: ReturnType<typeof harness>, lastSequence: number) {
  const seen = { ids: [] as string[], error: undefined as unknown, completed: false };
  const subscription = h.stream.open('resident-1', lastSequence, 'zh-CN').subscribe({
    next: (event: MessageEvent) => {
      if (event.type === 'notification') seen.ids.push(String(event.id));
    },
    error: (error: unknown) => (seen.error = error),
    complete: () => (seen.completed = true),
  });
  return { seen, close: () => subscription.unsubscribe() };
}

describe('a live stream', () => {
  it('replays what came after Last-Event-ID, then sends live notifications, never one twice', async () => {
    const h = harness([1, 2, 3]);
    const ids: string[] = [];
    const subscription = h.stream
      .open('resident-1', 1, 'zh-CN')
      .subscribe((event: MessageEvent) => ids.push(String(event.id)));
    await settle();
    expect(h.subscribed()).toBe(true);
    // Announced while (or after) the replay read it: dropped as a duplicate.
    h.announce(3);
    h.commit(4);
    h.announce(4);
    await settle();
    expect(ids).toEqual(['2', '3', '4']);
    subscription.unsubscribe();
  });

  it('reads a notification whose announcement was lost before sending the next one', async () => {
    const h = harness([1]);
    const ids: string[] = [];
    const subscription = h.stream
      .open('resident-1', 0, 'en')
      .subscribe((event: MessageEvent) => ids.push(String(event.id)));
    await settle();
    h.commit(2);
    h.commit(3);
    h.announce(3); // 2 was never announced
    await settle();
    expect(ids).toEqual(['1', '2', '3']);
    subscription.unsubscribe();
  });

  it('sends the notification as the inbox shows it, in the reader’s language', async () => {
    const h = harness([1]);
    const events: MessageEvent[] = [];
    const subscription = h.stream
      .open('resident-1', 0, 'en')
      .subscribe((event: MessageEvent) => events.push(event));
    await settle();
    expect(events[0]).toMatchObject({
      id: '1',
      type: 'notification',
      data: { kind: 'work_started', title: 'Work started' },
    });
    subscription.unsubscribe();
  });

  describe('while PostgreSQL restarts', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    it('stays open when a gap must be filled while the database is away, and fills it once it is back', async () => {
      const h = harness([1]);
      const { seen, close } = watch(h, 0);
      await jest.advanceTimersByTimeAsync(0);
      h.database.away = true;
      h.commit(2);
      h.commit(3);
      h.announce(3); // 2's announcement was lost: it must be read from the database, which is away
      await jest.advanceTimersByTimeAsync(2_000);
      expect(h.database.reads).toBeGreaterThan(2);
      expect(seen).toEqual({ ids: ['1'], error: undefined, completed: false });

      h.database.away = false;
      await jest.advanceTimersByTimeAsync(catchUpBackoff.maxMs);
      expect(seen).toEqual({ ids: ['1', '2', '3'], error: undefined, completed: false });
      close();
    });

    it('replays to a stream opened while the database is away once it is back', async () => {
      const h = harness([1, 2]);
      h.database.away = true;
      const { seen, close } = watch(h, 0);
      await jest.advanceTimersByTimeAsync(1_000);
      expect(seen).toEqual({ ids: [], error: undefined, completed: false });
      h.database.away = false;
      await jest.advanceTimersByTimeAsync(catchUpBackoff.maxMs);
      expect(seen.ids).toEqual(['1', '2']);
      close();
    });

    it('stops reading for a stream the client closed while it waited', async () => {
      const h = harness([1]);
      h.database.away = true;
      const { close } = watch(h, 0);
      await jest.advanceTimersByTimeAsync(500);
      close();
      const reads = h.database.reads;
      await jest.advanceTimersByTimeAsync(30_000);
      expect(h.database.reads).toBe(reads);
    });
  });

  it('fails the stream on an error that is no dependency being away', async () => {
    const h = harness([1]);
    h.database.away = new Error('column "sequence" does not exist');
    const { seen, close } = watch(h, 0);
    await settle();
    expect(seen.error).toEqual(h.database.away);
    close();
  });
});
