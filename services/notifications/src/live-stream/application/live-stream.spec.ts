import type { MessageEvent } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { StoredNotification } from '../../notification/domain/notification';
import type { NotificationsRepository } from '../../notification/infrastructure/notifications.typeorm-repository';
import type { LiveFanout, LiveListener } from '../infrastructure/live-fanout';
import { LiveStream } from './live-stream';

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

/** An inbox in memory and a fan-out whose messages the test delivers by hand. */
function harness(stored: number[]) {
  const inbox = stored.map(notification);
  let listener: LiveListener | undefined;
  const notifications = {
    after: async (_m: unknown, _r: string, sequence: number, limit: number) =>
      inbox.filter((n) => n.sequence > sequence).slice(0, limit),
  } as unknown as NotificationsRepository;
  const fanout = {
    subscribe: async (_r: string, l: LiveListener) => {
      listener = l;
      return async () => undefined;
    },
  } as unknown as LiveFanout;
  const stream = new LiveStream({ manager: {} } as DataSource, notifications, fanout);
  return {
    stream,
    commit: (sequence: number) => inbox.push(notification(sequence)),
    announce: (sequence: number) => listener?.(notification(sequence)),
    subscribed: () => listener !== undefined,
  };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await Promise.resolve();
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
});
