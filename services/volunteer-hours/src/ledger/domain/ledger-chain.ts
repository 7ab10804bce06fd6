import { createHash } from 'node:crypto';
import { LedgerEntry, LedgerEntryDraft } from './ledger-entry';

/** The previous hash of a member's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The entry's fields in a fixed order — also the order of the ledger table's columns. Every field that
 * gives an entry its meaning is in here, so changing any of them in the database breaks the chain from
 * that entry on.
 */
export function entryFieldValues(entry: LedgerEntryDraft & { sequence: number }): unknown[] {
  return [
    entry.id,
    entry.memberId,
    entry.sequence,
    entry.kind,
    entry.minutes,
    entry.unitId,
    entry.communityId,
    entry.source?.kind ?? null,
    entry.source?.id ?? null,
    entry.assignmentId,
    entry.causedByEventId,
    entry.causedByEventType,
    entry.reversesEntryId,
    entry.reason,
    entry.verifiedBy.role,
    entry.verifiedBy.id,
    entry.occurredAt,
    entry.recordedAt,
  ];
}

/** The entry's fields as the text its hash covers (times as ISO-8601 UTC, which is how JSON writes a Date). */
export function canonicalEntryText(entry: LedgerEntryDraft & { sequence: number }): string {
  return JSON.stringify(entryFieldValues(entry));
}

/** sha256 (hex) over the previous hash and the entry's canonical text. */
export function entryHash(previousHash: string, entry: LedgerEntryDraft & { sequence: number }): string {
  return createHash('sha256')
    .update(previousHash)
    .update('\n')
    .update(canonicalEntryText(entry))
    .digest('hex');
}

/** The tip of a member's chain: what the next entry links to. */
export interface ChainHead {
  lastSequence: number;
  lastHash: string;
}

/** Links a draft to the chain after `head`. */
export function linkEntry(head: ChainHead, draft: LedgerEntryDraft): LedgerEntry {
  const sequence = head.lastSequence + 1;
  const withSequence = { ...draft, sequence };
  return { ...withSequence, previousHash: head.lastHash, hash: entryHash(head.lastHash, withSequence) };
}

/** Why a link is broken. */
export type BrokenLinkReason = 'sequence_gap' | 'previous_hash_mismatch' | 'hash_mismatch';

/** The first place a member's chain does not verify. */
export interface BrokenLink {
  memberId: string;
  entryId: string;
  sequence: number;
  reason: BrokenLinkReason;
  expected: string;
  found: string;
}

/** The outcome of verifying one member's chain. */
export interface ChainVerification {
  memberId: string;
  entriesChecked: number;
  /** The first broken link, or null when every entry verifies. */
  firstBrokenLink: BrokenLink | null;
}

/**
 * Walks a member's entries in sequence order and reports the first link that does not hold: a missing
 * or repeated sequence (a row deleted or inserted), an entry not pointing at its predecessor's hash,
 * or an entry whose fields no longer produce its stored hash (a row altered).
 */
export function verifyChain(memberId: string, entries: readonly LedgerEntry[]): ChainVerification {
  let previousHash = GENESIS_HASH;
  let expectedSequence = 1;
  for (const entry of entries) {
    const broken = (reason: BrokenLinkReason, expected: string, found: string): ChainVerification => ({
      memberId,
      entriesChecked: entry.sequence,
      firstBrokenLink: { memberId, entryId: entry.id, sequence: entry.sequence, reason, expected, found },
    });
    if (entry.sequence !== expectedSequence)
      return broken('sequence_gap', String(expectedSequence), String(entry.sequence));
    if (entry.previousHash !== previousHash)
      return broken('previous_hash_mismatch', previousHash, entry.previousHash);
    const recomputed = entryHash(entry.previousHash, entry);
    if (recomputed !== entry.hash) return broken('hash_mismatch', recomputed, entry.hash);
    previousHash = entry.hash;
    expectedSequence += 1;
  }
  return { memberId, entriesChecked: entries.length, firstBrokenLink: null };
}
