import {
  describeAuditFailure,
  EXIT_CLEAN,
  EXIT_FINDINGS,
  exitCodeOf,
  formatLoopAuditReport,
  LoopAuditReport,
} from './loop-audit-report';

const clean: LoopAuditReport = {
  checkedAt: '2026-04-01T08:00:00.000Z',
  ticketsChecked: 12,
  eventsChecked: 80,
  findings: [],
  counts: { 'open-without-owner': 0 },
};

const broken: LoopAuditReport = {
  ...clean,
  findings: [
    {
      kind: 'open-without-owner',
      ticketId: 'id-1',
      ticketNumber: 'LC-2026-000001',
      detail: 'submitted, but dispatch has no case',
    },
    {
      kind: 'closed-hours-doubled',
      ticketId: 'id-22',
      ticketNumber: 'LC-2026-000022',
      detail: 'closed; 2 standing credits',
    },
    {
      kind: 'open-without-owner',
      ticketId: 'id-333',
      ticketNumber: 'LC-2026-000333',
      detail: 'accepted; no owner',
    },
  ],
};

describe('the loop audit printout', () => {
  it('says the loop is clean in one line, with what was checked', () => {
    expect(formatLoopAuditReport(clean)).toBe('loop audit: clean, 12 tickets and 80 events checked');
  });

  it('groups findings by kind in aligned tables and ends with the total', () => {
    expect(formatLoopAuditReport(broken).split('\n')).toEqual([
      'open-without-owner (2)',
      '  ticket          id      detail',
      '  LC-2026-000001  id-1    submitted, but dispatch has no case',
      '  LC-2026-000333  id-333  accepted; no owner',
      '',
      'closed-hours-doubled (1)',
      '  ticket          id     detail',
      '  LC-2026-000022  id-22  closed; 2 standing credits',
      '',
      'loop audit: 3 findings, 12 tickets and 80 events checked at 2026-04-01T08:00:00.000Z',
    ]);
  });

  it('exits 0 when clean and 1 when there are findings', () => {
    expect(exitCodeOf(clean)).toBe(EXIT_CLEAN);
    expect(exitCodeOf(broken)).toBe(EXIT_FINDINGS);
  });

  it('explains a failed audit with the problem detail, or the raw answer when there is none', () => {
    expect(
      describeAuditFailure(
        503,
        JSON.stringify({ title: 'Service Unavailable', detail: 'The loop audit failed: dispatch …' }),
      ),
    ).toBe('loop audit failed (503): The loop audit failed: dispatch …');
    expect(describeAuditFailure(403, JSON.stringify({ title: 'Forbidden' }))).toBe(
      'loop audit failed (403): Forbidden',
    );
    expect(describeAuditFailure(502, 'Bad gateway')).toBe('loop audit failed (502): Bad gateway');
    expect(describeAuditFailure(500, '')).toBe('loop audit failed (500)');
  });
});
