import { LedgerEntryDraft } from './ledger-entry';
import { LedgerInvariantError } from './ledger.errors';

/** The largest single credit: a day's work, as the contracts allow. */
export const MAX_ENTRY_MINUTES = 1440;

/**
 * Checks the rules every draft must keep before it is appended: credits are positive, reversals are the
 * exact negative of the credit they cancel, adjustments carry a reason and are not zero, and nothing
 * exceeds a day.
 */
export function assertValidDraft(
  draft: LedgerEntryDraft,
  reversed?: { minutes: number; kind: string } | null,
): void {
  if (!Number.isInteger(draft.minutes) || draft.minutes === 0)
    throw new LedgerInvariantError('minutes must be a non-zero whole number');
  if (Math.abs(draft.minutes) > MAX_ENTRY_MINUTES)
    throw new LedgerInvariantError(`at most ${MAX_ENTRY_MINUTES} minutes per entry`);
  switch (draft.kind) {
    case 'credit':
      if (draft.minutes < 0) throw new LedgerInvariantError('a credit is positive');
      if (!draft.source) throw new LedgerInvariantError('a credit names its ticket or activity');
      return;
    case 'reversal':
      if (!reversed || reversed.kind !== 'credit')
        throw new LedgerInvariantError('a reversal cancels a credit');
      if (draft.minutes !== -reversed.minutes)
        throw new LedgerInvariantError('a reversal takes back exactly the credited minutes');
      return;
    case 'adjustment':
      if (!draft.reason || draft.reason.trim() === '')
        throw new LedgerInvariantError('an adjustment gives a reason');
      return;
  }
}

/** One line of a statement: an entry and the member's balance after it. */
export interface StatementLine<E extends { minutes: number }> {
  entry: E;
  balanceMinutes: number;
}

/** Running balances over entries in ledger order; the last balance equals the sum of all entries. */
export function runningBalance<E extends { minutes: number }>(
  entries: readonly E[],
  openingMinutes = 0,
): StatementLine<E>[] {
  let balance = openingMinutes;
  return entries.map((entry) => {
    balance += entry.minutes;
    return { entry, balanceMinutes: balance };
  });
}
