import request from 'supertest';
import { startTestService, TestService, TopicRecorder, waitFor } from '@loop/testing';
import { Topics } from '@loop/contracts';
import { AppModule } from '../../src/app.module';
import { placeId } from '../../src/directory/domain/place-id';
import { dispatchServiceOptions } from '../../src/service-options';

const communityA = placeId('community', 'c-a');
const compoundA = placeId('compound', 'cp-a');
const compoundB = placeId('compound', 'cp-b');
const householdA1 = placeId('household', 'h-a1');
const householdA2 = placeId('household', 'h-a2');
const householdB1 = placeId('household', 'h-b1');

const district = {
  streets: [{ code: 'st-1', name: '裕翔街道' }],
  communities: [
    { code: 'c-a', name: '幸福社区', districtCode: '130111', streetCode: 'st-1' },
    { code: 'c-b', name: '和平社区', districtCode: '130111', streetCode: 'st-1' },
  ],
  grids: [
    { code: 'g-a1', communityCode: 'c-a', name: '幸福社区第一网格' },
    { code: 'g-b1', communityCode: 'c-b', name: '和平社区第一网格' },
  ],
  compounds: [
    { code: 'cp-a', communityCode: 'c-a', name: '幸福里' },
    { code: 'cp-b', communityCode: 'c-b', name: '和平家园' },
  ],
  buildings: [{ code: 'cp-a-b1', compoundCode: 'cp-a', name: '1号楼' }],
  households: [
    {
      code: 'h-a1',
      gridCode: 'g-a1',
      compoundCode: 'cp-a',
      buildingCode: 'cp-a-b1',
      addressLabel: '幸福里 1号楼 101',
    },
    {
      code: 'h-a2',
      gridCode: 'g-a1',
      compoundCode: 'cp-a',
      buildingCode: 'cp-a-b1',
      addressLabel: '幸福里 1号楼 102',
    },
    { code: 'h-b1', gridCode: 'g-b1', compoundCode: 'cp-b', addressLabel: '和平家园 201' },
  ],
};

interface CompoundPayload {
  compoundId: string;
  communityId: string;
  revision: number;
  buildingIds: string[];
  households: Array<{
    householdId: string;
    gridId: string;
    buildingId: string | null;
    residentIds: string[];
  }>;
}

describe('residents registered to households, and compounds published with them', () => {
  let service: TestService;
  let directoryTopic: TopicRecorder;
  let admin: string;
  let staffA: string;

  const http = () => request(service.app.getHttpServer());
  const compoundEvents = (compoundId: string) => [
    ...directoryTopic.about('compound.registered', compoundId),
    ...directoryTopic.about('compound.updated', compoundId),
  ];
  const latestCompound = (compoundId: string) =>
    waitFor(
      () => {
        const events = compoundEvents(compoundId);
        return events.length ? (events[events.length - 1].payload as unknown as CompoundPayload) : undefined;
      },
      { description: `compound ${compoundId} published` },
    );
  const publishedRevision = (compoundId: string, revision: number) =>
    waitFor(
      () =>
        compoundEvents(compoundId)
          .map((envelope) => envelope.payload as unknown as CompoundPayload)
          .find((payload) => payload.revision === revision),
      { description: `compound ${compoundId} at revision ${revision}` },
    );

  beforeAll(async () => {
    service = await startTestService(AppModule, dispatchServiceOptions);
    directoryTopic = await TopicRecorder.start(service, Topics.dispatchDirectory);
    admin = await service.tokenFor({ sub: 'admin-1', roles: ['admin'] });
    staffA = await service.tokenFor({ sub: 'stf-a', roles: ['staff'], community_ids: [communityA] });
    for (const [kind, rows] of Object.entries(district)) {
      await http()
        .post(`/directory/imports/${kind}`)
        .auth(admin, { type: 'bearer' })
        .send({ rows })
        .expect(200);
    }
  });

  afterAll(async () => {
    await directoryTopic?.stop();
    await service?.close();
  });

  it('publishes each compound with its buildings and households, once per import rather than once per household', async () => {
    const a = await publishedRevision(compoundA, 3);
    expect(a).toMatchObject({
      communityId: communityA,
      buildingIds: [placeId('building', 'cp-a-b1')],
      households: expect.arrayContaining([
        {
          householdId: householdA1,
          gridId: placeId('grid', 'g-a1'),
          buildingId: placeId('building', 'cp-a-b1'),
          residentIds: [],
        },
        {
          householdId: householdA2,
          gridId: placeId('grid', 'g-a1'),
          buildingId: placeId('building', 'cp-a-b1'),
          residentIds: [],
        },
      ]),
    });
    // registered by the compounds import; updated once by the buildings import and once by the households import
    expect(directoryTopic.about('compound.registered', compoundA)).toHaveLength(1);
    expect(directoryTopic.about('compound.updated', compoundA)).toHaveLength(2);
    const b = await latestCompound(compoundB);
    expect(b.households).toEqual([
      { householdId: householdB1, gridId: placeId('grid', 'g-b1'), buildingId: null, residentIds: [] },
    ]);
  });

  it('lets staff register a resident to a household of their community, logs who did it and publishes the compound', async () => {
    const before = (await latestCompound(compoundA)).revision;
    const response = await http()
      .put(`/directory/households/${householdA1}/residents/resident-wang`)
      .auth(staffA, { type: 'bearer' })
      .expect(200);
    expect(response.body).toEqual({ householdId: householdA1, residentIds: ['resident-wang'] });
    const published = await publishedRevision(compoundA, before + 1);
    expect(published.households.find((h) => h.householdId === householdA1)?.residentIds).toEqual([
      'resident-wang',
    ]);
    const changes = await http()
      .get(`/directory/changes?communityId=${communityA}`)
      .auth(staffA, { type: 'bearer' })
      .expect(200);
    expect(changes.body[0]).toMatchObject({ entryKind: 'household', entryId: householdA1, actorId: 'stf-a' });

    // Registering again changes nothing and publishes nothing.
    await http()
      .put(`/directory/households/${householdA1}/residents/resident-wang`)
      .auth(staffA, { type: 'bearer' })
      .expect(200);
    await http()
      .get(`/directory/households/${householdA1}/residents`)
      .auth(staffA, { type: 'bearer' })
      .expect(200, { householdId: householdA1, residentIds: ['resident-wang'] });
    expect((await latestCompound(compoundA)).revision).toBe(before + 1);
  });

  it("refuses staff another community's household (403), an unknown household (404) and an id that is no account id (400)", async () => {
    const outside = await http()
      .put(`/directory/households/${householdB1}/residents/resident-li`)
      .auth(staffA, { type: 'bearer' })
      .expect(403);
    expect(outside.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(outside.body.code).toBe('directory.outside-scope');
    await http()
      .put(`/directory/households/${placeId('household', 'nowhere')}/residents/resident-li`)
      .auth(staffA, { type: 'bearer' })
      .expect(404);
    await http()
      .put(`/directory/households/${householdA1}/residents/13800138000`)
      .auth(staffA, { type: 'bearer' })
      .expect(400);
    const resident = await service.tokenFor({ sub: 'resident-li', roles: ['resident'] });
    await http()
      .put(`/directory/households/${householdA1}/residents/resident-li`)
      .auth(resident, { type: 'bearer' })
      .expect(403);
    await http()
      .get(`/directory/households/${householdB1}/residents`)
      .auth(staffA, { type: 'bearer' })
      .expect(403);
  });

  it('shows a resident the households they are registered to, with the names of their places, and nothing to others', async () => {
    const wang = await service.tokenFor({ sub: 'resident-wang', roles: ['resident'] });
    const mine = await http().get('/directory/me/households').auth(wang, { type: 'bearer' }).expect(200);
    expect(mine.body).toEqual([
      expect.objectContaining({
        householdId: householdA1,
        code: 'h-a1',
        addressLabel: '幸福里 1号楼 101',
        communityId: communityA,
        communityName: '幸福社区',
        compoundName: '幸福里',
        buildingName: '1号楼',
      }),
    ]);
    const stranger = await service.tokenFor({ sub: 'resident-nobody', roles: ['resident'] });
    await http().get('/directory/me/households').auth(stranger, { type: 'bearer' }).expect(200, []);
    await http().get('/directory/me/households').auth(staffA, { type: 'bearer' }).expect(403);
  });

  it('imports a roster of residents row by row, refusing rows outside the community, and removes with active=false', async () => {
    const before = (await latestCompound(compoundA)).revision;
    const imported = await http()
      .post('/directory/imports/residents')
      .auth(staffA, { type: 'bearer' })
      .send({
        rows: [
          { householdCode: 'h-a2', residentId: 'resident-zhao' },
          { householdCode: 'h-a2', residentId: 'resident-qian' },
          { householdCode: 'h-b1', residentId: 'resident-sun' },
          { householdCode: 'h-nowhere', residentId: 'resident-zhou' },
          { householdCode: 'h-a1', residentId: 'resident-wang', active: false },
        ],
      })
      .expect(200);
    expect(imported.body).toMatchObject({ created: 2, updated: 1, rejected: 2 });
    expect(imported.body.errors.map((error: { row: number }) => error.row)).toEqual([3, 4]);
    // One event for the whole import: both households of compound A changed in one transaction.
    const published = await publishedRevision(compoundA, before + 1);
    expect(published.households.find((h) => h.householdId === householdA2)?.residentIds).toEqual([
      'resident-qian',
      'resident-zhao',
    ]);
    expect(published.households.find((h) => h.householdId === householdA1)?.residentIds).toEqual([]);
    expect(
      compoundEvents(compoundB).every((e) =>
        (e.payload as unknown as CompoundPayload).households.every((h) => h.residentIds.length === 0),
      ),
    ).toBe(true);

    const removed = await http()
      .delete(`/directory/households/${householdA2}/residents/resident-zhao`)
      .auth(staffA, { type: 'bearer' })
      .expect(200);
    expect(removed.body.residentIds).toEqual(['resident-qian']);
  });
});
