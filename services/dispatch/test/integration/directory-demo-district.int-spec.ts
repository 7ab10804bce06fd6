import { DataSource } from 'typeorm';
import { startTestService, TestService, TopicRecorder, waitFor } from '@loop/testing';
import { Topics } from '@loop/contracts';
import { AppModule } from '../../src/app.module';
import { DirectoryReader } from '../../src/directory/application/directory-reader.port';
import { placeId } from '../../src/directory/domain/place-id';
import { addWorkingMinutes } from '../../src/directory/domain/service-calendar';
import { seedDemoDistrict, SeedDemoDistrictReport } from '../../src/demo-district/seed-demo-district';
import { dispatchServiceOptions } from '../../src/service-options';

describe('the demo district loaded into the dispatch database', () => {
  let service: TestService;
  let directoryTopic: TopicRecorder;
  let first: SeedDemoDistrictReport;
  let reader: DirectoryReader;
  const c01 = placeId('community', 'c-01');

  const count = async (table: string) =>
    Number((await service.app.get(DataSource).query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    service = await startTestService(AppModule, dispatchServiceOptions);
    directoryTopic = await TopicRecorder.start(service, Topics.dispatchDirectory);
    first = await seedDemoDistrict(service.app.get(DataSource));
    reader = service.app.get(DirectoryReader);
  });

  afterAll(async () => {
    await directoryTopic?.stop();
    await service?.close();
  });

  it('loads the whole district with a registered event for every community, compound, member, staff member and official', async () => {
    expect(first.inserted).toMatchObject({
      directory_community: 19,
      directory_grid: 41,
      directory_compound: 119,
      directory_property_company: 41,
      directory_household: 16_418,
      directory_member: 1_660,
      directory_member_household: 16_418,
      // one demo resident registered to every household
      directory_household_resident: 16_418,
    });
    expect(first.events).toBe(
      19 + 119 + 1_660 + first.inserted.directory_staff + first.inserted.directory_official,
    );
    expect(await count('outbox')).toBe(first.events);
    // Printed so the load time of the run is on record; the benchmark, not this test, judges it.
    process.stdout.write(`demo district loaded in ${first.seconds.toFixed(2)} s\n`);
  });

  it('changes nothing and publishes nothing when loaded a second time', async () => {
    const second = await seedDemoDistrict(service.app.get(DataSource));
    expect(Object.values(second.inserted).every((n) => n === 0)).toBe(true);
    expect(second.events).toBe(0);
    expect(await count('directory_household')).toBe(16_418);
    expect(await count('outbox')).toBe(first.events);
  });

  it('publishes the registered events through the outbox relay', async () => {
    await waitFor(() => directoryTopic.about('member.registered', 'm-1660').length === 1, {
      description: 'the last member to be published',
      timeoutMs: 60_000,
    });
    expect(directoryTopic.about('community.registered', c01)).toHaveLength(1);
    // Every compound once, with every household and its resident: the whole district's places.
    await waitFor(() => directoryTopic.about('compound.registered').length === 119, {
      description: 'every compound published',
      timeoutMs: 60_000,
    });
    const households = directoryTopic
      .about<{ households: Array<{ residentIds: string[] }> }>('compound.registered')
      .flatMap((envelope) => envelope.payload.households);
    expect(households).toHaveLength(16_418);
    expect(households.every((household) => household.residentIds.length === 1)).toBe(true);
  });

  it('answers the directory port for the demo codes printed with the tokens', async () => {
    expect(await reader.communityById(c01)).toMatchObject({
      code: 'c-01',
      name: '裕翔社区',
      districtCode: '130111',
      active: true,
    });
    expect(await reader.escalationChain(c01)).toEqual([
      { level: 1, role: 'secretary', userId: 'sec-01' },
      { level: 2, role: 'official', userId: 'o2-01' },
      { level: 3, role: 'official', userId: 'o3-01' },
    ]);
    const member = await reader.memberById('m-0001');
    expect(member).toMatchObject({ id: 'm-0001', communityId: c01, active: true });
    expect(member).not.toHaveProperty('phone');
    const [household] = member!.householdIds;
    expect(await reader.memberLinkedToHousehold(household)).toMatchObject({ id: 'm-0001' });
    const grid = await reader.gridById(member!.gridId);
    expect(grid).toMatchObject({ communityId: c01 });
    expect((await reader.activeMembersOfGrid(member!.gridId)).length).toBeGreaterThan(20);
    expect((await reader.activeMembersOfCommunity(c01)).length).toBeGreaterThan(50);
    const home = await reader.householdById(household);
    expect(await reader.propertyCompanyForCompound(home!.compoundId)).toMatchObject({
      id: 'pc-01',
      active: true,
    });
    expect(await reader.propertyCompanyById('pc-01')).toMatchObject({ code: 'pc-01' });
    expect((await reader.staffOfCommunity(c01)).map((s) => s.role)).toEqual(
      expect.arrayContaining(['secretary', 'staff', 'grid_worker']),
    );
  });

  it('gives a calendar on which a request at 20:50 on an autumn weekday waits for the next morning', async () => {
    const calendar = await reader.calendarOf(c01);
    expect(calendar).not.toBeNull();
    expect(addWorkingMinutes(calendar!, new Date('2026-10-15T20:50:00+08:00'), 30)).toEqual(
      new Date('2026-10-16T09:00:00+08:00'),
    );
    expect(calendar!.holidays).toContain('2026-10-01');
  });

  it('answers null or nothing for ids it does not know, however malformed', async () => {
    expect(await reader.communityById('c-01')).toBeNull();
    expect(await reader.calendarOf(placeId('community', 'c-99'))).toBeNull();
    expect(await reader.memberById('nobody')).toBeNull();
    expect(await reader.activeMembersOfGrid('not-a-uuid')).toEqual([]);
    expect(await reader.escalationChain(placeId('community', 'c-99'))).toEqual([]);
  });
});
