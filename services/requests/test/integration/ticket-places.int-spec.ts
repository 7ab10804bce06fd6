// Where a ticket may be filed, checked against the directory projection the service keeps from
// dispatch's directory events: unknown places and places that do not lie in one another are refused
// with 422, residents file only where they are registered, and nothing refused takes a number.
import { compoundUpdatedV1 } from '@loop/contracts';
import { EventFeed, TestService, waitFor } from '@loop/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { v4 as uuidv4 } from 'uuid';
import { People, place, startRequestsService, ticketBody } from './support/requests-kit';

describe('where a ticket may be filed', () => {
  let service: TestService;
  let people: People;
  let feed: EventFeed;
  let http: ReturnType<typeof request>;

  const ticketCount = async () =>
    Number((await service.app.get(DataSource).query('SELECT count(*) AS n FROM ticket'))[0].n);
  const file = (token: string, location: Record<string, unknown>) =>
    http.post('/tickets').set('Authorization', `Bearer ${token}`).send(ticketBody({ location }));

  beforeAll(async () => {
    service = await startRequestsService();
    people = new People(service);
    feed = await EventFeed.connect(service);
    http = request(service.app.getHttpServer());
  });
  afterAll(async () => {
    await feed?.close();
    await service?.close();
  });

  it('refuses a ticket for a community the directory does not know with 422, and creates nothing', async () => {
    const staff = await people.staff('staff-unknown', [place.community]);
    const gridWorker = await people.gridWorker('grid-worker-unknown');
    const resident = await people.resident('resident-unknown-place');
    const before = await ticketCount();
    const unknown = uuidv4();
    for (const token of [resident, gridWorker]) {
      const refused = await file(token, { communityId: unknown, gridId: place.grid }).expect((response) =>
        expect([403, 422]).toContain(response.status),
      );
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    const staffOfUnknown = await people.staff('staff-of-unknown', [unknown]);
    const orphan = await file(staffOfUnknown, { communityId: unknown, gridId: uuidv4() }).expect(422);
    expect(orphan.body).toMatchObject({ code: 'ticket.location-unknown', status: 422 });
    expect(orphan.body.detail).toContain('名录中没有该社区');
    await file(staff, { communityId: place.community, gridId: uuidv4() }).expect(422);
    expect(await ticketCount()).toBe(before);
  });

  it("refuses a grid, compound or household that lies outside the ticket's community or grid", async () => {
    const staff = await people.staff('staff-mismatch', [place.community, place.otherCommunity]);
    const mismatched = await file(staff, {
      communityId: place.community,
      gridId: place.otherCommunityGrid,
    }).expect(422);
    expect(mismatched.body.code).toBe('ticket.location-mismatch');
    await file(staff, {
      communityId: place.otherCommunity,
      gridId: place.otherCommunityGrid,
      compoundId: place.compound,
    }).expect(422);
    await file(staff, {
      communityId: place.community,
      gridId: place.otherGrid,
      householdId: place.household,
    }).expect(422);
    await file(staff, {
      communityId: place.community,
      gridId: place.grid,
      compoundId: place.compound,
      buildingId: uuidv4(),
    }).expect(422);
  });

  it('completes a household ticket with its compound and building from the directory', async () => {
    const staff = await people.staff('staff-household');
    const filed = await file(staff, {
      communityId: place.community,
      gridId: place.grid,
      householdId: place.household,
    }).expect(201);
    expect(filed.body.location).toMatchObject({
      communityId: place.community,
      gridId: place.grid,
      compoundId: place.compound,
      buildingId: place.building,
      householdId: place.household,
    });
  });

  it('lets a resident file only where they are registered, and for their own household once registered to it', async () => {
    const unregistered = await service.tokenFor({ sub: 'resident-newcomer', roles: ['resident'] });
    const refused = await file(unregistered, { communityId: place.community, gridId: place.grid }).expect(
      403,
    );
    expect(refused.body).toMatchObject({ code: 'ticket.resident-not-registered', status: 403 });
    expect(refused.body.detail).toContain('社区服务站登记');

    // Registered in the suite's community, but not to this household.
    const neighbour = await people.resident('resident-neighbour');
    const notTheirs = await file(neighbour, {
      communityId: place.community,
      gridId: place.grid,
      householdId: place.household,
    }).expect(403);
    expect(notTheirs.body.code).toBe('ticket.resident-not-registered');
    // …nor in the other community.
    await file(neighbour, { communityId: place.otherCommunity, gridId: place.otherCommunityGrid }).expect(
      403,
    );

    // Staff register the newcomer to the household: dispatch publishes the compound again.
    const now = new Date();
    await feed.send(
      feed.envelope(
        compoundUpdatedV1,
        {
          active: true,
          revision: 2,
          changedAt: now.toISOString(),
          compoundId: place.compound,
          communityId: place.community,
          buildingIds: [place.building],
          households: [
            {
              householdId: place.household,
              gridId: place.grid,
              buildingId: place.building,
              residentIds: ['resident-newcomer'],
            },
          ],
        },
        now,
      ),
    );
    // Filing answers 403 until the registration has reached the service; then 201.
    const filed = await waitFor(
      async () => {
        const response = await file(unregistered, {
          communityId: place.community,
          gridId: place.grid,
          householdId: place.household,
        });
        expect([201, 403]).toContain(response.status);
        return response.status === 201 ? response : undefined;
      },
      { description: 'the registration to reach requests', timeoutMs: 20_000, intervalMs: 200 },
    );
    expect(filed.body).toMatchObject({
      residentId: 'resident-newcomer',
      location: { householdId: place.household },
    });
  });

  it('ignores an older state of a compound that arrives after a newer one', async () => {
    const now = new Date();
    await feed.send(
      feed.envelope(
        compoundUpdatedV1,
        {
          active: true,
          revision: 1,
          changedAt: now.toISOString(),
          compoundId: place.compound,
          communityId: place.community,
          buildingIds: [place.building],
          households: [
            { householdId: place.household, gridId: place.grid, buildingId: place.building, residentIds: [] },
          ],
        },
        now,
      ),
    );
    // The stale state is consumed (the next, later-sent state shows up), and it took nothing away.
    const marker = uuidv4();
    await feed.send(
      feed.envelope(
        compoundUpdatedV1,
        {
          active: true,
          revision: 1,
          changedAt: now.toISOString(),
          compoundId: marker,
          communityId: place.community,
          buildingIds: [],
          households: [],
        },
        now,
      ),
    );
    await waitFor(
      async () => {
        const [{ n }]: Array<{ n: number }> = await service.app
          .get(DataSource)
          .query('SELECT count(*)::int AS n FROM known_compound WHERE id = $1', [marker]);
        return n > 0 || undefined;
      },
      { description: 'the later state to be consumed', timeoutMs: 20_000 },
    );
    const resident = await service.tokenFor({ sub: 'resident-newcomer', roles: ['resident'] });
    await file(resident, {
      communityId: place.community,
      gridId: place.grid,
      householdId: place.household,
    }).expect(201);
  });
});
