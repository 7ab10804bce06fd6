import { IsBoolean, IsInt, Min } from 'class-validator';
import { Describe } from '../../schema/contract-metadata';
import { IsUtcTimestamp } from '../../schema/contract-validators';

/**
 * Fields every directory event carries. The directory topic is compacted — only the newest record per
 * key survives — so each event states the entity's whole current state, never a change.
 */
export abstract class DirectoryEntryV1 {
  @Describe(
    'False once the entity is retired; it is then ignored by dispatch, hours totals and notifications.',
  )
  @IsBoolean()
  active: boolean;

  @Describe(
    'Increases by one with every change of the entity; a consumer ignores a revision older than the one it holds.',
  )
  @IsInt()
  @Min(1)
  revision: number;

  @Describe('When this state took effect.')
  @IsUtcTimestamp()
  changedAt: string;
}
