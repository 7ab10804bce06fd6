import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** What was done to a directory entry. */
export type DirectoryChangeAction = 'created' | 'updated' | 'retired';

/** One recorded change: who, when, what, and the communities it touched. */
export interface DirectoryChange {
  changedAt: Date;
  actorId: string;
  actorRole: string;
  /** The entry's kind: street, community, grid, property_company, compound, building, household, unit, member, staff, official. */
  entryKind: string;
  entryId: string;
  action: DirectoryChangeAction;
  communityIds: string[];
  correlationId?: string;
}

/** A recorded change as read back, with its sequence number. */
export interface DirectoryChangeRecord extends DirectoryChange {
  id: string;
}

interface ChangeRow {
  id: string;
  changed_at: Date;
  actor_id: string;
  actor_role: string;
  entry_kind: string;
  entry_id: string;
  action: DirectoryChangeAction;
  community_ids: string[];
  correlation_id: string | null;
}

/** The directory's change log: appended in the change's own transaction, read newest first. */
@Injectable()
export class DirectoryChangeLogRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Appends the change inside the caller's transaction, so the log holds exactly the committed changes. */
  async record(manager: EntityManager, change: DirectoryChange): Promise<void> {
    await manager.query(
      `INSERT INTO directory_change (changed_at, actor_id, actor_role, entry_kind, entry_id, action, community_ids, correlation_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7::uuid[], $8)`,
      [
        change.changedAt,
        change.actorId,
        change.actorRole,
        change.entryKind,
        change.entryId,
        change.action,
        [...new Set(change.communityIds)].sort(),
        change.correlationId ?? null,
      ],
    );
  }

  /** A page of changes, newest first: those touching the community, or all of them when it is null. */
  async page(
    communityId: string | null,
    page: { limit: number; offset: number },
  ): Promise<DirectoryChangeRecord[]> {
    const rows: ChangeRow[] = await this.dataSource.query(
      `SELECT id::text AS id, changed_at, actor_id, actor_role, entry_kind, entry_id, action, community_ids, correlation_id
         FROM directory_change
        WHERE $1::uuid IS NULL OR community_ids @> ARRAY[$1::uuid]
        ORDER BY directory_change.id DESC
        LIMIT $2 OFFSET $3`,
      [communityId, page.limit, page.offset],
    );
    return rows.map((row) => ({
      id: row.id,
      changedAt: row.changed_at,
      actorId: row.actor_id,
      actorRole: row.actor_role,
      entryKind: row.entry_kind,
      entryId: row.entry_id,
      action: row.action,
      communityIds: row.community_ids,
      correlationId: row.correlation_id ?? undefined,
    }));
  }
}
