import request from 'supertest';
import {
  assignmentAcceptedV1,
  ticketConfirmedV1,
  ticketDispatchedV1,
  ticketMergedV1,
  ticketSubmittedV1,
  ticketUnmergedV1,
  TicketSubmittedV1,
} from '@loop/contracts';
import { EventFeed, TestService } from '@loop/testing';
import { DataSource as DataSourceToken } from 'typeorm';
import { aCommunity, aMember, anOffer, aSubmittedTicket, at } from './support/loop-fixtures';
import { inboxKinds, startNotifications, tokenOf, waitForKind } from './support/notifications-under-test';

describe('the residents of merged duplicates hear their master’s steps', () => {
  let service: TestService;
  let feed: EventFeed;
  const place = aCommunity();
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    service = await startNotifications();
    feed = await EventFeed.connect(service.namespace.topicPrefix);
    for (const id of ['resident-master', 'resident-follower', 'resident-unmerged']) {
      tokens[id] = await tokenOf(service, id, 'resident');
    }
  }, 90_000);

  afterAll(async () => {
    await feed?.close();
    await service?.close();
  });

  async function inbox(residentId: string) {
    const response = await request(service.app.getHttpServer())
      .get('/me/notifications?limit=100')
      .set('authorization', `Bearer ${tokens[residentId]}`)
      .expect(200);
    return response.body.items as Array<{
      kind: string;
      body: string;
      ticketId: string | null;
      link: string | null;
    }>;
  }

  const merged = (duplicate: TicketSubmittedV1, master: TicketSubmittedV1) => ({
    ticketId: duplicate.ticketId,
    ticketNumber: duplicate.ticketNumber,
    masterTicketId: master.ticketId,
    masterTicketNumber: master.ticketNumber,
    auto: false,
    mergedAt: at(),
  });

  it('tells a merged reporter of the master’s dispatch and acceptance under their own ticket, and stops after unmerging', async () => {
    const master = aSubmittedTicket(place, 'resident-master');
    const follower = aSubmittedTicket(place, 'resident-follower');
    const unmerged = aSubmittedTicket(place, 'resident-unmerged');
    for (const ticket of [master, follower, unmerged]) await feed.publish(ticketSubmittedV1, ticket);

    await feed.publish(ticketMergedV1, merged(follower, master));
    await feed.publish(ticketMergedV1, merged(unmerged, master));
    await feed.publish(ticketUnmergedV1, {
      ticketId: unmerged.ticketId,
      masterTicketId: master.ticketId,
      reason: '不是同一问题',
      unmergedAt: at(),
    });
    // Merging and unmerging are facts of the duplicates, on their own partitions: heard before the master's steps.
    await waitForKind(service, tokens['resident-follower'], 'ticket_merged');
    await waitForKind(service, tokens['resident-unmerged'], 'ticket_unmerged');

    const offer = anOffer(master.ticketId, 'member-1');
    await feed.publish(ticketDispatchedV1, offer);
    await feed.publish(assignmentAcceptedV1, {
      ticketId: master.ticketId,
      assignmentId: offer.assignmentId,
      assignee: aMember('member-1'),
      completionDueAt: offer.completionDueAt,
      acceptedAt: at(),
    });
    await waitForKind(service, tokens['resident-master'], 'ticket_accepted');
    await waitForKind(service, tokens['resident-follower'], 'ticket_accepted');

    const followerInbox = await inbox('resident-follower');
    const accepted = followerInbox.find((item) => item.kind === 'ticket_accepted')!;
    expect(accepted.ticketId).toBe(follower.ticketId);
    expect(accepted.link).toBe(`/tickets/${follower.ticketId}`);
    expect(accepted.body).toContain(follower.ticketNumber);
    expect(accepted.body).not.toContain(master.ticketNumber);
    expect(followerInbox.find((item) => item.kind === 'ticket_merged')!.body).toContain(master.ticketNumber);
    expect(followerInbox.map((item) => item.kind)).toEqual(
      expect.arrayContaining(['ticket_merged', 'ticket_dispatched', 'ticket_accepted']),
    );
    expect(await inboxKinds(service, tokens['resident-unmerged'])).toEqual([
      'ticket_unmerged',
      'ticket_merged',
    ]);
    // The acceptance's receipts: one per ticket told about it, so each ticket's timeline says who heard.
    const receipts: Array<{ ticketId: string; recipients: string[] }> = await service.app
      .get(DataSourceToken)
      .query(
        `SELECT payload->'payload'->>'ticketId' AS "ticketId",
                ARRAY(SELECT d->'recipient'->>'id' FROM jsonb_array_elements(payload->'payload'->'deliveries') d) AS recipients
           FROM outbox WHERE type = 'notification.delivered' AND payload->'payload'->>'causedByEventType' = 'assignment.accepted'
            AND payload->'payload'->>'ticketId' = ANY($1)`,
        [[master.ticketId, follower.ticketId]],
      );
    expect(receipts).toHaveLength(2);
    expect(receipts.find((r) => r.ticketId === follower.ticketId)?.recipients).toEqual(['resident-follower']);
    expect(receipts.find((r) => r.ticketId === master.ticketId)?.recipients).toContain('resident-master');
  });

  it('tells a merged reporter their ticket closed with the master, once, and not the master’s own closure', async () => {
    const master = aSubmittedTicket(place, 'resident-master');
    const follower = aSubmittedTicket(place, 'resident-follower');
    for (const ticket of [master, follower]) await feed.publish(ticketSubmittedV1, ticket);
    await feed.publish(ticketMergedV1, merged(follower, master));
    const assignmentId = anOffer(master.ticketId, 'member-1').assignmentId;

    await feed.publish(ticketConfirmedV1, {
      ticketId: master.ticketId,
      assignmentId,
      rating: 5,
      auto: false,
      confirmedBy: 'resident',
      confirmedAt: at(),
    });
    await waitForKind(service, tokens['resident-master'], 'ticket_closed');
    await feed.publish(ticketConfirmedV1, {
      ticketId: follower.ticketId,
      assignmentId,
      rating: null,
      auto: true,
      confirmedBy: 'auto',
      duplicateOf: master.ticketId,
      confirmedAt: at(),
    });
    await waitForKind(service, tokens['resident-follower'], 'duplicate_closed');

    const aboutThisLoop = (await inbox('resident-follower')).filter((item) =>
      [follower.ticketId, master.ticketId].includes(item.ticketId ?? ''),
    );
    expect(aboutThisLoop.map((item) => [item.kind, item.ticketId])).toEqual([
      ['duplicate_closed', follower.ticketId],
      ['ticket_merged', follower.ticketId],
    ]);
  });
});
