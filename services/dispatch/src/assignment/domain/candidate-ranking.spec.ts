import { CandidateFacts, rankCandidates, TicketFacts } from './candidate-ranking';

const ticket: TicketFacts = {
  gridId: 'grid-a',
  householdId: 'household-1',
  categorySkills: ['repair', 'plumbing'],
};

function member(memberId: string, facts: Partial<CandidateFacts> = {}): CandidateFacts {
  return {
    memberId,
    gridId: 'grid-a',
    skills: [],
    householdIds: [],
    openLoad: 0,
    availableNow: true,
    minutesThisMonth: 0,
    ...facts,
  };
}

function order(candidates: CandidateFacts[], excluded: string[] = []): string[] {
  return rankCandidates(ticket, candidates, excluded).map((candidate) => candidate.memberId);
}

describe('candidate ranking', () => {
  it('puts the member who looks after the household first, even from another grid and with skills elsewhere', () => {
    const linked = member('m-linked', { gridId: 'grid-b', householdIds: ['household-1'], openLoad: 2 });
    const skilled = member('m-skilled', { skills: ['repair'] });
    expect(order([skilled, linked])).toEqual(['m-linked', 'm-skilled']);
  });

  it("prefers the ticket's grid over another grid", () => {
    expect(order([member('m-other', { gridId: 'grid-b' }), member('m-same')])).toEqual(['m-same', 'm-other']);
  });

  it('prefers members whose skills match the category', () => {
    expect(order([member('m-plain'), member('m-plumber', { skills: ['plumbing'] })])).toEqual([
      'm-plumber',
      'm-plain',
    ]);
  });

  it('prefers members with fewer open tasks', () => {
    expect(order([member('m-busy', { openLoad: 2 }), member('m-free')])).toEqual(['m-free', 'm-busy']);
  });

  it('prefers members available now in the calendar', () => {
    expect(order([member('m-away', { availableNow: false }), member('m-here')])).toEqual([
      'm-here',
      'm-away',
    ]);
  });

  it('prefers members who served fewer minutes this month when all else is equal', () => {
    expect(
      order([member('m-tired', { minutesThisMonth: 600 }), member('m-fresh', { minutesThisMonth: 60 })]),
    ).toEqual(['m-fresh', 'm-tired']);
  });

  it('caps the fairness term so it never outweighs a matching skill', () => {
    const skilledButBusyMonth = member('m-skilled', { skills: ['repair'], minutesThisMonth: 100 * 60 });
    expect(order([member('m-idle'), skilledButBusyMonth])).toEqual(['m-skilled', 'm-idle']);
  });

  it('leaves out members who already declined, let the offer expire or handed the work back', () => {
    expect(order([member('m-1'), member('m-2')], ['m-1'])).toEqual(['m-2']);
  });

  it('lists a member once even when they appear both as linked and as grid member', () => {
    const linked = member('m-1', { householdIds: ['household-1'] });
    expect(order([linked, linked])).toEqual(['m-1']);
  });

  it('breaks ties by member id so the order is stable', () => {
    expect(order([member('m-b'), member('m-a')])).toEqual(['m-a', 'm-b']);
  });

  it('gives every candidate its reasons in both languages with the points they add up to', () => {
    const [ranked] = rankCandidates(ticket, [
      member('m-1', {
        householdIds: ['household-1'],
        skills: ['repair'],
        openLoad: 1,
        minutesThisMonth: 120,
      }),
    ]);
    expect(ranked.reasons.map((reason) => reason.code)).toEqual([
      'linked_household',
      'same_grid',
      'skill_match',
      'open_load',
      'available_now',
      'fairness',
    ]);
    expect(ranked.score).toBe(ranked.reasons.reduce((sum, reason) => sum + reason.points, 0));
    for (const reason of ranked.reasons) {
      expect(reason.zh).not.toBe('');
      expect(reason.en).not.toBe('');
    }
  });

  it('returns nobody when there are no candidates', () => {
    expect(rankCandidates(ticket, [])).toEqual([]);
  });
});
