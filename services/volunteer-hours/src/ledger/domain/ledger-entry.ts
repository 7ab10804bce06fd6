/** The kinds of ledger entry: minutes earned, a credit cancelled, or a staff correction. */
export const ledgerEntryKinds = ['credit', 'reversal', 'adjustment'] as const;
/** A kind of ledger entry. */
export type LedgerEntryKind = (typeof ledgerEntryKinds)[number];

/** What earned (or lost) the minutes. */
export interface LedgerSource {
  kind: 'ticket' | 'activity';
  id: string;
}

/** Who vouched for an entry: the confirming resident, the organiser, staff, or `system` (auto-confirmation). */
export interface LedgerVerifier {
  role: string;
  id: string;
}

/** An entry as it is about to be appended, before the chain gives it a sequence and a hash. */
export interface LedgerEntryDraft {
  id: string;
  memberId: string;
  kind: LedgerEntryKind;
  /** Signed: positive for credits, negative for reversals, either for adjustments. */
  minutes: number;
  unitId: string | null;
  communityId: string | null;
  source: LedgerSource | null;
  assignmentId: string | null;
  causedByEventId: string | null;
  causedByEventType: string | null;
  reversesEntryId: string | null;
  reason: string | null;
  verifiedBy: LedgerVerifier;
  /** When the fact behind the entry happened (confirmation, check-out, adjustment). */
  occurredAt: Date;
  recordedAt: Date;
}

/** An entry in the ledger: the draft plus its place in the member's chain. */
export interface LedgerEntry extends LedgerEntryDraft {
  sequence: number;
  previousHash: string;
  hash: string;
}
