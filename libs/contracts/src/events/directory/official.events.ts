import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsUUID } from 'class-validator';
import { Describe } from '../../schema/contract-metadata';
import { IsAccountId } from '../../schema/contract-validators';
import { Topics } from '../../topics/topic-registry';
import { defineEvent } from '../event-definition';
import { DirectoryEntryV1 } from './directory-entry';
import registeredFixture from './fixtures/official.registered.v1.json';
import updatedFixture from './fixtures/official.updated.v1.json';

/** Escalation levels above the community: 2 town/street, 3 county. */
export const officialEscalationLevels = [2, 3] as const;
/** The escalation level an official answers at: 2 town/street (街道/乡镇), 3 county (县级). */
export type OfficialEscalationLevel = (typeof officialEscalationLevels)[number];

/** The whole current state of a town/street or county official's links (三级包联) in the directory. */
export abstract class OfficialStateV1 extends DirectoryEntryV1 {
  @Describe('Account id of the official.')
  @IsAccountId()
  officialId: string;

  @Describe('2 for a town/street official, 3 for a county leader.')
  @IsIn(officialEscalationLevels)
  escalationLevel: OfficialEscalationLevel;

  @Describe('The communities the official is linked to (包联), 1 to 500.')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  communityIds: string[];
}

/** An official was linked to communities as an escalation level. */
@Describe(
  'A town/street or county official was linked to communities as an escalation level; the payload is their whole state.',
)
export class OfficialRegisteredV1 extends OfficialStateV1 {}

/** An official's links or level changed. */
@Describe("An official's linked communities, level or status changed; the payload is their whole new state.")
export class OfficialUpdatedV1 extends OfficialStateV1 {}

/** `official.registered` v1. */
export const officialRegisteredV1 = defineEvent({
  type: 'official.registered',
  version: 1,
  topic: Topics.dispatchDirectory,
  keyField: 'officialId',
  payloadClass: OfficialRegisteredV1,
  producer: 'dispatch',
  consumers: ['notifications'],
  description: 'An official was linked to communities (三级包联) at escalation level 2 or 3.',
  fixture: registeredFixture,
});

/** `official.updated` v1. */
export const officialUpdatedV1 = defineEvent({
  type: 'official.updated',
  version: 1,
  topic: Topics.dispatchDirectory,
  keyField: 'officialId',
  payloadClass: OfficialUpdatedV1,
  producer: 'dispatch',
  consumers: ['notifications'],
  description: "An official's links, level or status changed; carries the whole new state.",
  fixture: updatedFixture,
});
