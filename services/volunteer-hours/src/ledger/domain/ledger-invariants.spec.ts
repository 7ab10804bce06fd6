import { LedgerEntryDraft } from './ledger-entry';
import { assertValidDraft, runningBalance } from './ledger-invariants';
import { LedgerInvariantError } from './ledger.errors';

const base: LedgerEntryDraft = {
  id: 'e1',
  memberId: 'member-1',
  kind: 'credit',
  minutes: 40,
  unitId: null,
  communityId: null,
  source: { kind: 'ticket', id: 't1' },
  assignmentId: null,
  causedByEventId: 'k1',
  causedByEventType: 'ticket.confirmed',
  reversesEntryId: null,
  reason: null,
  verifiedBy: { role: 'resident', id: 'resident-1' },
  occurredAt: new Date(0),
  recordedAt: new Date(0),
};

describe('the ledger invariants', () => {
  it('keeps the balance equal to the sum of the entries after every line', () => {
    const entries = [{ minutes: 40 }, { minutes: -40 }, { minutes: 25 }, { minutes: -5 }];
    const lines = runningBalance(entries);
    expect(lines.map((line) => line.balanceMinutes)).toEqual([40, 0, 25, 20]);
    expect(lines[lines.length - 1].balanceMinutes).toBe(
      entries.reduce((sum, entry) => sum + entry.minutes, 0),
    );
  });

  it('starts a period statement from the opening balance', () => {
    expect(runningBalance([{ minutes: 10 }], 100).map((line) => line.balanceMinutes)).toEqual([110]);
  });

  it('accepts a positive credit with a source', () => {
    expect(() => assertValidDraft(base)).not.toThrow();
  });

  it('refuses a credit of zero, a negative credit and one of more than a day', () => {
    expect(() => assertValidDraft({ ...base, minutes: 0 })).toThrow(LedgerInvariantError);
    expect(() => assertValidDraft({ ...base, minutes: -5 })).toThrow(LedgerInvariantError);
    expect(() => assertValidDraft({ ...base, minutes: 1441 })).toThrow(LedgerInvariantError);
  });

  it('accepts a reversal only as the exact negative of a credit', () => {
    const reversal = { ...base, kind: 'reversal' as const, minutes: -40, reversesEntryId: 'c1' };
    expect(() => assertValidDraft(reversal, { kind: 'credit', minutes: 40 })).not.toThrow();
    expect(() => assertValidDraft(reversal, { kind: 'credit', minutes: 30 })).toThrow(LedgerInvariantError);
    expect(() => assertValidDraft(reversal, { kind: 'adjustment', minutes: 40 })).toThrow(
      LedgerInvariantError,
    );
    expect(() => assertValidDraft(reversal, null)).toThrow(LedgerInvariantError);
  });

  it('requires a reason for an adjustment', () => {
    const adjustment = { ...base, kind: 'adjustment' as const, minutes: -30, source: null };
    expect(() => assertValidDraft({ ...adjustment, reason: '  ' })).toThrow(LedgerInvariantError);
    expect(() => assertValidDraft({ ...adjustment, reason: '签退时间登记错误' })).not.toThrow();
  });
});
