import { ArrayMaxSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';
import { Describe, NestedObject, Nullable } from '../../schema/contract-metadata';
import { IsAccountId } from '../../schema/contract-validators';
import { Topics } from '../../topics/topic-registry';
import { defineEvent } from '../event-definition';
import { DirectoryEntryV1 } from './directory-entry';
import registeredFixture from './fixtures/compound.registered.v1.json';
import updatedFixture from './fixtures/compound.updated.v1.json';

/** One household (住户) of a compound, where it lies and who is registered to it. */
@Describe('A household (住户) of the compound: its grid, its building and the residents registered to it.')
export class CompoundHouseholdV1 {
  @Describe('Id of the household.')
  @IsUUID()
  householdId: string;

  @Describe('The grid (网格) the household lies in.')
  @IsUUID()
  gridId: string;

  @Describe('The building (楼栋) the household is in; null for a household outside any building.')
  @Nullable()
  @IsUUID()
  buildingId: string | null;

  @Describe(
    'Account ids of the residents registered to the household (居民住户登记); they may file tickets for it. At most 20.',
  )
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsAccountId({ each: true })
  residentIds: string[];
}

/**
 * The whole current state of a residential compound (小区) with its buildings and households. One event
 * per compound, not per household, keeps a district of 16,000 households at a few hundred records.
 */
export abstract class CompoundStateV1 extends DirectoryEntryV1 {
  @Describe('Id of the compound.')
  @IsUUID()
  compoundId: string;

  @Describe('The community (社区) the compound lies in.')
  @IsUUID()
  communityId: string;

  @Describe('The buildings (楼栋) of the compound, at most 500.')
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  buildingIds: string[];

  @Describe('The households (住户) of the compound, at most 3,000.')
  @IsArray()
  @ArrayMaxSize(3000)
  @NestedObject(() => CompoundHouseholdV1, { each: true })
  households: CompoundHouseholdV1[];
}

/** A compound joined the directory. */
@Describe('A residential compound (小区) joined the directory; the payload is its whole state.')
export class CompoundRegisteredV1 extends CompoundStateV1 {}

/** A compound's directory entry changed (buildings, households, registered residents). */
@Describe(
  "A compound's directory entry changed (a building or household, a resident registered or removed); the payload is its whole new state.",
)
export class CompoundUpdatedV1 extends CompoundStateV1 {}

/** `compound.registered` v1. */
export const compoundRegisteredV1 = defineEvent({
  type: 'compound.registered',
  version: 1,
  topic: Topics.dispatchDirectory,
  keyField: 'compoundId',
  payloadClass: CompoundRegisteredV1,
  producer: 'dispatch',
  consumers: ['requests'],
  description:
    'A residential compound was added to the directory with its community, buildings, households and registered residents.',
  fixture: registeredFixture,
});

/** `compound.updated` v1. */
export const compoundUpdatedV1 = defineEvent({
  type: 'compound.updated',
  version: 1,
  topic: Topics.dispatchDirectory,
  keyField: 'compoundId',
  payloadClass: CompoundUpdatedV1,
  producer: 'dispatch',
  consumers: ['requests'],
  description:
    "A compound's entry changed — a building or household added or moved, a resident registered or removed; carries the whole new state.",
  fixture: updatedFixture,
});
