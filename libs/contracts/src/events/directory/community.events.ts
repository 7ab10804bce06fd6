import { ArrayMaxSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';
import { Describe } from '../../schema/contract-metadata';
import { Topics } from '../../topics/topic-registry';
import { defineEvent } from '../event-definition';
import { DirectoryEntryV1 } from './directory-entry';
import registeredFixture from './fixtures/community.registered.v1.json';
import updatedFixture from './fixtures/community.updated.v1.json';

/** The whole current state of a community (社区) in the directory. */
export abstract class CommunityStateV1 extends DirectoryEntryV1 {
  @Describe('Id of the community.')
  @IsUUID()
  communityId: string;

  @Describe('The town or street (街道/乡镇) the community belongs to; its officials are escalation level 2.')
  @IsUUID()
  streetId: string;

  @Describe("The community's grids (网格), at most 200.")
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  gridIds: string[];
}

/** A community joined the directory. */
@Describe('A community (社区) joined the directory; the payload is its whole state.')
export class CommunityRegisteredV1 extends CommunityStateV1 {}

/** A community's directory entry changed (grids, street, retirement). */
@Describe("A community's directory entry changed; the payload is its whole new state.")
export class CommunityUpdatedV1 extends CommunityStateV1 {}

/** `community.registered` v1. */
export const communityRegisteredV1 = defineEvent({
  type: 'community.registered',
  version: 1,
  topic: Topics.dispatchDirectory,
  keyField: 'communityId',
  payloadClass: CommunityRegisteredV1,
  producer: 'dispatch',
  consumers: ['requests', 'volunteer-hours', 'notifications'],
  description: 'A community was added to the directory with its street and grids.',
  fixture: registeredFixture,
});

/** `community.updated` v1. */
export const communityUpdatedV1 = defineEvent({
  type: 'community.updated',
  version: 1,
  topic: Topics.dispatchDirectory,
  keyField: 'communityId',
  payloadClass: CommunityUpdatedV1,
  producer: 'dispatch',
  consumers: ['requests', 'volunteer-hours', 'notifications'],
  description: "A community's entry changed; carries the whole new state so the compacted topic keeps it.",
  fixture: updatedFixture,
});
