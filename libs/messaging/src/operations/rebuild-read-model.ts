import { Logger, LoggerService } from '@nestjs/common';
import { Admin } from 'kafkajs';
import { DataSource, EntityManager } from 'typeorm';
import { forgetHandledEvents } from '../inbox/inbox';

/** What to rebuild. */
export interface ReadModelRebuild {
  /** The consumer group whose read model is rebuilt, prefix included. Its consumers must be stopped. */
  groupId: string;
  /** The topics the group consumes, prefix included; its offsets on them go back to the start. */
  topics: readonly string[];
  /** Tables of the read model emptied in the same transaction as the inbox (TRUNCATE … CASCADE). */
  truncateTables?: readonly string[];
  /** The service's own reset, for what a truncate cannot express (e.g. keep reference rows). */
  resetReadModel?: (manager: EntityManager) => Promise<void>;
  logger?: LoggerService;
}

/** What a rebuild did. */
export interface ReadModelRebuildReport {
  topicsRewound: string[];
  tablesTruncated: string[];
  inboxEntriesForgotten: number;
}

// Group states in which no member holds partitions (and so none could commit over the rewind).
const idleGroupStates = new Set(['Empty', 'Dead']);

/**
 * Prepares a consumer group to rebuild its read model from the start of its topics: rewinds the group's
 * offsets to the earliest retained records, then — in one transaction — empties the read model and
 * forgets the group's inbox entries (otherwise every replayed event would be skipped as a duplicate).
 * When the service starts again, its consumers replay the whole history into the empty tables.
 *
 * Offsets first: if the database step fails, the old read model is intact and replayed events are
 * skipped by the inbox; running the rebuild again completes it.
 */
export async function rebuildReadModel(
  admin: Admin,
  dataSource: DataSource,
  rebuild: ReadModelRebuild,
): Promise<ReadModelRebuildReport> {
  const logger = rebuild.logger ?? new Logger('RebuildReadModel');
  const { groups } = await admin.describeGroups([rebuild.groupId]);
  const group = groups.find((candidate) => candidate.groupId === rebuild.groupId);
  if (group && !idleGroupStates.has(group.state)) {
    throw new Error(
      `consumer group ${rebuild.groupId} is ${group.state} with ${group.members.length} member(s); stop its consumers before rebuilding`,
    );
  }

  for (const topic of rebuild.topics) {
    await admin.resetOffsets({ groupId: rebuild.groupId, topic, earliest: true });
    logger.log(`rewound ${rebuild.groupId} to the start of ${topic}`);
  }

  const tables = [...(rebuild.truncateTables ?? [])];
  const forgotten = await dataSource.transaction(async (manager) => {
    if (tables.length > 0) await manager.query(`TRUNCATE ${tables.map(quoteTableName).join(', ')} CASCADE`);
    await rebuild.resetReadModel?.(manager);
    return forgetHandledEvents(manager, rebuild.groupId);
  });
  logger.log(
    `emptied ${tables.length > 0 ? tables.join(', ') : 'no tables'} and forgot ${forgotten} inbox entries of ${rebuild.groupId}`,
  );
  return { topicsRewound: [...rebuild.topics], tablesTruncated: tables, inboxEntriesForgotten: forgotten };
}

/** Quotes `table` or `schema.table` as identifiers, so a table name can never inject SQL. */
function quoteTableName(name: string): string {
  const parts = name.split('.');
  if (parts.length > 2 || parts.some((part) => part.length === 0))
    throw new Error(`not a table name: ${name}`);
  return parts.map((part) => `"${part.replace(/"/g, '""')}"`).join('.');
}
