import {
  computeLoopReport,
  durationFigures,
  loopReportCsv,
  percentile90,
  rate,
  TicketLoopFacts,
} from './loop-report';

const t0 = new Date('2026-03-01T00:00:00.000Z');
const at = (hours: number) => new Date(t0.getTime() + hours * 3600_000);
const asOf = at(24 * 10);

function facts(overrides: Partial<TicketLoopFacts>): TicketLoopFacts {
  return {
    ticketId: 'ticket',
    number: 'LC-2026-000001',
    status: 'submitted',
    submittedAt: t0,
    acceptedAt: null,
    acceptanceLate: false,
    completedAt: null,
    completionDueAt: null,
    cancelledAt: null,
    closed: false,
    rating: null,
    ratedOn: null,
    reopens: 0,
    returns: 0,
    escalations: 0,
    owner: null,
    nextDeadlineAt: null,
    ...overrides,
  };
}

describe('the loop report maths', () => {
  it('gives null for a rate with nothing to divide by, and rounds to four decimals', () => {
    expect(rate(1, 0)).toBeNull();
    expect(rate(2, 3)).toBe(0.6667);
    expect(rate(3, 3)).toBe(1);
  });

  it('takes the nearest-rank 90th percentile', () => {
    expect(percentile90([])).toBeNull();
    expect(percentile90([7])).toBe(7);
    expect(percentile90([10, 1, 9, 2, 8, 3, 7, 4, 6, 5])).toBe(9);
    expect(percentile90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])).toBe(10);
  });

  it('measures mean and p90 durations in whole seconds', () => {
    expect(durationFigures([])).toEqual({ count: 0, meanSeconds: null, p90Seconds: null });
    expect(durationFigures([60, 120, 181])).toEqual({ count: 3, meanSeconds: 120, p90Seconds: 181 });
  });

  it('computes every count and rate of a small district exactly', () => {
    const tickets = [
      // Accepted on time after 1 h, completed on time after 5 h, closed with 5 stars.
      facts({
        ticketId: 't1',
        status: 'closed',
        acceptedAt: at(1),
        completedAt: at(5),
        completionDueAt: at(24),
        closed: true,
        rating: 5,
        ratedOn: 'resident',
      }),
      // Accepted late after an expiry (a return), completed late, closed with 2 stars, reopened once before.
      facts({
        ticketId: 't2',
        status: 'closed',
        acceptedAt: at(3),
        acceptanceLate: true,
        completedAt: at(30),
        completionDueAt: at(27),
        closed: true,
        rating: 2,
        ratedOn: 'resident',
        reopens: 1,
        returns: 2,
        escalations: 2,
      }),
      // Auto-confirmed without a rating.
      facts({
        ticketId: 't3',
        status: 'closed',
        acceptedAt: at(2),
        completedAt: at(10),
        completionDueAt: at(26),
        closed: true,
        rating: null,
      }),
      // A patrol finding closed on a staff callback with 5 stars: counted apart from residents' ratings.
      facts({
        ticketId: 't7',
        status: 'closed',
        acceptedAt: at(1),
        completedAt: at(4),
        completionDueAt: at(24),
        closed: true,
        rating: 5,
        ratedOn: 'callback',
      }),
      // Cancelled before anyone accepted.
      facts({ ticketId: 't4', status: 'cancelled', cancelledAt: at(1) }),
      // Accepted, then cancelled; still counts as accepted.
      facts({ ticketId: 't5', status: 'cancelled', acceptedAt: at(1), cancelledAt: at(2), returns: 1 }),
      // Open, waiting for dispatch, deadline none.
      facts({
        ticketId: 't6',
        status: 'submitted',
        submittedAt: at(24 * 9 + 20),
        owner: { kind: 'community', id: 'c-1' },
      }),
    ];
    const report = computeLoopReport(tickets, asOf);
    expect(report.counts).toEqual({
      submitted: 7,
      accepted: 5,
      completed: 4,
      closed: 4,
      cancelled: 2,
      cancelledBeforeAcceptance: 1,
      reopened: 1,
      returns: 3,
      escalated: 1,
      ratedByResidents: 2,
      ratedOnCallback: 1,
      reportsReceived: 7,
      duplicatesMerged: 0,
    });
    expect(report.rates).toEqual({
      acceptanceRate: 0.8333, // 5 accepted of 7 submitted less 1 cancelled before acceptance
      completionRate: 0.8, // 4 completed of 5 accepted
      onTimeAcceptanceRate: 0.8, // 4 of 5 accepted without an expiry or acceptance escalation first
      onTimeCompletionRate: 0.75, // 3 of 4 completed by the acceptance's completion deadline
      satisfactionRate: 0.5, // 1 of the residents' own 2 ratings at 4 or 5 stars
      callbackSatisfactionRate: 1, // the one rating taken on a callback, apart
      reopenRate: 0.25, // 1 of 4 completed tickets reopened
      returnsPerTicket: 0.4286, // 3 declines and hand-backs over 7 tickets
    });
    expect(report.timeToAccept).toEqual({
      count: 5,
      meanSeconds: Math.round(((1 + 3 + 2 + 1 + 1) / 5) * 3600),
      p90Seconds: 3 * 3600,
    });
    expect(report.timeToComplete).toEqual({
      count: 4,
      meanSeconds: Math.round(((5 + 30 + 10 + 4) / 4) * 3600),
      p90Seconds: 30 * 3600,
    });
  });

  it('sorts open tickets by age, owner and next deadline', () => {
    const owner = { kind: 'member', id: 'member-77' };
    const report = computeLoopReport(
      [
        facts({
          ticketId: 'fresh',
          number: 'N1',
          status: 'dispatched',
          submittedAt: at(24 * 10 - 2),
          owner,
          nextDeadlineAt: at(24 * 10 - 1),
        }),
        facts({
          ticketId: 'two-days',
          number: 'N2',
          status: 'accepted',
          submittedAt: at(24 * 8),
          owner,
          nextDeadlineAt: at(24 * 10 + 5),
        }),
        facts({
          ticketId: 'five-days',
          number: 'N3',
          status: 'resolved',
          submittedAt: at(24 * 5),
          owner: { kind: 'resident', id: 'r-1' },
          nextDeadlineAt: at(24 * 12),
        }),
        facts({
          ticketId: 'old',
          number: 'N4',
          status: 'submitted',
          submittedAt: at(0),
          owner: { kind: 'community', id: 'c-1' },
        }),
        facts({ ticketId: 'done', number: 'N5', status: 'closed', closed: true }),
      ],
      asOf,
    );
    expect(report.open.total).toBe(4);
    expect(report.open.byAge).toEqual({ under_1d: 1, from_1d_to_3d: 1, from_3d_to_7d: 1, over_7d: 1 });
    expect(report.open.byDeadline).toEqual({ overdue: 1, within_24h: 1, later: 1, none: 1 });
    expect(report.open.byOwner).toEqual([
      { owner: 'member:member-77', count: 2 },
      { owner: 'community:c-1', count: 1 },
      { owner: 'resident:r-1', count: 1 },
    ]);
    expect(report.open.nextDeadlines.map((line) => line.number)).toEqual(['N1', 'N2', 'N3', 'N4']);
  });

  it('writes the report as CSV with one figure per row', () => {
    const csv = loopReportCsv(computeLoopReport([facts({ acceptedAt: at(1) })], asOf));
    const rows = csv.trimEnd().split('\r\n');
    expect(rows[0]).toBe('section,key,value');
    expect(rows).toContain('counts,submitted,1');
    expect(rows).toContain('rates,acceptanceRate,1');
    expect(rows).toContain('rates,completionRate,0');
    expect(rows).toContain('rates,satisfactionRate,');
    expect(rows).toContain('timeToAccept,meanSeconds,3600');
  });
});

describe('duplicate reports in the loop report', () => {
  it('computes the rates over problems and counts reports and merged duplicates apart', () => {
    const master = facts({
      ticketId: 'master',
      status: 'closed',
      acceptedAt: at(1),
      completedAt: at(5),
      closed: true,
      rating: 5,
      ratedOn: 'resident',
    });
    // Closed with their master, they would lift 受理率 and 办结率 were they counted as problems.
    const duplicates = ['d1', 'd2'].map((ticketId) =>
      facts({ ticketId, status: 'closed', closed: true, mergedInto: 'master' }),
    );
    const unanswered = facts({ ticketId: 'other', status: 'submitted' });

    const report = computeLoopReport([master, ...duplicates, unanswered], asOf);

    expect(report.counts).toMatchObject({
      submitted: 2,
      accepted: 1,
      closed: 1,
      reportsReceived: 4,
      duplicatesMerged: 2,
    });
    expect(report.rates.acceptanceRate).toBe(0.5);
    expect(report.rates.completionRate).toBe(1);
    expect(report.open.total).toBe(1);
  });
});
