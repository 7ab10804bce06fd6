import { GENESIS_HASH, linkEntry, verifyChain } from './ledger-chain';
import { LedgerEntry, LedgerEntryDraft } from './ledger-entry';

function draft(id: string, minutes: number, overrides: Partial<LedgerEntryDraft> = {}): LedgerEntryDraft {
  return {
    id,
    memberId: 'member-1',
    kind: 'credit',
    minutes,
    unitId: null,
    communityId: null,
    source: { kind: 'ticket', id: '0195a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b' },
    assignmentId: null,
    causedByEventId: `cause-${id}`,
    causedByEventType: 'ticket.confirmed',
    reversesEntryId: null,
    reason: null,
    verifiedBy: { role: 'resident', id: 'resident-1' },
    occurredAt: new Date('2025-03-01T06:00:00.000Z'),
    recordedAt: new Date('2025-03-01T06:00:01.000Z'),
    ...overrides,
  };
}

function chainOf(...drafts: LedgerEntryDraft[]): LedgerEntry[] {
  const entries: LedgerEntry[] = [];
  let head = { lastSequence: 0, lastHash: GENESIS_HASH };
  for (const item of drafts) {
    const entry = linkEntry(head, item);
    entries.push(entry);
    head = { lastSequence: entry.sequence, lastHash: entry.hash };
  }
  return entries;
}

describe("a member's hash chain", () => {
  it('verifies when nothing was changed', () => {
    const entries = chainOf(draft('a', 40), draft('b', 30), draft('c', 20));
    expect(verifyChain('member-1', entries)).toEqual({
      memberId: 'member-1',
      entriesChecked: 3,
      firstBrokenLink: null,
    });
  });

  it('starts from the genesis hash and links each entry to the one before', () => {
    const [first, second] = chainOf(draft('a', 40), draft('b', 30));
    expect(first.previousHash).toBe(GENESIS_HASH);
    expect(second.previousHash).toBe(first.hash);
    expect(second.sequence).toBe(2);
  });

  it('reports an altered entry as the first broken link', () => {
    const entries = chainOf(draft('a', 40), draft('b', 30), draft('c', 20));
    entries[1] = { ...entries[1], minutes: 300 };
    expect(verifyChain('member-1', entries).firstBrokenLink).toMatchObject({
      entryId: 'b',
      sequence: 2,
      reason: 'hash_mismatch',
    });
  });

  it('reports a deleted entry as a sequence gap', () => {
    const entries = chainOf(draft('a', 40), draft('b', 30), draft('c', 20));
    expect(verifyChain('member-1', [entries[0], entries[2]]).firstBrokenLink).toMatchObject({
      entryId: 'c',
      reason: 'sequence_gap',
    });
  });

  it('reports an entry re-hashed after alteration, because its successor no longer points at it', () => {
    const entries = chainOf(draft('a', 40), draft('b', 30), draft('c', 20));
    const forged = linkEntry({ lastSequence: 1, lastHash: entries[0].hash }, { ...draft('b', 300) });
    expect(verifyChain('member-1', [entries[0], forged, entries[2]]).firstBrokenLink).toMatchObject({
      entryId: 'c',
      reason: 'previous_hash_mismatch',
    });
  });

  it('covers the verifier in the hash, so who vouched cannot be rewritten', () => {
    const entries = chainOf(draft('a', 40));
    entries[0] = { ...entries[0], verifiedBy: { role: 'staff', id: 'someone-else' } };
    expect(verifyChain('member-1', entries).firstBrokenLink?.reason).toBe('hash_mismatch');
  });
});
