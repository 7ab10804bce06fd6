/** Anything that runs SQL with positional parameters: a TypeORM DataSource or EntityManager. */
export interface SqlQueryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** How far the relay is behind: unpublished rows and the age of the oldest one. */
export interface OutboxBacklog {
  pending: number;
  oldestPendingAgeSeconds: number;
}

/** Reads the outbox backlog (served by the partial index on pending rows). */
export async function readOutboxBacklog(db: SqlQueryable): Promise<OutboxBacklog> {
  const rows = (await db.query(
    `SELECT count(*)::int AS pending,
            COALESCE(EXTRACT(EPOCH FROM clock_timestamp() - min(created_at)), 0)::float8 AS age
       FROM outbox WHERE published_at IS NULL`,
  )) as Array<{ pending: number; age: number }>;
  return { pending: rows[0].pending, oldestPendingAgeSeconds: rows[0].age };
}
