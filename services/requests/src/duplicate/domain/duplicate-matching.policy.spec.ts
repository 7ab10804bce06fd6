import { isExactMatch, proposeMaster, ReportedProblem, samePlace } from './duplicate-matching.policy';

const t0 = new Date('2026-03-01T02:00:00.000Z');
const hoursLater = (hours: number) => new Date(t0.getTime() + hours * 3_600_000);
const window72h = 72 * 3_600_000;

function report(overrides: Partial<ReportedProblem> = {}): ReportedProblem {
  return {
    id: 'new',
    status: 'submitted',
    categoryCode: 'public.lighting',
    title: '3号楼门口路灯不亮',
    description: '晚上走路看不见',
    submittedAt: hoursLater(10),
    mergedInto: null,
    location: { communityId: 'c-1', compoundId: 'compound-1', buildingId: 'b-3' },
    ...overrides,
  };
}

const propose = (
  newReport: ReportedProblem,
  candidates: ReportedProblem[],
  keptApart: string[] = [],
  windowMs = window72h,
) => proposeMaster(newReport, candidates, { windowMs, keptApartIds: new Set(keptApart) });

describe('proposing a new ticket as a duplicate report', () => {
  it('proposes the oldest open ticket of the same category at the same place within the window', () => {
    const oldest = report({ id: 'oldest', submittedAt: hoursLater(1) });
    const newer = report({ id: 'newer', submittedAt: hoursLater(5) });

    expect(propose(report(), [newer, oldest])).toEqual({ masterId: 'oldest', similarity: 1, exact: true });
  });

  it('proposes nothing for another category, another place or a ticket filed before the window', () => {
    const otherCategory = report({
      id: 'a',
      categoryCode: 'environment.sanitation',
      submittedAt: hoursLater(1),
    });
    const otherCompound = report({
      id: 'b',
      location: { communityId: 'c-1', compoundId: 'compound-2' },
      submittedAt: hoursLater(1),
    });
    const tooOld = report({ id: 'c', submittedAt: hoursLater(10 - 73) });

    expect(propose(report(), [otherCategory, otherCompound, tooOld])).toBeUndefined();
  });

  it('never proposes a resolved, closed or cancelled ticket, nor one merged into another', () => {
    const candidates = [
      report({ id: 'resolved', status: 'resolved', submittedAt: hoursLater(1) }),
      report({ id: 'closed', status: 'closed', submittedAt: hoursLater(1) }),
      report({ id: 'cancelled', status: 'cancelled', submittedAt: hoursLater(1) }),
      report({ id: 'merged', mergedInto: 'elsewhere', submittedAt: hoursLater(1) }),
    ];

    expect(propose(report(), candidates)).toBeUndefined();
  });

  it('skips a ticket staff kept apart from the report and proposes the next oldest', () => {
    const keptApart = report({ id: 'kept-apart', submittedAt: hoursLater(1) });
    const next = report({ id: 'next', submittedAt: hoursLater(2) });

    expect(propose(report(), [keptApart, next], ['kept-apart'])?.masterId).toBe('next');
  });

  it('never proposes the report itself or a ticket filed after it', () => {
    const later = report({ id: 'later', submittedAt: hoursLater(11) });

    expect(propose(report(), [report(), later])).toBeUndefined();
  });

  it('proposes a match in the same compound as not exact when the buildings differ', () => {
    const otherBuilding = report({
      id: 'other-building',
      submittedAt: hoursLater(1),
      location: { communityId: 'c-1', compoundId: 'compound-1', buildingId: 'b-5' },
    });

    expect(propose(report(), [otherBuilding])).toMatchObject({ masterId: 'other-building', exact: false });
  });
});

describe('the same place', () => {
  it('is the same household, or the same building, or the same compound', () => {
    const household = { communityId: 'c-1', householdId: 'h-1' };
    expect(samePlace(household, { communityId: 'c-1', householdId: 'h-1' })).toBe(true);
    expect(
      samePlace({ communityId: 'c-1', buildingId: 'b-1' }, { communityId: 'c-1', buildingId: 'b-1' }),
    ).toBe(true);
    expect(samePlace(household, { communityId: 'c-1', householdId: 'h-2' })).toBe(false);
  });

  it('is never a place named by its grid alone, nor one in another community', () => {
    expect(samePlace({ communityId: 'c-1' }, { communityId: 'c-1' })).toBe(false);
    expect(samePlace({ communityId: 'c-1', compoundId: 'x' }, { communityId: 'c-2', compoundId: 'x' })).toBe(
      false,
    );
  });
});

describe('an exact match for auto-merge', () => {
  it('is the very same compound, building and household in the same category', () => {
    expect(isExactMatch(report(), report({ id: 'master' }))).toBe(true);
  });

  it('is not a match that names a building where the other names none', () => {
    const compoundOnly = report({ id: 'master', location: { communityId: 'c-1', compoundId: 'compound-1' } });

    expect(isExactMatch(report(), compoundOnly)).toBe(false);
  });

  it('is not a match in another category', () => {
    expect(isExactMatch(report(), report({ id: 'master', categoryCode: 'environment.sanitation' }))).toBe(
      false,
    );
  });
});
