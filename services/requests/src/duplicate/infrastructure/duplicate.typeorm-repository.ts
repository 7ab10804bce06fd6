import { EntityManager } from 'typeorm';
import { cancellableTicketStatuses } from '../../ticket/domain/ticket-status';

/** Where a proposal stands: waiting for staff, merged, kept apart, or overtaken by another decision. */
export type ProposalStatus = 'open' | 'merged' | 'kept_apart' | 'withdrawn';

/** A proposal as listed for staff, with both tickets' numbers, titles and statuses. */
export interface ProposalView {
  duplicateTicketId: string;
  duplicateTicketNumber: string;
  duplicateTitle: string;
  duplicateStatus: string;
  masterTicketId: string;
  masterTicketNumber: string;
  masterTitle: string;
  masterStatus: string;
  communityId: string;
  similarity: number;
  exact: boolean;
  status: ProposalStatus;
  proposedAt: Date;
  decidedBy: { role: string; id: string } | null;
  decidedAt: Date | null;
  reason: string | null;
}

/** Who decided, when and why. */
export interface Decision {
  status: Exclude<ProposalStatus, 'open'>;
  by: { role: string; id: string };
  at: Date;
  reason?: string;
}

/** Merged duplicates and duplicate proposals, inside the caller's transaction. */
export class DuplicateRepository {
  constructor(private readonly manager: EntityManager) {}

  /** Ids of the tickets merged into `masterId`, in id order (the order they are locked in). */
  async duplicatesOf(masterId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.manager.query(
      'SELECT id FROM ticket WHERE merged_into_ticket_id = $1 ORDER BY id',
      [masterId],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Ids of the tickets merged into `masterId` that are still open (neither closed nor cancelled), in id
   * order: the ones that follow it.
   */
  async openDuplicatesOf(masterId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.manager.query(
      `SELECT id FROM ticket WHERE merged_into_ticket_id = $1 AND status NOT IN ('closed', 'cancelled')
       ORDER BY id`,
      [masterId],
    );
    return rows.map((row) => row.id);
  }

  /** Numbers and statuses of the tickets merged into `masterId`, oldest first. */
  async mergedInto(
    masterId: string,
  ): Promise<Array<{ ticketId: string; ticketNumber: string; status: string; submittedAt: Date }>> {
    const rows: Array<{ id: string; number: string; status: string; submitted_at: Date }> =
      await this.manager.query(
        `SELECT id, number, status, submitted_at FROM ticket WHERE merged_into_ticket_id = $1
         ORDER BY submitted_at, id`,
        [masterId],
      );
    return rows.map((row) => ({
      ticketId: row.id,
      ticketNumber: row.number,
      status: row.status,
      submittedAt: row.submitted_at,
    }));
  }

  /** The tickets staff kept apart from `ticketId` (either way round). */
  async keptApartFrom(ticketId: string): Promise<Set<string>> {
    const rows: Array<{ other: string }> = await this.manager.query(
      `SELECT CASE WHEN duplicate_ticket_id = $1 THEN master_ticket_id ELSE duplicate_ticket_id END AS other
       FROM duplicate_proposal
       WHERE status = 'kept_apart' AND (duplicate_ticket_id = $1 OR master_ticket_id = $1)`,
      [ticketId],
    );
    return new Set(rows.map((row) => row.other));
  }

  /** Proposes `masterId` for `duplicateId`, unless the pair was proposed before or one is open already. */
  async propose(proposal: {
    duplicateId: string;
    masterId: string;
    communityId: string;
    similarity: number;
    exact: boolean;
    at: Date;
  }): Promise<void> {
    await this.manager.query(
      `INSERT INTO duplicate_proposal
         (duplicate_ticket_id, master_ticket_id, community_id, similarity, exact, status, proposed_at)
       VALUES ($1, $2, $3, $4, $5, 'open', $6) ON CONFLICT DO NOTHING`,
      [
        proposal.duplicateId,
        proposal.masterId,
        proposal.communityId,
        proposal.similarity,
        proposal.exact,
        proposal.at,
      ],
    );
  }

  /**
   * Records the decision on the pair (proposed or not), and withdraws the duplicate's other open
   * proposal when it was merged.
   */
  async decide(
    pair: { duplicateId: string; masterId: string; communityId: string; similarity: number },
    decision: Decision,
  ): Promise<void> {
    await this.manager.query(
      `INSERT INTO duplicate_proposal
         (duplicate_ticket_id, master_ticket_id, community_id, similarity, exact, status, proposed_at,
          decided_by_role, decided_by_id, decided_at, reason)
       VALUES ($1, $2, $3, $4, false, $5, $6, $7, $8, $6, $9)
       ON CONFLICT (duplicate_ticket_id, master_ticket_id) DO UPDATE SET
         status = EXCLUDED.status, decided_by_role = EXCLUDED.decided_by_role,
         decided_by_id = EXCLUDED.decided_by_id, decided_at = EXCLUDED.decided_at, reason = EXCLUDED.reason`,
      [
        pair.duplicateId,
        pair.masterId,
        pair.communityId,
        pair.similarity,
        decision.status,
        decision.at,
        decision.by.role,
        decision.by.id,
        decision.reason ?? null,
      ],
    );
    if (decision.status === 'merged') {
      await this.manager.query(
        `UPDATE duplicate_proposal SET status = 'withdrawn', decided_at = $2
         WHERE duplicate_ticket_id = $1 AND status = 'open'`,
        [pair.duplicateId, decision.at],
      );
    }
  }

  /** How a pair was proposed or decided before ([duplicate, master]), if it was. */
  async orientationOf(a: string, b: string): Promise<[string, string] | undefined> {
    const rows: Array<{ duplicate_ticket_id: string; master_ticket_id: string }> = await this.manager.query(
      `SELECT duplicate_ticket_id, master_ticket_id FROM duplicate_proposal
       WHERE (duplicate_ticket_id = $1 AND master_ticket_id = $2) OR (duplicate_ticket_id = $2 AND master_ticket_id = $1)
       ORDER BY proposed_at LIMIT 1`,
      [a, b],
    );
    return rows[0] ? [rows[0].duplicate_ticket_id, rows[0].master_ticket_id] : undefined;
  }

  /**
   * Open proposals in the communities given (all when null), newest first, whose two tickets are still
   * open, unresolved and unmerged — the others are no longer for staff to decide.
   */
  async openProposals(communityIds: readonly string[] | null, limit: number): Promise<ProposalView[]> {
    return this.select(
      `p.status = 'open' AND d.merged_into_ticket_id IS NULL AND m.merged_into_ticket_id IS NULL
       AND d.status = ANY($1::varchar[]) AND m.status = ANY($1::varchar[])
       AND ($2::uuid[] IS NULL OR p.community_id = ANY($2::uuid[]))
       ORDER BY p.proposed_at DESC, p.duplicate_ticket_id LIMIT $3`,
      [[...cancellableTicketStatuses], communityIds, limit],
    );
  }

  /** Every proposal and decision naming the ticket, either way round, newest first. */
  async proposalsNaming(ticketId: string): Promise<ProposalView[]> {
    return this.select(
      `(p.duplicate_ticket_id = $1 OR p.master_ticket_id = $1) ORDER BY p.proposed_at DESC, p.duplicate_ticket_id`,
      [ticketId],
    );
  }

  private async select(where: string, parameters: unknown[]): Promise<ProposalView[]> {
    const rows: Array<Record<string, unknown>> = await this.manager.query(
      `SELECT p.duplicate_ticket_id, d.number AS duplicate_number, d.title AS duplicate_title,
              d.status AS duplicate_status, p.master_ticket_id, m.number AS master_number,
              m.title AS master_title, m.status AS master_status, p.community_id, p.similarity, p.exact,
              p.status, p.proposed_at, p.decided_by_role, p.decided_by_id, p.decided_at, p.reason
       FROM duplicate_proposal p
       JOIN ticket d ON d.id = p.duplicate_ticket_id
       JOIN ticket m ON m.id = p.master_ticket_id
       WHERE ${where}`,
      parameters,
    );
    return rows.map((row) => ({
      duplicateTicketId: row.duplicate_ticket_id as string,
      duplicateTicketNumber: row.duplicate_number as string,
      duplicateTitle: row.duplicate_title as string,
      duplicateStatus: row.duplicate_status as string,
      masterTicketId: row.master_ticket_id as string,
      masterTicketNumber: row.master_number as string,
      masterTitle: row.master_title as string,
      masterStatus: row.master_status as string,
      communityId: row.community_id as string,
      similarity: Number(row.similarity),
      exact: row.exact as boolean,
      status: row.status as ProposalStatus,
      proposedAt: row.proposed_at as Date,
      decidedBy:
        row.decided_by_role && row.decided_by_id
          ? { role: row.decided_by_role as string, id: row.decided_by_id as string }
          : null,
      decidedAt: (row.decided_at as Date | null) ?? null,
      reason: (row.reason as string | null) ?? null,
    }));
  }
}

/** A community's duplicate settings. */
export interface DuplicateSettings {
  communityId: string;
  windowHours: number;
  autoMerge: boolean;
  /** Null while the community runs on the service's defaults. */
  updatedBy: string | null;
  updatedAt: Date | null;
}

/** Reads and writes `duplicate_setting`. */
export class DuplicateSettingsRepository {
  constructor(private readonly manager: EntityManager) {}

  /** The community's settings, or the defaults given when it has none. */
  async of(communityId: string, defaults: { windowHours: number }): Promise<DuplicateSettings> {
    const rows: Array<{ window_hours: number; auto_merge: boolean; updated_by: string; updated_at: Date }> =
      await this.manager.query(
        'SELECT window_hours, auto_merge, updated_by, updated_at FROM duplicate_setting WHERE community_id = $1',
        [communityId],
      );
    const row = rows[0];
    if (!row)
      return {
        communityId,
        windowHours: defaults.windowHours,
        autoMerge: false,
        updatedBy: null,
        updatedAt: null,
      };
    return {
      communityId,
      windowHours: row.window_hours,
      autoMerge: row.auto_merge,
      updatedBy: row.updated_by,
      updatedAt: row.updated_at,
    };
  }

  /** Stores the community's settings. */
  async put(
    settings: { communityId: string; windowHours: number; autoMerge: boolean },
    by: string,
    at: Date,
  ) {
    await this.manager.query(
      `INSERT INTO duplicate_setting (community_id, window_hours, auto_merge, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (community_id) DO UPDATE SET window_hours = EXCLUDED.window_hours,
         auto_merge = EXCLUDED.auto_merge, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
      [settings.communityId, settings.windowHours, settings.autoMerge, by, at],
    );
  }
}
