import { ArrayMaxSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';
import { Describe } from '../../schema/contract-metadata';
import { IsAccountId, IsCode } from '../../schema/contract-validators';
import { Topics } from '../../topics/topic-registry';
import { defineEvent } from '../event-definition';
import { DirectoryEntryV1 } from './directory-entry';
import registeredFixture from './fixtures/member.registered.v1.json';
import updatedFixture from './fixtures/member.updated.v1.json';

/** The whole current state of an in-service party member (在职党员) in the directory. */
export abstract class MemberStateV1 extends DirectoryEntryV1 {
  @Describe('Account id of the party member.')
  @IsAccountId()
  memberId: string;

  @Describe('The government unit or company (工作单位) the member works for; hours are totalled by unit.')
  @IsUUID()
  unitId: string;

  @Describe('The community where the member lives and registered (社区报到).')
  @IsUUID()
  communityId: string;

  @Describe('The grid the member serves in.')
  @IsUUID()
  gridId: string;

  @Describe('Skill codes matched against ticket categories, at most 20.')
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsCode({ each: true })
  skills: string[];

  @Describe('Households the member looks after ("1+10", 联系户), at most 30.')
  @IsArray()
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  householdIds: string[];
}

/** A party member registered with their community. */
@Describe(
  'A party member registered with their community (社区报到); the payload is their whole directory state.',
)
export class MemberRegisteredV1 extends MemberStateV1 {}

/** A party member's directory entry changed (grid, skills, households, retirement). */
@Describe("A party member's directory entry changed; the payload is their whole new state.")
export class MemberUpdatedV1 extends MemberStateV1 {}

/** `member.registered` v1. */
export const memberRegisteredV1 = defineEvent({
  type: 'member.registered',
  version: 1,
  topic: Topics.dispatchDirectory,
  keyField: 'memberId',
  payloadClass: MemberRegisteredV1,
  producer: 'dispatch',
  consumers: ['volunteer-hours', 'notifications'],
  description:
    'An in-service party member registered with the community they live in, with unit, grid, skills and households.',
  fixture: registeredFixture,
});

/** `member.updated` v1. */
export const memberUpdatedV1 = defineEvent({
  type: 'member.updated',
  version: 1,
  topic: Topics.dispatchDirectory,
  keyField: 'memberId',
  payloadClass: MemberUpdatedV1,
  producer: 'dispatch',
  consumers: ['volunteer-hours', 'notifications'],
  description: "A party member's entry changed or was retired; carries the whole new state.",
  fixture: updatedFixture,
});
