import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsUUID } from 'class-validator';
import { Describe } from '../../schema/contract-metadata';
import { IsAccountId } from '../../schema/contract-validators';
import { Topics } from '../../topics/topic-registry';
import { defineEvent } from '../event-definition';
import { DirectoryEntryV1 } from './directory-entry';
import registeredFixture from './fixtures/staff.registered.v1.json';
import updatedFixture from './fixtures/staff.updated.v1.json';

/** Roles of the people who work for a community. */
export const communityStaffRoles = ['staff', 'secretary', 'grid_worker'] as const;
/** A community role: staff (社区工作者), secretary (社区书记, escalation level 1) or grid worker (网格员). */
export type CommunityStaffRole = (typeof communityStaffRoles)[number];

/** The whole current state of a community's staff member, secretary or grid worker in the directory. */
export abstract class StaffStateV1 extends DirectoryEntryV1 {
  @Describe('Account id of the staff member.')
  @IsAccountId()
  staffId: string;

  @Describe('staff (社区工作者), secretary (社区书记, escalation level 1) or grid_worker (网格员).')
  @IsIn(communityStaffRoles)
  role: CommunityStaffRole;

  @Describe('The community they work for.')
  @IsUUID()
  communityId: string;

  @Describe('The grids they patrol or look after, at most 50; empty for staff who cover the whole community.')
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  gridIds: string[];
}

/** A staff member, secretary or grid worker was linked to a community. */
@Describe(
  'A staff member, secretary or grid worker was linked to a community; the payload is their whole state.',
)
export class StaffRegisteredV1 extends StaffStateV1 {}

/** A staff member's directory entry changed (role, grids, retirement). */
@Describe("A staff member's directory entry changed; the payload is their whole new state.")
export class StaffUpdatedV1 extends StaffStateV1 {}

/** `staff.registered` v1. */
export const staffRegisteredV1 = defineEvent({
  type: 'staff.registered',
  version: 1,
  topic: Topics.dispatchDirectory,
  keyField: 'staffId',
  payloadClass: StaffRegisteredV1,
  producer: 'dispatch',
  consumers: ['notifications'],
  description:
    "A community staff member, secretary or grid worker was linked to a community; notifications learns whom to tell about the community's tickets.",
  fixture: registeredFixture,
});

/** `staff.updated` v1. */
export const staffUpdatedV1 = defineEvent({
  type: 'staff.updated',
  version: 1,
  topic: Topics.dispatchDirectory,
  keyField: 'staffId',
  payloadClass: StaffUpdatedV1,
  producer: 'dispatch',
  consumers: ['notifications'],
  description: "A staff member's role, grids or status changed; carries the whole new state.",
  fixture: updatedFixture,
});
