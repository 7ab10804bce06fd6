import { ticketCategories } from '@loop/contracts';
import { chooseCommunities, DemoCommunity, planDemoDay, summarisePlan } from './demo-day-plan';

function community(code: string, autoDispatch: boolean): DemoCommunity {
  const grids = [1, 2].map((g) => ({ id: `${code}-grid-${g}`, code: `g-${code}-${g}` }));
  return {
    id: `${code}-id`,
    code,
    autoDispatch,
    grids,
    households: grids.flatMap((grid) =>
      [1, 2, 3].map((h) => ({
        id: `${grid.id}-household-${h}`,
        gridId: grid.id,
        compoundId: `${grid.id}-compound`,
        buildingId: `${grid.id}-building`,
        addressLabel: `${grid.code} ${h}号`,
        residentId: `resident-${grid.code}-${h}`,
      })),
    ),
    gridWorkers: grids.map((grid) => ({ id: `gw-${grid.code}`, gridIds: [grid.id] })),
    staffIds: [`stf-${code}-1`, `stf-${code}-2`],
  };
}

const district = [community('c-01', false), community('c-02', true), community('c-03', false)];

describe('the demo day plan', () => {
  it('plays the same day for the same seed', () => {
    expect(planDemoDay(district, { tickets: 50, seed: 9 })).toEqual(
      planDemoDay(district, { tickets: 50, seed: 9 }),
    );
    expect(planDemoDay(district, { tickets: 50, seed: 9 })).not.toEqual(
      planDemoDay(district, { tickets: 50, seed: 10 }),
    );
  });

  it('spreads a day over every community, several categories and every urgency', () => {
    const plan = planDemoDay(district, { tickets: 300, seed: 1 });

    expect(new Set(plan.map((t) => t.communityCode))).toEqual(new Set(['c-01', 'c-02', 'c-03']));
    expect(new Set(plan.map((t) => t.categoryCode)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(plan.map((t) => t.urgency))).toEqual(new Set(['normal', 'urgent', 'emergency']));
    expect(plan.map((t) => t.number)).toEqual(plan.map((_, index) => index + 1));
  });

  it('has residents file from their household and grid workers report patrol findings without one', () => {
    const plan = planDemoDay(district, { tickets: 300, seed: 2 });
    const residents = plan.filter((t) => t.filer.role === 'resident');
    const patrols = plan.filter((t) => t.filer.role === 'grid_worker');

    expect(residents.length).toBeGreaterThan(patrols.length);
    expect(patrols.length).toBeGreaterThan(0);
    expect(residents.every((t) => t.householdId !== null)).toBe(true);
    // each resident files as the resident registered to their household
    const registered = new Map(district.flatMap((c) => c.households).map((h) => [h.id, h.residentId]));
    expect(residents.every((t) => t.filer.id === registered.get(t.householdId!))).toBe(true);
    expect(
      patrols.every(
        (t) => t.householdId === null && t.filer.id === `gw-g-${t.gridId.replace('-grid-', '-')}`,
      ),
    ).toBe(true);
  });

  it('ends most stories confirmed, some awaiting confirmation and a few unaccepted, with declines now and then', () => {
    const counts = summarisePlan(planDemoDay(district, { tickets: 500, seed: 3 }));

    expect(counts.confirmed).toBeGreaterThan(350);
    expect(counts.awaiting_confirmation).toBeGreaterThan(10);
    expect(counts.left_unaccepted).toBeGreaterThan(10);
    expect(counts.declineFirst).toBeGreaterThan(20);
  });

  it('rates mostly four or five stars, sometimes low', () => {
    const ratings = planDemoDay(district, { tickets: 500, seed: 4 }).map((t) => t.rating);

    expect(ratings.filter((r) => r >= 4).length / ratings.length).toBeGreaterThan(0.8);
    expect(ratings.some((r) => r <= 2)).toBe(true);
    expect(ratings.every((r) => Number.isInteger(r) && r >= 1 && r <= 5)).toBe(true);
  });

  it('sends only property categories of hand-dispatching communities to a property company', () => {
    const plan = planDemoDay(district, { tickets: 500, seed: 5 });
    const assignable = new Set(
      ticketCategories.filter((c) => c.propertyCompanyAssignable).map((c) => c.code),
    );

    const toCompanies = plan.filter((t) => t.toPropertyCompany);
    expect(toCompanies.length).toBeGreaterThan(0);
    expect(toCompanies.every((t) => !t.autoDispatch && assignable.has(t.categoryCode))).toBe(true);
  });

  it('never plans a decline for a ticket nobody is to accept', () => {
    const plan = planDemoDay(district, { tickets: 500, seed: 6 });

    expect(plan.filter((t) => t.fate === 'left_unaccepted' && t.declineFirst)).toEqual([]);
  });

  it('reports minutes in quarter hours between half an hour and four hours', () => {
    const minutes = planDemoDay(district, { tickets: 200, seed: 7 }).map((t) => t.minutesSpent);

    expect(minutes.every((m) => m % 15 === 0 && m >= 30 && m <= 240)).toBe(true);
  });

  it('refuses to plan a day without a community it can be played in', () => {
    expect(() =>
      planDemoDay([{ ...community('c-09', true), staffIds: [] }], { tickets: 1, seed: 1 }),
    ).toThrow('no community');
  });
});

describe('choosing the communities of the day', () => {
  const all = Array.from({ length: 19 }, (_, k) => ({
    code: `c-${String(k + 1).padStart(2, '0')}`,
    autoDispatch: k % 2 === 1,
    active: true,
  }));

  it('takes a run of consecutive communities, so both ways of dispatching take part', () => {
    const chosen = chooseCommunities(all, 4, 11);

    expect(chosen).toHaveLength(4);
    expect(new Set(chosen.map((c) => c.autoDispatch))).toEqual(new Set([true, false]));
    expect(chooseCommunities(all, 4, 11)).toEqual(chosen);
  });

  it('takes every active community when asked for as many or more', () => {
    const withRetired = [...all, { code: 'c-20', autoDispatch: true, active: false }];

    expect(chooseCommunities(withRetired, 30, 1).map((c) => c.code)).toEqual(all.map((c) => c.code));
  });
});
