import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ChainHead, entryFieldValues, GENESIS_HASH } from '../domain/ledger-chain';
import { LedgerEntry, LedgerEntryKind } from '../domain/ledger-entry';

interface LedgerEntryRow {
  id: string;
  member_id: string;
  sequence: number;
  kind: LedgerEntryKind;
  minutes: number;
  unit_id: string | null;
  community_id: string | null;
  source_kind: 'ticket' | 'activity' | null;
  source_id: string | null;
  assignment_id: string | null;
  caused_by_event_id: string | null;
  caused_by_event_type: string | null;
  reverses_entry_id: string | null;
  reason: string | null;
  verified_by_role: string;
  verified_by_id: string;
  occurred_at: Date;
  recorded_at: Date;
  previous_hash: string;
  hash: string;
}

// In the order of entryFieldValues, then the chain's two hashes.
const entryColumns = `id, member_id, sequence, kind, minutes, unit_id, community_id, source_kind, source_id,
  assignment_id, caused_by_event_id, caused_by_event_type, reverses_entry_id, reason, verified_by_role,
  verified_by_id, occurred_at, recorded_at, previous_hash, hash`;

function toEntry(row: LedgerEntryRow): LedgerEntry {
  return {
    id: row.id,
    memberId: row.member_id,
    sequence: Number(row.sequence),
    kind: row.kind,
    minutes: Number(row.minutes),
    unitId: row.unit_id,
    communityId: row.community_id,
    source: row.source_kind && row.source_id ? { kind: row.source_kind, id: row.source_id } : null,
    assignmentId: row.assignment_id,
    causedByEventId: row.caused_by_event_id,
    causedByEventType: row.caused_by_event_type,
    reversesEntryId: row.reverses_entry_id,
    reason: row.reason,
    verifiedBy: { role: row.verified_by_role, id: row.verified_by_id },
    occurredAt: new Date(row.occurred_at),
    recordedAt: new Date(row.recorded_at),
    previousHash: row.previous_hash.trim(),
    hash: row.hash.trim(),
  };
}

/** Optional bounds on when entries happened. */
export interface Period {
  from?: Date;
  to?: Date;
}

/** Reads and appends ledger entries and chain heads with the caller's EntityManager (transaction). */
@Injectable()
export class LedgerTypeormRepository {
  /**
   * Locks the member's chain head (creating it at genesis if new) until the transaction ends, so
   * concurrent appends for one member take turns and each links to the one before.
   */
  async lockHead(manager: EntityManager, memberId: string): Promise<ChainHead> {
    await manager.query(
      `INSERT INTO ledger_member_head (member_id, last_sequence, last_hash) VALUES ($1, 0, $2) ON CONFLICT (member_id) DO NOTHING`,
      [memberId, GENESIS_HASH],
    );
    const rows = (await manager.query(
      `SELECT last_sequence, last_hash FROM ledger_member_head WHERE member_id = $1 FOR UPDATE`,
      [memberId],
    )) as Array<{ last_sequence: number; last_hash: string }>;
    return { lastSequence: Number(rows[0].last_sequence), lastHash: rows[0].last_hash.trim() };
  }

  /** Appends a linked entry and moves the member's head to it. */
  async append(manager: EntityManager, entry: LedgerEntry): Promise<void> {
    await manager.query(
      `INSERT INTO ledger_entry (${entryColumns}) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20)`,
      [...entryFieldValues(entry), entry.previousHash, entry.hash],
    );
    await manager.query(
      `UPDATE ledger_member_head SET last_sequence = $2, last_hash = $3 WHERE member_id = $1`,
      [entry.memberId, entry.sequence, entry.hash],
    );
  }

  /** The entry of `kind` caused by `eventId`, if one was appended. */
  async findByCause(
    manager: EntityManager,
    kind: LedgerEntryKind,
    eventId: string,
  ): Promise<LedgerEntry | null> {
    const rows = (await manager.query(
      `SELECT ${entryColumns} FROM ledger_entry WHERE kind = $1 AND caused_by_event_id = $2`,
      [kind, eventId],
    )) as LedgerEntryRow[];
    return rows.length > 0 ? toEntry(rows[0]) : null;
  }

  /** One entry by id. */
  async findById(manager: EntityManager, id: string): Promise<LedgerEntry | null> {
    const rows = (await manager.query(`SELECT ${entryColumns} FROM ledger_entry WHERE id = $1`, [
      id,
    ])) as LedgerEntryRow[];
    return rows.length > 0 ? toEntry(rows[0]) : null;
  }

  /** Whether a reversal of the entry exists. */
  async isReversed(manager: EntityManager, entryId: string): Promise<boolean> {
    const rows = (await manager.query(`SELECT 1 FROM ledger_entry WHERE reverses_entry_id = $1`, [
      entryId,
    ])) as unknown[];
    return rows.length > 0;
  }

  /** A member's entries in chain order, optionally within a period of occurrence. */
  async entriesOfMember(
    manager: EntityManager,
    memberId: string,
    period: Period = {},
  ): Promise<LedgerEntry[]> {
    const rows = (await manager.query(
      `SELECT ${entryColumns} FROM ledger_entry
        WHERE member_id = $1 AND ($2::timestamptz IS NULL OR occurred_at >= $2) AND ($3::timestamptz IS NULL OR occurred_at < $3)
        ORDER BY sequence`,
      [memberId, period.from ?? null, period.to ?? null],
    )) as LedgerEntryRow[];
    return rows.map(toEntry);
  }

  /** The sum of a member's entries that happened before `before` (the statement's opening balance). */
  async balanceBefore(manager: EntityManager, memberId: string, before: Date): Promise<number> {
    const rows = (await manager.query(
      `SELECT COALESCE(SUM(minutes), 0)::int AS minutes FROM ledger_entry WHERE member_id = $1 AND occurred_at < $2`,
      [memberId, before],
    )) as Array<{ minutes: number }>;
    return Number(rows[0].minutes);
  }

  /** Every member with at least one entry, in id order. */
  async membersWithEntries(manager: EntityManager): Promise<string[]> {
    const rows = (await manager.query(
      `SELECT DISTINCT member_id FROM ledger_entry ORDER BY member_id`,
    )) as Array<{
      member_id: string;
    }>;
    return rows.map((row) => row.member_id);
  }

  /** The member's credit for an activity, if there is one (at most one can exist). */
  async findActivityCredit(
    manager: EntityManager,
    activityId: string,
    memberId: string,
  ): Promise<LedgerEntry | null> {
    const rows = (await manager.query(
      `SELECT ${entryColumns} FROM ledger_entry WHERE kind = 'credit' AND source_kind = 'activity' AND source_id = $1 AND member_id = $2`,
      [activityId, memberId],
    )) as LedgerEntryRow[];
    return rows.length > 0 ? toEntry(rows[0]) : null;
  }

  /** The community an activity serves (activities live in this service's database too). */
  async communityOfActivity(manager: EntityManager, activityId: string): Promise<string | null> {
    const rows = (await manager.query(`SELECT community_id FROM activity WHERE id = $1`, [
      activityId,
    ])) as Array<{ community_id: string }>;
    return rows[0]?.community_id ?? null;
  }
}
