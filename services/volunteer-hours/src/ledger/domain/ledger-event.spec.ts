import { hoursCreditedV1, hoursReversedV1 } from '@loop/contracts';
import { LedgerEntry } from './ledger-entry';
import { ledgerEventOf } from './ledger-event';

const credit: LedgerEntry = {
  id: '0195a1c0-2b3c-7d4e-8f5a-6b7c8d9e0f1a',
  memberId: '0195a1b0-1a2b-7c3d-8e4f-5a6b7c8d9e0f',
  kind: 'credit',
  minutes: 40,
  unitId: null,
  communityId: null,
  source: { kind: 'ticket', id: '0195a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b' },
  assignmentId: null,
  causedByEventId: '0195a1bf-0a1b-7c2d-8e3f-4a5b6c7d8e9f',
  causedByEventType: 'ticket.confirmed',
  reversesEntryId: null,
  reason: null,
  verifiedBy: { role: 'resident', id: 'resident-1' },
  occurredAt: new Date('2025-03-01T06:00:00.000Z'),
  recordedAt: new Date('2025-03-01T06:00:02.000Z'),
  sequence: 1,
  previousHash: '0'.repeat(64),
  hash: 'a'.repeat(64),
};

const reversal: LedgerEntry = {
  ...credit,
  id: '0195a1c9-3c4d-7e5f-9a6b-7c8d9e0f1a2b',
  kind: 'reversal',
  minutes: -40,
  causedByEventId: '0195a1c8-4d5e-7f6a-8b7c-8d9e0f1a2b3c',
  causedByEventType: 'ticket.reopened',
  reversesEntryId: credit.id,
  reason: 'ticket_reopened',
  recordedAt: new Date('2025-03-02T08:00:00.000Z'),
  sequence: 2,
};

describe('the event a ledger entry publishes', () => {
  it('announces a credit as hours.credited, at the instant it was recorded', () => {
    const event = ledgerEventOf(credit, null);
    expect(event?.definition).toBe(hoursCreditedV1);
    expect(event?.payload).toEqual({
      entryId: credit.id,
      memberId: credit.memberId,
      minutes: 40,
      source: credit.source,
      causedByEventId: credit.causedByEventId,
      creditedAt: '2025-03-01T06:00:02.000Z',
    });
  });

  it('announces a reversal as hours.reversed with positive minutes and the reversed credit source', () => {
    const event = ledgerEventOf(reversal, credit);
    expect(event?.definition).toBe(hoursReversedV1);
    expect(event?.payload).toMatchObject({
      entryId: reversal.id,
      reversesEntryId: credit.id,
      minutes: 40,
      source: credit.source,
      reason: 'ticket_reopened',
      reversedAt: '2025-03-02T08:00:00.000Z',
    });
  });

  it('announces nothing for a staff adjustment', () => {
    expect(ledgerEventOf({ ...credit, kind: 'adjustment', causedByEventId: null }, null)).toBeNull();
  });
});
