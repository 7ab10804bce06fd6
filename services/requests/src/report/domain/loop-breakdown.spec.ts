import { computeBreakdown, loopBreakdownCsv, PlacedTicketFacts } from './loop-breakdown';

const asOf = new Date('2026-12-01T00:00:00.000Z');

function ticket(overrides: Partial<PlacedTicketFacts>): PlacedTicketFacts {
  return {
    ticketId: 't',
    number: 'LC-2026-000001',
    status: 'closed',
    submittedAt: new Date('2026-10-10T02:00:00.000Z'),
    acceptedAt: new Date('2026-10-10T03:00:00.000Z'),
    acceptanceLate: false,
    completedAt: new Date('2026-10-10T06:00:00.000Z'),
    completionDueAt: new Date('2026-10-11T00:00:00.000Z'),
    cancelledAt: null,
    closed: true,
    rating: 5,
    ratedOn: 'resident',
    reopens: 0,
    returns: 0,
    escalations: 0,
    owner: null,
    nextDeadlineAt: null,
    communityId: 'c-1',
    gridId: 'g-1',
    categoryCode: 'property.repair',
    ...overrides,
  };
}

describe('the loop report broken down', () => {
  const tickets = [
    ticket({ ticketId: 'a' }),
    ticket({ ticketId: 'b', communityId: 'c-2', gridId: 'g-2', rating: 2 }),
    ticket({
      ticketId: 'c',
      submittedAt: new Date('2026-11-05T01:00:00.000Z'),
      status: 'submitted',
      acceptedAt: null,
      completedAt: null,
      closed: false,
      rating: null,
      ratedOn: null,
      categoryCode: 'elderly.disabled.help',
      nextDeadlineAt: new Date('2026-11-05T07:00:00.000Z'),
    }),
  ];

  it('groups by community, grid, category and month in one pass, with the totals', () => {
    const { totals, groups } = computeBreakdown(tickets, asOf);
    expect(totals.counts.submitted).toBe(3);
    expect(groups.community.map(({ key, counts }) => [key, counts.submitted])).toEqual([
      ['c-1', 2],
      ['c-2', 1],
    ]);
    expect(groups.category.map(({ key }) => key)).toEqual(['property.repair', 'elderly.disabled.help']);
    expect(groups.community[1].rates.satisfactionRate).toBe(0);
  });

  it('reads the months as a trend, in calendar order, with what is open and overdue', () => {
    const { groups } = computeBreakdown(tickets, asOf, ['month']);
    expect(
      groups.month.map(({ key, counts, open, overdue }) => ({
        key,
        submitted: counts.submitted,
        open,
        overdue,
      })),
    ).toEqual([
      { key: '2026-10', submitted: 2, open: 0, overdue: 0 },
      { key: '2026-11', submitted: 1, open: 1, overdue: 1 },
    ]);
    expect(groups.community).toEqual([]);
  });

  it('writes the totals and every group as CSV rows', () => {
    const csv = loopBreakdownCsv(computeBreakdown(tickets, asOf, ['community']));
    expect(csv.split('\r\n')).toEqual(
      expect.arrayContaining([
        'dimension,key,figure,value',
        'total,all,submitted,3',
        'community,c-2,submitted,1',
      ]),
    );
  });
});
