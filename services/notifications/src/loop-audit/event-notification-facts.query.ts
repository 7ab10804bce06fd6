// The loop auditor's view of notifications: whether each event was handled and how many inbox entries it
// caused — one set-based query for a whole batch.
import { Injectable } from '@nestjs/common';
import type { EventNotificationFacts } from '@loop/contracts';
import { consumerGroupFrom, parkedEvents } from '@loop/messaging';
import { DataSource } from 'typeorm';
import { NotificationsConfig } from '../config/notifications.config';

interface EventNotificationsRow {
  event_id: string;
  handled: boolean;
  notifications: number;
}

/** The consumer group whose inbox records the events this service handled, as the messaging backbone names it. */
export function notificationsConsumerGroup(config: NotificationsConfig): string {
  return consumerGroupFrom(config, 'notifications');
}

/** Reads the facts the loop auditor reconciles about the events notifications consumed. */
@Injectable()
export class EventNotificationFactsQuery {
  private readonly consumerGroup: string;

  constructor(
    private readonly dataSource: DataSource,
    config: NotificationsConfig,
  ) {
    this.consumerGroup = notificationsConsumerGroup(config);
  }

  /**
   * One entry per distinct event in `eventIds`, with where it is parked when it was dead-lettered and
   * not handled since. An event is handled when the consumer's inbox holds it
   * (looked up by the inbox's primary key, consumer group first) and it is not waiting in
   * `deferred_event` for its ticket: only then have the rules decided whom to tell, perhaps nobody.
   */
  async factsOf(eventIds: readonly string[]): Promise<EventNotificationFacts[]> {
    const rows: EventNotificationsRow[] = await this.dataSource.query(
      `SELECT requested.id AS event_id,
              EXISTS (SELECT 1 FROM inbox i WHERE i.consumer_group = $2 AND i.event_id = requested.id)
                AND NOT EXISTS (SELECT 1 FROM deferred_event d WHERE d.event_id = requested.id) AS handled,
              (SELECT count(*) FROM notification n WHERE n.caused_by_event_id = requested.id)::int AS notifications
         FROM (SELECT DISTINCT unnest($1::uuid[]) AS id) requested
        ORDER BY requested.id`,
      [eventIds, this.consumerGroup],
    );
    const unhandled = rows.filter((row) => !row.handled).map((row) => row.event_id);
    const parked = new Map(
      (await parkedEvents(this.dataSource, this.consumerGroup, { eventIds: unhandled })).map((event) => [
        event.eventId,
        event,
      ]),
    );
    return rows.map((row) => {
      const parkedEvent = parked.get(row.event_id);
      return {
        eventId: row.event_id,
        handled: row.handled,
        notifications: row.notifications,
        ...(parkedEvent && { parked: parkedEvent }),
      };
    });
  }
}
