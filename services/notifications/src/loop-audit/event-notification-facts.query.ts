// The loop auditor's view of notifications: how many inbox entries each event caused — one set-based
// query for a whole batch.
import { Injectable } from '@nestjs/common';
import type { EventNotificationFacts } from '@loop/contracts';
import { DataSource } from 'typeorm';

interface EventNotificationsRow {
  event_id: string;
  notifications: number;
}

/** Reads the facts the loop auditor reconciles about the notifications events caused. */
@Injectable()
export class EventNotificationFactsQuery {
  constructor(private readonly dataSource: DataSource) {}

  /** One entry per distinct event in `eventIds`, 0 when it caused no notification. */
  async factsOf(eventIds: readonly string[]): Promise<EventNotificationFacts[]> {
    const rows: EventNotificationsRow[] = await this.dataSource.query(
      `SELECT requested.id AS event_id, count(n.id)::int AS notifications
         FROM (SELECT DISTINCT unnest($1::uuid[]) AS id) requested
         LEFT JOIN notification n ON n.caused_by_event_id = requested.id
        GROUP BY requested.id
        ORDER BY requested.id`,
      [eventIds],
    );
    return rows.map((row) => ({ eventId: row.event_id, notifications: row.notifications }));
  }
}
