import { describe, expect, it } from 'vitest';
import { boardRows, categoriesOn, marksOf, spanText, type BoardCase } from './board';

const now = Date.parse('2026-12-07T04:00:00Z');

function ticket(overrides: Partial<BoardCase>): BoardCase {
  return {
    ticketId: overrides.ticketNumber ?? 't',
    ticketNumber: 'T-1',
    acceptDueAt: '2026-12-07T06:00:00Z',
    completeDueAt: '2026-12-08T04:00:00Z',
    attempts: 0,
    categoryCode: 'property.repair',
    communityId: 'c',
    gridId: 'g',
    overdue: false,
    returns: 0,
    status: 'awaiting_dispatch',
    submittedAt: '2026-12-07T03:00:00Z',
    urgency: 'normal',
    ...overrides,
  };
}

describe('the dispatch board', () => {
  it('puts the soonest deadline first, so overdue tickets lead, and marks them', () => {
    const rows = boardRows(
      [
        ticket({ ticketNumber: 'later', acceptDueAt: '2026-12-07T09:00:00Z' }),
        ticket({ ticketNumber: 'passed', acceptDueAt: '2026-12-07T03:30:00Z' }),
        ticket({ ticketNumber: 'soon', acceptDueAt: '2026-12-07T04:20:00Z' }),
      ],
      {},
      now,
    );
    expect(rows.map((row) => row.case.ticketNumber)).toEqual(['passed', 'soon', 'later']);
    expect(rows.map((row) => row.overdue)).toEqual([true, false, false]);
    expect(rows[0].remainingMs).toBe(-30 * 60_000);
  });

  it('trusts the service’s overdue flag and its next deadline, and reads the completion deadline for work in hand', () => {
    const flagged = marksOf(ticket({ overdue: true }), now);
    expect(flagged.overdue).toBe(true);
    const named = marksOf(
      ticket({ status: 'offered', nextDeadline: { at: '2026-12-07T05:00:00Z', kind: 'accept' } }),
      now,
    );
    expect(named).toMatchObject({ deadlineAt: '2026-12-07T05:00:00Z', deadlineKind: 'accept' });
    const inHand = marksOf(ticket({ status: 'in_progress' }), now);
    expect(inHand).toMatchObject({ deadlineAt: '2026-12-08T04:00:00Z', deadlineKind: 'complete' });
  });

  it('orders equal deadlines by escalation level, then urgency', () => {
    const due = '2026-12-07T05:00:00Z';
    const escalation = {
      escalatedAt: '2026-12-07T03:50:00Z',
      escalatedTo: { id: 'o', role: 'official' },
      level: 2 as const,
      reason: 'accept_deadline' as const,
    };
    const rows = boardRows(
      [
        ticket({ ticketNumber: 'plain', acceptDueAt: due }),
        ticket({ ticketNumber: 'urgent', acceptDueAt: due, urgency: 'urgent' }),
        ticket({ ticketNumber: 'escalated', acceptDueAt: due, escalation }),
      ],
      {},
      now,
    );
    expect(rows.map((row) => row.case.ticketNumber)).toEqual(['escalated', 'urgent', 'plain']);
    expect(rows[0].escalationLevel).toBe(2);
    expect(rows[2].escalationLevel).toBe(0);
  });

  it('narrows to a category and an urgency', () => {
    const cases = [
      ticket({ ticketNumber: 'a', categoryCode: 'property.repair', urgency: 'urgent' }),
      ticket({ ticketNumber: 'b', categoryCode: 'safety.hazard', urgency: 'urgent' }),
      ticket({ ticketNumber: 'c', categoryCode: 'property.repair' }),
    ];
    expect(
      boardRows(cases, { categoryCode: 'property.repair' }, now).map((r) => r.case.ticketNumber),
    ).toEqual(['a', 'c']);
    expect(
      boardRows(cases, { categoryCode: 'property.repair', urgency: 'urgent' }, now).map(
        (r) => r.case.ticketNumber,
      ),
    ).toEqual(['a']);
    expect(categoriesOn(cases)).toEqual(['property.repair', 'safety.hazard']);
  });

  it('words a span in its two largest units', () => {
    expect(spanText(45 * 60_000, 'zh-CN')).toBe('45 分钟');
    expect(spanText(-(2 * 60 + 5) * 60_000, 'zh-CN')).toBe('2 小时 5 分钟');
    expect(spanText((26 * 60 + 7) * 60_000, 'zh-CN')).toBe('1 天 2 小时');
    expect(spanText(65 * 60_000, 'en')).toBe('1h 5m');
    expect(spanText(3 * 60 * 60_000, 'en')).toBe('3h');
  });
});
