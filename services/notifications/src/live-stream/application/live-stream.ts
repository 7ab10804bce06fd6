import { Injectable, MessageEvent } from '@nestjs/common';
import { dependencyFailureOf, exponentialBackoffMs, gaugeMetric } from '@loop/platform';
import { DataSource } from 'typeorm';
import { Observable } from 'rxjs';
import { NotificationReader } from '../../notification/application/notification-reader.port';
import type { StoredNotification } from '../../notification/domain/notification';
import type { NotificationLanguage } from '../../notification/domain/templates';
import { NotificationResponseDto } from '../../shared/notification.response.dto';
import { LiveFanout } from '../infrastructure/live-fanout';

const replayPageSize = 200;

const openStreams = () =>
  gaugeMetric({ name: 'notification_live_streams', help: 'Server-Sent Event streams open on this replica' });
/** Keeps proxies from closing an idle stream. */
export const heartbeatIntervalMs = 25_000;
/**
 * Pauses between reads while PostgreSQL is away (a restart): short at first, then every few seconds.
 * The stream stays open meanwhile — ending it would send EventSource back to a service that answers
 * 503, which EventSource takes as final — and carries on from its last sequence once the read works.
 */
export const catchUpBackoff = { initialMs: 200, maxMs: 5_000 };

/**
 * One person's live stream, resumable without gaps or duplicates. It subscribes to the person's Redis
 * channel first and only then reads what came after `lastSequence` from PostgreSQL, so a notification
 * committed meanwhile is seen by one path or the other; every event is sent in sequence order and at
 * most once (anything at or below the last sent sequence is dropped), and a jump in the sequence — a
 * message pub/sub lost — is filled from PostgreSQL before going on. A read that finds PostgreSQL away
 * (a restart) is tried again until it works, with the stream left open.
 */
@Injectable()
export class LiveStream {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationReader,
    private readonly fanout: LiveFanout,
  ) {}

  /** The SSE events of `recipientId`'s notifications after `lastSequence`, then live ones. */
  open(recipientId: string, lastSequence: number, language: NotificationLanguage): Observable<MessageEvent> {
    return new Observable<MessageEvent>((subscriber) => {
      openStreams().inc();
      let lastSent = lastSequence;
      let closed = false;
      let unsubscribe: (() => Promise<void>) | undefined;
      // All work runs one step at a time, in order: replay pages and live messages never interleave.
      let chain: Promise<void> = Promise.resolve();
      const enqueue = (work: () => Promise<void>) => {
        chain = chain.then(work).catch((error: unknown) => {
          if (!closed) subscriber.error(error);
        });
      };
      const send = (notification: StoredNotification) => {
        if (closed || notification.sequence <= lastSent) return;
        subscriber.next({
          id: String(notification.sequence),
          type: 'notification',
          data: NotificationResponseDto.from(notification, language),
        });
        lastSent = notification.sequence;
      };
      const readAfterLastSent = async (): Promise<StoredNotification[]> => {
        for (let failedReads = 1; ; failedReads++) {
          try {
            return await this.notifications.after(
              this.dataSource.manager,
              recipientId,
              lastSent,
              replayPageSize,
            );
          } catch (error) {
            if (closed || !dependencyFailureOf(error)) throw error;
            await pause(exponentialBackoffMs(failedReads, catchUpBackoff));
            if (closed) return [];
          }
        }
      };
      const catchUp = async () => {
        for (;;) {
          if (closed) return;
          const page = await readAfterLastSent();
          page.forEach(send);
          if (page.length < replayPageSize) return;
        }
      };
      const onLive = (notification: StoredNotification) =>
        enqueue(async () => {
          if (notification.sequence === lastSent + 1) send(notification);
          else if (notification.sequence > lastSent) await catchUp();
        });

      enqueue(async () => {
        const stop = await this.fanout.subscribe(recipientId, onLive);
        if (closed) return void (await stop());
        unsubscribe = stop;
        await catchUp();
      });
      // The heartbeat repeats the last id: Nest would number an event without one, and EventSource
      // would then resume from a wrong Last-Event-ID.
      const heartbeat = setInterval(() => {
        if (!closed) subscriber.next({ id: String(lastSent), type: 'heartbeat', data: '' });
      }, heartbeatIntervalMs);
      return () => {
        openStreams().dec();
        closed = true;
        clearInterval(heartbeat);
        void unsubscribe?.();
      };
    });
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
