import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Tables of the directory that an upsert may write. */
export type DirectoryTable =
  | 'directory_street'
  | 'directory_community'
  | 'directory_grid'
  | 'directory_property_company'
  | 'directory_compound'
  | 'directory_building'
  | 'directory_household'
  | 'directory_unit'
  | 'directory_member'
  | 'directory_staff'
  | 'directory_official';

/** Tables whose rows are published on the directory topic and therefore carry a revision. */
const versionedTables = new Set<DirectoryTable>([
  'directory_community',
  'directory_member',
  'directory_staff',
  'directory_official',
]);

/** What an upsert did. */
export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

/** The outcome of an upsert, the row as it was before, and the published revision after it. */
export interface UpsertResult {
  outcome: UpsertOutcome;
  previous: Record<string, unknown> | null;
  revision: number;
  changedAt: Date;
}

/**
 * Writes the directory with upserts keyed by id. An upsert that would change nothing writes nothing —
 * no revision, no event — so importing the same file twice is a no-op.
 */
@Injectable()
export class DirectoryRepository {
  /** Inserts the row or updates the columns that differ; `values` excludes id, revision and changed_at. */
  async upsert(
    manager: EntityManager,
    table: DirectoryTable,
    id: string,
    values: Record<string, unknown>,
    now: Date,
  ): Promise<UpsertResult> {
    const versioned = versionedTables.has(table);
    const columns = Object.keys(values);
    // Re-imports mostly meet rows that are already up to date: one plain read settles those, without the
    // insert attempt and the row lock a change needs.
    const current = await this.rowById(manager, table, id);
    if (current && !columns.some((column) => !sameValue(current[column], values[column]))) {
      return unchanged(current, now);
    }
    const parameters = [id, ...columns.map((column) => values[column])];
    const insertColumns = ['id', ...columns, ...(versioned ? ['changed_at'] : [])];
    const insertValues = [
      ...parameters.map((_, index) => `$${index + 1}`),
      ...(versioned ? [`$${parameters.length + 1}`] : []),
    ];
    const inserted: Array<{ revision?: number }> = await manager.query(
      `INSERT INTO ${table} (${insertColumns.join(', ')}) VALUES (${insertValues.join(', ')})
       ON CONFLICT (id) DO NOTHING RETURNING ${versioned ? 'revision' : '1 AS revision'}`,
      versioned ? [...parameters, now] : parameters,
    );
    if (inserted.length > 0) {
      return { outcome: 'created', previous: null, revision: Number(inserted[0].revision), changedAt: now };
    }
    // Lock the row so concurrent imports of the same entry serialise and count revisions correctly.
    const [{ row }] = (await manager.query(
      `SELECT to_jsonb(t) AS row FROM ${table} t WHERE id = $1 FOR UPDATE`,
      [id],
    )) as Array<{
      row: Record<string, unknown>;
    }>;
    const differs = columns.some((column) => !sameValue(row[column], values[column]));
    if (!differs) return unchanged(row, now);
    const assignments = columns.map((column, index) => `${column} = $${index + 2}`);
    if (versioned) assignments.push('revision = revision + 1', `changed_at = $${parameters.length + 1}`);
    const updated: Array<{ revision: number }> | [Array<{ revision: number }>, number] = await manager.query(
      `UPDATE ${table} SET ${assignments.join(', ')} WHERE id = $1 RETURNING ${versioned ? 'revision' : '1 AS revision'}`,
      versioned ? [...parameters, now] : parameters,
    );
    return {
      outcome: 'updated',
      previous: row,
      revision: Number(rowsOf(updated)[0].revision),
      changedAt: now,
    };
  }

  /** Raises the published revision of a row whose published state changed elsewhere (grids, links). */
  async bumpRevision(manager: EntityManager, table: DirectoryTable, id: string, now: Date): Promise<number> {
    const rows: Array<{ revision: number }> | [Array<{ revision: number }>, number] = await manager.query(
      `UPDATE ${table} SET revision = revision + 1, changed_at = $2 WHERE id = $1 RETURNING revision`,
      [id, now],
    );
    return Number(rowsOf(rows)[0].revision);
  }

  /** The rows (id and the given columns) with these external codes. */
  async rowsByCodes(
    manager: EntityManager,
    table: DirectoryTable,
    codes: readonly string[],
    columns: readonly string[] = [],
  ): Promise<Array<Record<string, string>>> {
    if (codes.length === 0) return [];
    return manager.query(
      `SELECT ${['id', 'code', ...columns].join(', ')} FROM ${table} WHERE code = ANY ($1)`,
      [codes],
    );
  }

  /** A row by id, as JSON, or null. */
  async rowById(
    manager: EntityManager,
    table: DirectoryTable,
    id: string,
  ): Promise<Record<string, unknown> | null> {
    const rows: Array<{ row: Record<string, unknown> }> = await manager.query(
      `SELECT to_jsonb(t) AS row FROM ${table} t WHERE id = $1`,
      [id],
    );
    return rows[0]?.row ?? null;
  }

  /** Ids of the community's active grids, sorted: the grids its published state lists. */
  async gridIdsOf(manager: EntityManager, communityId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      'SELECT id FROM directory_grid WHERE community_id = $1 AND active ORDER BY id',
      [communityId],
    );
    return rows.map((row) => row.id);
  }

  /** Ids of the households a member looks after, sorted. */
  async householdIdsOf(manager: EntityManager, memberId: string): Promise<string[]> {
    const rows: Array<{ household_id: string }> = await manager.query(
      'SELECT household_id FROM directory_member_household WHERE member_id = $1 ORDER BY household_id',
      [memberId],
    );
    return rows.map((row) => row.household_id);
  }

  /** Replaces the member's household links; true when they changed. */
  async replaceHouseholdLinks(
    manager: EntityManager,
    memberId: string,
    householdIds: readonly string[],
  ): Promise<boolean> {
    const current = await this.householdIdsOf(manager, memberId);
    const wanted = [...new Set(householdIds)].sort();
    if (sameValue(current, wanted)) return false;
    await manager.query('DELETE FROM directory_member_household WHERE member_id = $1', [memberId]);
    if (wanted.length > 0) {
      await manager.query(
        'INSERT INTO directory_member_household (member_id, household_id) SELECT $1, unnest($2::uuid[])',
        [memberId, wanted],
      );
    }
    return true;
  }
}

function unchanged(row: Record<string, unknown>, now: Date): UpsertResult {
  return {
    outcome: 'unchanged',
    previous: row,
    revision: Number(row.revision ?? 1),
    changedAt: new Date(String(row.changed_at ?? now.toISOString())),
  };
}

// Values as stored (read back through to_jsonb) against values as written: arrays, dates and numbers
// all compare by their JSON form.
function sameValue(stored: unknown, written: unknown): boolean {
  return JSON.stringify(stored ?? null) === JSON.stringify(written ?? null);
}

// TypeORM's manager.query returns [rows, count] for UPDATE … RETURNING on PostgreSQL.
function rowsOf<T>(result: T[] | [T[], number]): T[] {
  return Array.isArray(result[0]) ? (result[0] as T[]) : (result as T[]);
}
