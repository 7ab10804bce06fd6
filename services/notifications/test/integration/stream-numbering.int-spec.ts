import { TestService } from '@loop/testing';
import { v7 as uuidv7 } from 'uuid';
import { DataSource, QueryRunner } from 'typeorm';
import type { ActorRole } from '@loop/contracts';
import {
  NewNotification,
  NotificationsRepository,
} from '../../src/notification/infrastructure/notifications.typeorm-repository';
import { startNotifications } from './support/notifications-under-test';

describe('numbering each person’s stream when concurrent transactions notify the same people', () => {
  let service: TestService;
  let dataSource: DataSource;
  let notifications: NotificationsRepository;

  beforeAll(async () => {
    service = await startNotifications();
    dataSource = service.app.get(DataSource);
    notifications = service.app.get(NotificationsRepository);
  });

  afterAll(async () => {
    await service?.close();
  });

  /** A notification of `recipientId` with the inbox delivery, as the rules would ask for it. */
  function aNotification(recipientId: string, role: ActorRole): NewNotification {
    return {
      id: uuidv7(),
      intent: {
        recipient: { id: recipientId, role },
        kind: 'ticket_submitted',
        priority: 'normal',
        params: { ticketNumber: 'LC-T0001' },
        ticketId: uuidv7(),
      },
      deliveries: [
        {
          id: uuidv7(),
          channel: 'inbox',
          status: 'delivered',
          nextAttemptAt: new Date(),
          heldByQuietHours: false,
        },
      ],
    };
  }

  /** Records one event's notifications in the transaction of `runner`; returns the event id. */
  async function recordEvent(runner: QueryRunner, recipients: NewNotification[]): Promise<string> {
    const eventId = uuidv7();
    await notifications.recordAll(
      runner.manager,
      { eventId, eventType: 'ticket.submitted', createdAt: new Date() },
      recipients,
    );
    return eventId;
  }

  async function openTransaction(): Promise<QueryRunner> {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    return runner;
  }

  async function sequencesOf(recipientId: string): Promise<Array<{ event: string; sequence: number }>> {
    const rows: Array<{ caused_by_event_id: string; sequence: string }> = await dataSource.query(
      `SELECT caused_by_event_id, sequence FROM notification WHERE recipient_id = $1 ORDER BY sequence`,
      [recipientId],
    );
    return rows.map((row) => ({ event: row.caused_by_event_id, sequence: Number(row.sequence) }));
  }

  it('lets two transactions that notify a staff member and a resident in opposite orders both commit, with gap-free streams', async () => {
    const staff = `staff-${uuidv7()}`;
    const resident = `resident-${uuidv7()}`;
    const first = await openTransaction();
    const second = await openTransaction();
    try {
      // Interleaved so that, were a stream row locked when its notification is recorded, each
      // transaction would end up waiting for the other.
      await recordEvent(first, [aNotification(staff, 'staff')]);
      await recordEvent(second, [aNotification(resident, 'resident')]);
      await recordEvent(first, [aNotification(resident, 'resident')]);
      await recordEvent(second, [aNotification(staff, 'staff')]);

      const outcomes = await Promise.allSettled([first.commitTransaction(), second.commitTransaction()]);

      expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled']);
      expect((await sequencesOf(staff)).map((row) => row.sequence)).toEqual([1, 2]);
      expect((await sequencesOf(resident)).map((row) => row.sequence)).toEqual([1, 2]);
    } finally {
      await first.release();
      await second.release();
    }
  });

  it('numbers one person’s notifications in the order their transaction recorded them, after what committed before', async () => {
    const member = `member-${uuidv7()}`;
    const earlier = await openTransaction();
    const earlierEvent = await recordEvent(earlier, [aNotification(member, 'member')]);
    await earlier.commitTransaction();
    await earlier.release();

    const group = await openTransaction();
    const events: string[] = [];
    for (let index = 0; index < 3; index += 1)
      events.push(await recordEvent(group, [aNotification(member, 'member')]));
    await group.commitTransaction();
    await group.release();

    expect(await sequencesOf(member)).toEqual([
      { event: earlierEvent, sequence: 1 },
      { event: events[0], sequence: 2 },
      { event: events[1], sequence: 3 },
      { event: events[2], sequence: 4 },
    ]);
  });

  it('takes no number for a transaction that rolls back, so the stream keeps no gap', async () => {
    const resident = `resident-${uuidv7()}`;
    const abandoned = await openTransaction();
    await recordEvent(abandoned, [aNotification(resident, 'resident')]);
    await abandoned.rollbackTransaction();
    await abandoned.release();

    const kept = await openTransaction();
    const keptEvent = await recordEvent(kept, [aNotification(resident, 'resident')]);
    await kept.commitTransaction();
    await kept.release();

    expect(await sequencesOf(resident)).toEqual([{ event: keptEvent, sequence: 1 }]);
  });

  it('stores a recipient an event already notified no second time', async () => {
    const staff = `staff-${uuidv7()}`;
    const eventId = uuidv7();
    const cause = { eventId, eventType: 'ticket.submitted', createdAt: new Date() };
    const stored = await dataSource.transaction((manager) =>
      notifications.recordAll(manager, cause, [aNotification(staff, 'staff')]),
    );
    const again = await dataSource.transaction((manager) =>
      notifications.recordAll(manager, cause, [aNotification(staff, 'staff')]),
    );

    expect(stored.size).toBe(1);
    expect(again.size).toBe(0);
    expect(await sequencesOf(staff)).toEqual([{ event: eventId, sequence: 1 }]);
    const [{ count }]: Array<{ count: string }> = await dataSource.query(
      `SELECT count(*) AS count FROM delivery WHERE event_id = $1`,
      [eventId],
    );
    expect(Number(count)).toBe(1);
  });
});
