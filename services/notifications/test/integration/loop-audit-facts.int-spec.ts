import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ticketCancelledV1, ticketDispatchedV1, ticketSubmittedV1 } from '@loop/contracts';
import { EventFeed, itGuardsTheAuditFactsEndpoint, TestService, waitFor } from '@loop/testing';
import { aCommunity, anOffer, aSubmittedTicket, at } from './support/loop-fixtures';
import { startNotifications, tokenOf, waitForKind } from './support/notifications-under-test';

describe('the loop auditor asking notifications whether it handled each event and whom it told', () => {
  let service: TestService;
  let feed: EventFeed;
  let admin: string;
  const place = aCommunity();
  const http = () => request(service.app.getHttpServer());
  const factsOf = async (ids: string[]) =>
    (await http().post('/audit/event-notifications').set('Authorization', admin).send({ ids }).expect(200))
      .body as { events: Array<{ eventId: string; handled: boolean; notifications: number }> };
  const factOf = async (eventId: string) => (await factsOf([eventId])).events[0];

  beforeAll(async () => {
    service = await startNotifications();
    feed = await EventFeed.connect(service.namespace.topicPrefix);
    admin = `Bearer ${await tokenOf(service, 'admin-1', 'admin')}`;
  }, 90_000);

  afterAll(async () => {
    await feed?.close();
    await service?.close();
  });

  it('counts the offer to the member and the news to the resident that one dispatch caused', async () => {
    const ticket = aSubmittedTicket(place, 'resident-7');
    await feed.publish(ticketSubmittedV1, ticket);
    const dispatched = await feed.publish(ticketDispatchedV1, anOffer(ticket.ticketId, 'member-7'));
    await waitForKind(service, await tokenOf(service, 'member-7', 'member'), 'offer_received');
    await waitForKind(service, await tokenOf(service, 'resident-7'), 'ticket_dispatched');

    const unknown = randomUUID();
    const { events } = await factsOf([dispatched.eventId, unknown, unknown]);
    expect(events).toHaveLength(2);
    expect(events).toEqual(
      expect.arrayContaining([
        { eventId: dispatched.eventId, handled: true, notifications: 2 },
        { eventId: unknown, handled: false, notifications: 0 },
      ]),
    );
  });

  it('says a cancellation nobody had to hear of was handled, though it told nobody', async () => {
    const ticket = aSubmittedTicket(place, 'resident-8');
    const submitted = await feed.publish(ticketSubmittedV1, ticket);
    await waitFor(async () => (await factOf(submitted.eventId)).handled, {
      description: 'the submission to be handled',
    });
    const cancelled = await feed.publish(ticketCancelledV1, {
      ticketId: ticket.ticketId,
      reasonCode: 'withdrawn',
      cancelledAt: at(),
    });
    const facts = await waitFor(
      async () => {
        const fact = await factOf(cancelled.eventId);
        return fact.handled ? fact : undefined;
      },
      { description: 'the cancellation to be handled' },
    );
    expect(facts).toEqual({ eventId: cancelled.eventId, handled: true, notifications: 0 });
  });

  it('does not count an event still waiting for its ticket as handled until the ticket is known', async () => {
    const ticket = aSubmittedTicket(place, 'resident-9');
    const early = await feed.publish(ticketDispatchedV1, anOffer(ticket.ticketId, 'member-9'));
    const dataSource = service.app.get(DataSource);
    await waitFor(
      async () =>
        (await dataSource.query(`SELECT 1 FROM deferred_event WHERE event_id = $1`, [early.eventId]))
          .length === 1,
      { description: 'the early dispatch to wait for its ticket' },
    );
    expect(await factOf(early.eventId)).toEqual({ eventId: early.eventId, handled: false, notifications: 0 });

    await feed.publish(ticketSubmittedV1, ticket);
    await waitForKind(service, await tokenOf(service, 'resident-9'), 'ticket_dispatched');
    expect(await factOf(early.eventId)).toEqual({ eventId: early.eventId, handled: true, notifications: 2 });
  });

  itGuardsTheAuditFactsEndpoint({
    path: '/audit/event-notifications',
    responseSchema: 'EventNotificationFactsResponseDto',
    service: () => service,
  });
});
