import { PlaceMismatchError, ResidentNotRegisteredError, UnknownPlaceError } from './place.errors';
import { KnownPlaces, NamedPlaces, placeTicket } from './ticket-place.policy';

const community = 'c0000000-0000-4000-8000-000000000001';
const grid = 'a0000000-0000-4000-8000-000000000001';
const otherGrid = 'a0000000-0000-4000-8000-000000000002';
const compound = 'b0000000-0000-4000-8000-000000000001';
const building = 'd0000000-0000-4000-8000-000000000001';
const household = 'e0000000-0000-4000-8000-000000000001';

const known = (overrides: Partial<KnownPlaces> = {}): KnownPlaces => ({
  community: { gridIds: [grid], active: true },
  compound: { id: compound, communityId: community, buildingIds: [building], active: true },
  household: {
    communityId: community,
    gridId: grid,
    compoundId: compound,
    buildingId: building,
    residentIds: ['resident-wang'],
  },
  residentRegisteredInCommunity: true,
  ...overrides,
});
const named = (overrides: Partial<NamedPlaces> = {}): NamedPlaces => ({
  communityId: community,
  gridId: grid,
  ...overrides,
});

describe('where a ticket may be filed', () => {
  it('completes a household ticket with the household’s compound and building', () => {
    expect(placeTicket(named({ householdId: household }), known(), 'resident-wang')).toEqual({
      communityId: community,
      gridId: grid,
      compoundId: compound,
      buildingId: building,
      householdId: household,
    });
  });

  it('accepts a public place of the community from a resident registered there', () => {
    expect(placeTicket(named({ compoundId: compound }), known({ household: null }), 'resident-li')).toEqual({
      communityId: community,
      gridId: grid,
      compoundId: compound,
    });
  });

  it('refuses an unknown or retired community', () => {
    expect(() => placeTicket(named(), known({ community: null }), null)).toThrow(UnknownPlaceError);
    expect(() =>
      placeTicket(named(), known({ community: { gridIds: [grid], active: false } }), null),
    ).toThrow(UnknownPlaceError);
  });

  it('refuses a grid of another community', () => {
    expect(() => placeTicket(named({ gridId: otherGrid }), known(), null)).toThrow(PlaceMismatchError);
  });

  it('refuses an unknown household, compound or building', () => {
    expect(() => placeTicket(named({ householdId: household }), known({ household: null }), null)).toThrow(
      UnknownPlaceError,
    );
    expect(() => placeTicket(named({ compoundId: compound }), known({ compound: null }), null)).toThrow(
      UnknownPlaceError,
    );
    expect(() =>
      placeTicket(
        named({ compoundId: compound, buildingId: 'd0000000-0000-4000-8000-000000000009' }),
        known(),
        null,
      ),
    ).toThrow(UnknownPlaceError);
  });

  it('refuses a household, compound or building that lies elsewhere than the location says', () => {
    const elsewhere = { ...known().household!, gridId: otherGrid };
    expect(() =>
      placeTicket(named({ householdId: household }), known({ household: elsewhere }), null),
    ).toThrow(PlaceMismatchError);
    expect(() =>
      placeTicket(
        named({ householdId: household, compoundId: 'b0000000-0000-4000-8000-000000000009' }),
        known(),
        null,
      ),
    ).toThrow(PlaceMismatchError);
    const foreignCompound = { ...known().compound!, communityId: 'c0000000-0000-4000-8000-000000000009' };
    expect(() =>
      placeTicket(named({ compoundId: compound }), known({ compound: foreignCompound }), null),
    ).toThrow(PlaceMismatchError);
    expect(() => placeTicket(named({ buildingId: building }), known({ household: null }), null)).toThrow(
      PlaceMismatchError,
    );
  });

  it('refuses a resident filing for a household they are not registered to, or where they have none', () => {
    expect(() => placeTicket(named({ householdId: household }), known(), 'resident-li')).toThrow(
      ResidentNotRegisteredError,
    );
    expect(() =>
      placeTicket(named(), known({ household: null, residentRegisteredInCommunity: false }), 'resident-li'),
    ).toThrow(ResidentNotRegisteredError);
  });

  it('lets staff file for any household of the community, registered or not', () => {
    expect(placeTicket(named({ householdId: household }), known(), null).householdId).toBe(household);
  });
});
