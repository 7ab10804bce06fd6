import request from 'supertest';
import {
  assignmentAcceptedV1,
  assignmentDeclinedV1,
  assignmentExpiredV1,
  assignmentHandedBackV1,
  hoursCreditedV1,
  officialRegisteredV1,
  slaReminderDueV1,
  staffRegisteredV1,
  ticketCancelledV1,
  ticketConfirmedV1,
  ticketDispatchedV1,
  ticketEscalatedV1,
  ticketReopenedV1,
  ticketSubmittedV1,
  workCompletedV1,
  workStartedV1,
} from '@loop/contracts';
import { EventFeed, TestService, waitFor } from '@loop/testing';
import { v7 as uuidv7 } from 'uuid';
import { DataSource as DataSourceToken } from 'typeorm';
import {
  aCommunity,
  aMember,
  anOffer,
  anOfficial,
  aStaffMember,
  aSubmittedTicket,
  at,
} from './support/loop-fixtures';
import { inboxKinds, startNotifications, tokenOf, waitForKind } from './support/notifications-under-test';

describe('notifications from loop events on real Kafka and PostgreSQL', () => {
  let service: TestService;
  let feed: EventFeed;
  const place = aCommunity();
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    service = await startNotifications();
    feed = await EventFeed.connect(service.namespace.topicPrefix);
    for (const [id, role] of [
      ['resident-1', 'resident'],
      ['member-1', 'member'],
      ['staff-1', 'staff'],
      ['secretary-1', 'secretary'],
      ['town-1', 'official'],
      ['county-1', 'official'],
    ] as const) {
      tokens[id] = await tokenOf(service, id, role);
    }
    await feed.publish(staffRegisteredV1, aStaffMember('staff-1', place.communityId));
    await feed.publish(staffRegisteredV1, aStaffMember('secretary-1', place.communityId, 'secretary'));
    await feed.publish(officialRegisteredV1, anOfficial('town-1', place.communityId, 2));
    await feed.publish(officialRegisteredV1, anOfficial('county-1', place.communityId, 3));
    await waitFor(
      async () =>
        Number(
          (await service.app.get(DataSourceToken).query(`SELECT count(*) FROM official_fact`))[0].count,
        ) === 2 &&
        Number((await service.app.get(DataSourceToken).query(`SELECT count(*) FROM staff_fact`))[0].count) ===
          2,
      { description: 'the directory to be known', timeoutMs: 60_000 },
    );
  }, 90_000);

  afterAll(async () => {
    await feed?.close();
    await service?.close();
  });

  it('tells each person their step of a ticket’s whole loop, from submission to a low rating', async () => {
    const ticket = aSubmittedTicket(place, 'resident-1');
    await feed.publish(ticketSubmittedV1, ticket);
    await waitForKind(service, tokens['staff-1'], 'ticket_submitted');
    await waitForKind(service, tokens['secretary-1'], 'ticket_submitted');

    const offer = anOffer(ticket.ticketId, 'member-1');
    await feed.publish(ticketDispatchedV1, offer);
    await waitForKind(service, tokens['member-1'], 'offer_received');
    await waitForKind(service, tokens['resident-1'], 'ticket_dispatched');

    const { assignmentId } = offer;
    const member = aMember('member-1');
    await feed.publish(slaReminderDueV1, {
      ticketId: ticket.ticketId,
      assignmentId,
      deadlineKind: 'accept',
      deadlineAt: offer.offerExpiresAt,
      recipient: { role: 'member', id: 'member-1' },
      dueAt: at(),
    });
    await waitForKind(service, tokens['member-1'], 'deadline_reminder');

    await feed.publish(assignmentAcceptedV1, {
      ticketId: ticket.ticketId,
      assignmentId,
      assignee: member,
      completionDueAt: offer.completionDueAt,
      acceptedAt: at(),
    });
    await waitForKind(service, tokens['resident-1'], 'ticket_accepted');
    await feed.publish(workStartedV1, {
      ticketId: ticket.ticketId,
      assignmentId,
      assignee: member,
      startedAt: at(),
    });
    await waitForKind(service, tokens['resident-1'], 'work_started');

    await feed.publish(ticketEscalatedV1, {
      ticketId: ticket.ticketId,
      assignmentId,
      level: 2,
      reason: 'completion_deadline',
      escalatedTo: { role: 'official', id: 'town-1' },
      escalatedAt: at(),
    });
    await waitForKind(service, tokens['town-1'], 'escalation_raised');
    await waitForKind(service, tokens['resident-1'], 'ticket_escalated');
    await waitForKind(service, tokens['staff-1'], 'escalation_raised');

    await feed.publish(workCompletedV1, {
      ticketId: ticket.ticketId,
      assignmentId,
      assignee: member,
      minutesSpent: 45,
      completedAt: at(),
    });
    await waitForKind(service, tokens['resident-1'], 'work_completed');
    await feed.publish(ticketConfirmedV1, {
      ticketId: ticket.ticketId,
      assignmentId,
      rating: 1,
      auto: false,
      confirmedAt: at(),
    });
    await waitForKind(service, tokens['resident-1'], 'ticket_closed');
    await waitForKind(service, tokens['staff-1'], 'low_rating');

    await feed.publish(ticketReopenedV1, {
      ticketId: ticket.ticketId,
      assignmentId,
      reopenedFrom: 'closed',
      reasonCode: 'not_fixed',
      reopenCount: 1,
      reopenedAt: at(),
    });
    await waitForKind(service, tokens['secretary-1'], 'ticket_reopened');

    expect(await inboxKinds(service, tokens['county-1'])).toEqual([]);
    expect((await inboxKinds(service, tokens['member-1'])).sort()).toEqual([
      'deadline_reminder',
      'offer_received',
    ]);
  }, 90_000);

  it('tells staff about declines, expiries and handbacks, and members about expired and withdrawn offers', async () => {
    const ticket = aSubmittedTicket(place, 'resident-2');
    await feed.publish(ticketSubmittedV1, ticket);
    const member2 = await tokenOf(service, 'member-2', 'member');
    const member3 = await tokenOf(service, 'member-3', 'member');
    const member4 = await tokenOf(service, 'member-4', 'member');

    const first = anOffer(ticket.ticketId, 'member-2');
    await feed.publish(ticketDispatchedV1, first);
    await feed.publish(assignmentDeclinedV1, {
      ticketId: ticket.ticketId,
      assignmentId: first.assignmentId,
      assignee: aMember('member-2'),
      reasonCode: 'busy',
      declinedAt: at(),
    });
    await waitForKind(service, tokens['staff-1'], 'offer_declined');

    const second = anOffer(ticket.ticketId, 'member-3');
    await feed.publish(ticketDispatchedV1, second);
    await feed.publish(assignmentExpiredV1, {
      ticketId: ticket.ticketId,
      assignmentId: second.assignmentId,
      assignee: aMember('member-3'),
      offerExpiresAt: second.offerExpiresAt,
      expiredAt: at(),
    });
    await waitForKind(service, member3, 'offer_expired');
    await waitForKind(service, tokens['staff-1'], 'offer_expired_unaccepted');

    const third = anOffer(ticket.ticketId, 'member-2');
    await feed.publish(ticketDispatchedV1, third);
    await feed.publish(assignmentAcceptedV1, {
      ticketId: ticket.ticketId,
      assignmentId: third.assignmentId,
      assignee: aMember('member-2'),
      completionDueAt: third.completionDueAt,
      acceptedAt: at(),
    });
    await feed.publish(assignmentHandedBackV1, {
      ticketId: ticket.ticketId,
      assignmentId: third.assignmentId,
      assignee: aMember('member-2'),
      reasonCode: 'cannot_complete',
      handedBackAt: at(),
    });
    await waitForKind(service, tokens['staff-1'], 'work_handed_back');

    await feed.publish(ticketDispatchedV1, anOffer(ticket.ticketId, 'member-4'));
    await waitForKind(service, member4, 'offer_received');
    await feed.publish(ticketCancelledV1, {
      ticketId: ticket.ticketId,
      reasonCode: 'withdrawn',
      cancelledAt: at(),
    });
    await waitForKind(service, member4, 'offer_withdrawn');
    expect(await inboxKinds(service, member2)).not.toContain('offer_withdrawn');
  }, 90_000);

  it('tells the resident about an automatic confirmation, and the county leader about a level-3 escalation', async () => {
    const ticket = aSubmittedTicket(place, 'resident-3');
    const resident3 = await tokenOf(service, 'resident-3');
    await feed.publish(ticketSubmittedV1, ticket);
    const offer = anOffer(ticket.ticketId, 'member-5');
    await feed.publish(ticketDispatchedV1, offer);
    await feed.publish(ticketEscalatedV1, {
      ticketId: ticket.ticketId,
      assignmentId: offer.assignmentId,
      level: 3,
      reason: 'accept_deadline',
      escalatedTo: { role: 'official', id: 'county-1' },
      escalatedAt: at(),
    });
    await waitForKind(service, tokens['county-1'], 'escalation_raised');
    await feed.publish(ticketConfirmedV1, {
      ticketId: ticket.ticketId,
      assignmentId: offer.assignmentId,
      rating: null,
      auto: true,
      confirmedAt: at(),
    });
    await waitForKind(service, resident3, 'ticket_auto_confirmed');
  }, 60_000);

  it('holds back a dispatch event that overtook its ticket’s submission until the ticket is known', async () => {
    const ticket = aSubmittedTicket(place, 'resident-early');
    const token = await tokenOf(service, 'resident-early');
    await feed.publish(ticketDispatchedV1, anOffer(ticket.ticketId, 'member-early'));
    await feed.publish(ticketSubmittedV1, ticket);
    expect(await waitForKind(service, token, 'ticket_dispatched')).toEqual(['ticket_dispatched']);
  }, 60_000);

  it('notifies once per event and recipient however often Kafka delivers the event', async () => {
    const ticket = aSubmittedTicket(place, 'resident-4');
    const resident4 = await tokenOf(service, 'resident-4');
    await feed.publish(ticketSubmittedV1, ticket);
    const envelope = await feed.publish(ticketDispatchedV1, anOffer(ticket.ticketId, 'member-6'));
    await Promise.all([feed.send(envelope), feed.send(envelope)]);
    await waitForKind(service, resident4, 'ticket_dispatched');
    // A later event on the same partition proves the repeats ahead of it were consumed.
    await feed.publish(workStartedV1, {
      ticketId: ticket.ticketId,
      assignmentId: envelope.payload.assignmentId,
      assignee: aMember('member-6'),
      startedAt: at(),
    });
    await waitForKind(service, resident4, 'work_started');
    expect(await inboxKinds(service, resident4)).toEqual(['work_started', 'ticket_dispatched']);
    const deliveries = await service.app
      .get(DataSourceToken)
      .query(
        `SELECT channel, count(*)::int AS n FROM delivery WHERE event_id = $1 GROUP BY channel ORDER BY channel`,
        [envelope.eventId],
      );
    expect(deliveries).toEqual([
      { channel: 'inbox', n: 2 },
      { channel: 'live_stream', n: 2 },
    ]);
  }, 60_000);

  it('tells the member once of the minutes credited for a ticket however often Kafka delivers the credit', async () => {
    const ticket = aSubmittedTicket(place, 'resident-hours');
    const memberHours = await tokenOf(service, 'member-hours', 'member');
    await feed.publish(ticketSubmittedV1, ticket);
    const credit = {
      entryId: uuidv7(),
      memberId: 'member-hours',
      minutes: 40,
      source: { kind: 'ticket' as const, id: ticket.ticketId },
      causedByEventId: uuidv7(),
      creditedAt: at(),
    };
    const envelope = await feed.publish(hoursCreditedV1, credit);
    await Promise.all([feed.send(envelope), feed.send(envelope)]);
    await waitForKind(service, memberHours, 'hours_credited');
    // A later credit of the same member (same key, same partition) proves the repeats ahead of it were consumed.
    await feed.publish(hoursCreditedV1, {
      ...credit,
      entryId: uuidv7(),
      minutes: 90,
      source: { kind: 'activity', id: uuidv7() },
      causedByEventId: uuidv7(),
    });
    await waitForKind(service, memberHours, 'activity_hours_credited');
    expect(await inboxKinds(service, memberHours)).toEqual(['activity_hours_credited', 'hours_credited']);
    const inbox = await request(service.app.getHttpServer())
      .get('/me/notifications?limit=10')
      .set('authorization', `Bearer ${memberHours}`)
      .expect(200);
    expect(inbox.body.items[1]).toMatchObject({
      ticketId: ticket.ticketId,
      title: '服务时长已记入',
      body: `服务时长已记入：工单 ${ticket.ticketNumber}，40 分钟。感谢您的服务！`,
    });
    const [row] = await service.app
      .get(DataSourceToken)
      .query(`SELECT count(*)::int AS n FROM notification WHERE caused_by_event_id = $1`, [envelope.eventId]);
    expect(row.n).toBe(1);
  }, 60_000);

  describe('the inbox API', () => {
    const reader = 'resident-5';
    let token: string;

    beforeAll(async () => {
      token = await tokenOf(service, reader);
      const ticket = aSubmittedTicket(place, reader);
      await feed.publish(ticketSubmittedV1, ticket);
      const offer = anOffer(ticket.ticketId, 'member-7');
      await feed.publish(ticketDispatchedV1, offer);
      for (const step of [workStartedV1, workCompletedV1] as const) {
        const payload =
          step === workStartedV1
            ? {
                ticketId: ticket.ticketId,
                assignmentId: offer.assignmentId,
                assignee: aMember('member-7'),
                startedAt: at(),
              }
            : {
                ticketId: ticket.ticketId,
                assignmentId: offer.assignmentId,
                assignee: aMember('member-7'),
                minutesSpent: 10,
                completedAt: at(),
              };
        await feed.publish(step as typeof workStartedV1, payload as never);
      }
      await waitForKind(service, token, 'work_completed');
    }, 60_000);

    const http = () => request(service.app.getHttpServer());

    it('pages newest first with a cursor and renders in the language asked for', async () => {
      const first = await http()
        .get('/me/notifications?limit=2')
        .set('authorization', `Bearer ${token}`)
        .set('accept-language', 'en')
        .expect(200);
      expect(first.body.items.map((i: { kind: string }) => i.kind)).toEqual([
        'work_completed',
        'work_started',
      ]);
      expect(first.body.items[0].title).toBe('Work completed — please confirm');
      expect(first.body.nextCursor).toBe(String(first.body.items[1].sequence));
      const second = await http()
        .get(`/me/notifications?limit=2&cursor=${first.body.nextCursor}`)
        .set('authorization', `Bearer ${token}`)
        .expect(200);
      expect(second.body.items.map((i: { kind: string }) => i.kind)).toEqual(['ticket_dispatched']);
      expect(second.body.items[0].title).toBe('工单已派单');
      expect(second.body.nextCursor).toBeNull();
    });

    it('counts unread, marks one read, then all', async () => {
      const auth = { authorization: `Bearer ${token}` };
      expect((await http().get('/me/notifications/unread-count').set(auth).expect(200)).body).toEqual({
        unread: 3,
      });
      const newest = (await http().get('/me/notifications?limit=1').set(auth).expect(200)).body.items[0];
      await http().post(`/me/notifications/${newest.id}/read`).set(auth).expect(204);
      await http().post(`/me/notifications/${newest.id}/read`).set(auth).expect(204);
      expect((await http().get('/me/notifications/unread-count').set(auth).expect(200)).body).toEqual({
        unread: 2,
      });
      const unread = await http().get('/me/notifications?unreadOnly=true').set(auth).expect(200);
      expect(unread.body.items).toHaveLength(2);
      expect((await http().post('/me/notifications/read-all').set(auth).expect(200)).body).toEqual({
        marked: 2,
      });
      expect((await http().get('/me/notifications/unread-count').set(auth).expect(200)).body).toEqual({
        unread: 0,
      });
    });

    it('answers 404 for someone else’s notification and 400 for a bad cursor or id', async () => {
      const newest = (
        await http().get('/me/notifications?limit=1').set('authorization', `Bearer ${token}`).expect(200)
      ).body.items[0];
      const other = await tokenOf(service, 'resident-nosy');
      const notFound = await http()
        .post(`/me/notifications/${newest.id}/read`)
        .set('authorization', `Bearer ${other}`)
        .expect(404);
      expect(notFound.headers['content-type']).toContain('application/problem+json');
      expect(notFound.body.code).toBe('notification.not-found');
      await http().get('/me/notifications?cursor=abc').set('authorization', `Bearer ${token}`).expect(400);
      await http().get('/me/notifications?limit=1000').set('authorization', `Bearer ${token}`).expect(400);
      await http()
        .post('/me/notifications/not-a-uuid/read')
        .set('authorization', `Bearer ${token}`)
        .expect(400);
    });

    it('refuses anyone without a token', async () => {
      const response = await http().get('/me/notifications').expect(401);
      expect(response.body.code).toBe('auth.token-missing');
    });

    it('publishes one notification.delivered per causing event through the outbox, naming every notification of it', async () => {
      const dataSource = service.app.get(DataSourceToken);
      const facts: Array<{ version: number; cause: string; deliveries: Array<{ notificationId: string }> }> =
        await dataSource.query(
          `SELECT event_version AS version, payload->'payload'->>'causedByEventId' AS cause, payload->'payload'->'deliveries' AS deliveries
             FROM outbox WHERE type = 'notification.delivered'
              AND payload->'payload'->'deliveries' @> jsonb_build_array(jsonb_build_object('recipient', jsonb_build_object('id', $1::text)))`,
          [reader],
        );
      const notifications: Array<{ id: string; cause: string }> = await dataSource.query(
        `SELECT id, caused_by_event_id AS cause FROM notification
          WHERE caused_by_event_id = ANY(SELECT caused_by_event_id FROM notification WHERE recipient_id = $1)`,
        [reader],
      );

      expect(facts).toHaveLength(3);
      expect(facts.every((fact) => fact.version === 2)).toBe(true);
      expect(new Set(facts.map((fact) => fact.cause)).size).toBe(3);
      for (const fact of facts) {
        expect(fact.deliveries.map((delivery) => delivery.notificationId).sort()).toEqual(
          notifications
            .filter((n) => n.cause === fact.cause)
            .map((n) => n.id)
            .sort(),
        );
      }
    });
  });

  it('documents the inbox, stream, preference and delivery routes with examples and problem responses', async () => {
    const response = await request(service.app.getHttpServer()).get('/docs-json').expect(200);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining([
        '/me/notifications',
        '/me/notifications/unread-count',
        '/me/notifications/{id}/read',
        '/me/notifications/read-all',
        '/me/stream',
        '/me/preferences',
        '/me/webhook',
        '/me/deliveries',
        '/deliveries',
      ]),
    );
    const { schemas } = response.body.components;
    expect(schemas.NotificationResponseDto.properties.kind.example).toBe('offer_received');
    expect(schemas.NotificationResponseDto.properties.title.example).toBe('新任务待接单');
    const markRead = response.body.paths['/me/notifications/{id}/read'].post.responses;
    expect(markRead['404'].content['application/problem+json'].schema.$ref).toBe(
      '#/components/schemas/ProblemResponseDto',
    );
  });
});
