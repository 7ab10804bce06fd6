// 吹哨报到 on real Kafka and PostgreSQL: the unit admins of each summoned department hear they are
// summoned; when a department is late, the community's staff and whoever it was escalated to hear it.
import { staffRegisteredV1, summonsIssuedV1, summonsOverdueV1, ticketSubmittedV1 } from '@loop/contracts';
import { EventFeed, TestService, waitFor } from '@loop/testing';
import { v7 as uuidv7 } from 'uuid';
import { DataSource } from 'typeorm';
import { aCommunity, aStaffMember, aSubmittedTicket, at } from './support/loop-fixtures';
import { inboxKinds, startNotifications, tokenOf, waitForKind } from './support/notifications-under-test';

describe('notifications of summoned departments (吹哨报到)', () => {
  let service: TestService;
  let feed: EventFeed;
  const place = aCommunity();

  beforeAll(async () => {
    service = await startNotifications();
    feed = await EventFeed.connect(service.namespace.topicPrefix);
    await feed.publish(staffRegisteredV1, aStaffMember('staff-s1', place.communityId));
    await waitFor(
      async () =>
        Number((await service.app.get(DataSource).query(`SELECT count(*) FROM staff_fact`))[0].count) === 1,
      { description: 'the community’s staff to be known', timeoutMs: 60_000 },
    );
  }, 90_000);

  afterAll(async () => {
    await feed?.close();
    await service?.close();
  });

  it('tells each summoned department’s unit admins, then the staff and the escalation holder of a late one', async () => {
    const ticket = aSubmittedTicket(place, 'resident-s1', 'urgent');
    await feed.publish(ticketSubmittedV1, ticket);
    const due = new Date(Date.now() + 2 * 3_600_000).toISOString();
    const city = { summonsId: uuidv7(), departmentId: uuidv7(), departmentLabel: '城管执法队' };
    const housing = { summonsId: uuidv7(), departmentId: uuidv7(), departmentLabel: '住建所' };
    await feed.publish(summonsIssuedV1, {
      ticketId: ticket.ticketId,
      communityId: place.communityId,
      departments: [
        { ...city, adminIds: ['ua-s1-city'], arriveDueAt: due },
        { ...housing, adminIds: ['ua-s1-housing'], arriveDueAt: due },
      ],
      reason: '主干管道堵塞',
      issuedBy: { role: 'staff', id: 'staff-s1' },
      issuedAt: at(),
    });

    const cityAdmin = await tokenOf(service, 'ua-s1-city', 'unit_admin');
    const housingAdmin = await tokenOf(service, 'ua-s1-housing', 'unit_admin');
    await waitForKind(service, cityAdmin, 'summons_received');
    await waitForKind(service, housingAdmin, 'summons_received');

    await feed.publish(summonsOverdueV1, {
      ticketId: ticket.ticketId,
      ...housing,
      communityId: place.communityId,
      arriveDueAt: due,
      level: 1,
      escalatedTo: { role: 'secretary', id: 'secretary-s1' },
      escalatedAt: at(),
    });
    await waitForKind(service, await tokenOf(service, 'staff-s1', 'staff'), 'summons_overdue');
    await waitForKind(service, await tokenOf(service, 'secretary-s1', 'secretary'), 'summons_overdue');

    // The resident hears of neither: the timeline tells them.
    expect(await inboxKinds(service, await tokenOf(service, 'resident-s1'))).toEqual([]);
    expect(await inboxKinds(service, cityAdmin)).toEqual(['summons_received']);
  });
});
