// 吹哨报到: the street or community summons functional departments to a ticket beyond the community;
// each department checks in on site and reports what it did, or is released. Published on the ticket's
// dispatch stream, keyed by ticket id, so they stay in order with the ticket's other dispatch facts.
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  MinLength,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { Describe, NestedObject } from '../../schema/contract-metadata';
import { IsAccountId, IsUtcTimestamp } from '../../schema/contract-validators';
import { Topics } from '../../topics/topic-registry';
import { defineEvent } from '../event-definition';
import { ActorRef } from '../shared/actor-ref';
import { escalationLevels, EscalationLevel } from './ticket-escalated.event';
import checkedInFixture from './fixtures/summons.checked_in.v1.json';
import issuedFixture from './fixtures/summons.issued.v1.json';
import overdueFixture from './fixtures/summons.overdue.v1.json';
import releasedFixture from './fixtures/summons.released.v1.json';
import reportedFixture from './fixtures/summons.reported.v1.json';

/** The most departments one summons act may call. */
export const maxDepartmentsPerSummons = 10;

/** One department called to a ticket, with its deadline to arrive. */
@Describe('One functional department called to the ticket, with the deadline to check in on site.')
export class SummonedDepartment {
  @Describe('Id of the summons of this department (one per department and act).')
  @IsUUID()
  summonsId: string;

  @Describe('Id of the department (a directory unit of kind department).')
  @IsUUID()
  departmentId: string;

  @Describe('The department’s name as the public knows it (城管执法队); an organisation, not a person.')
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  departmentLabel: string;

  @Describe('Account ids of the department’s unit admins, who are told and check in for it; at most 20.')
  @IsArray()
  @ArrayMaxSize(20)
  @IsAccountId({ each: true })
  adminIds: string[];

  @Describe('When the department must have checked in on site (报到), from the ticket’s urgency.')
  @IsUtcTimestamp()
  arriveDueAt: string;
}

/** The departments a summons names, plus its ticket: the common fields of one department’s fact. */
abstract class SummonsFactV1 {
  @Describe('Id of the ticket.')
  @IsUUID()
  ticketId: string;

  @Describe('Id of the summons.')
  @IsUUID()
  summonsId: string;

  @Describe('Id of the department.')
  @IsUUID()
  departmentId: string;

  @Describe('The department’s name (城管执法队).')
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  departmentLabel: string;
}

/** The community blew the whistle (吹哨): departments were summoned to the ticket. */
@Describe(
  'The community blew the whistle (吹哨): one act summoned one or more functional departments to the ticket.',
)
export class SummonsIssuedV1 {
  @Describe('Id of the ticket.')
  @IsUUID()
  ticketId: string;

  @Describe('The community the ticket belongs to.')
  @IsUUID()
  communityId: string;

  @Describe('The departments summoned by this act, 1 to 10.')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(maxDepartmentsPerSummons)
  @NestedObject(() => SummonedDepartment, { each: true })
  departments: SummonedDepartment[];

  @Describe('Why the departments are needed, at most 500 characters; no names or phone numbers.')
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason: string;

  @Describe('The staff member, secretary or district admin who summoned them.')
  @NestedObject(() => ActorRef)
  issuedBy: ActorRef;

  @Describe('When the departments were summoned.')
  @IsUtcTimestamp()
  issuedAt: string;
}

/** A summoned department checked in on site (报到). */
@Describe('A summoned department checked in on site (报到).')
export class SummonsCheckedInV1 extends SummonsFactV1 {
  @Describe('The department’s unit admin who checked in.')
  @IsAccountId()
  checkedInBy: string;

  @Describe('Whether the check-in came after the arrival deadline.')
  @IsBoolean()
  late: boolean;

  @Describe('When the department checked in.')
  @IsUtcTimestamp()
  checkedInAt: string;
}

/** A summoned department reported what it did. */
@Describe('A summoned department reported what it did on the ticket; its part is done.')
export class SummonsReportedV1 extends SummonsFactV1 {
  @Describe('What the department did, at most 500 characters; no names or phone numbers.')
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  report: string;

  @Describe('When the department reported.')
  @IsUtcTimestamp()
  reportedAt: string;
}

/** The community released a summoned department. */
@Describe('The community released a summoned department before it reported (no longer needed).')
export class SummonsReleasedV1 extends SummonsFactV1 {
  @Describe('Why the department was released, at most 500 characters.')
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason: string;

  @Describe('The staff member, secretary or district admin who released it.')
  @NestedObject(() => ActorRef)
  releasedBy: ActorRef;

  @Describe('When the department was released.')
  @IsUtcTimestamp()
  releasedAt: string;
}

/** A summoned department did not check in by its deadline; it was escalated one level. */
@Describe(
  'A summoned department did not check in by its deadline; the summons was escalated one level up the community’s chain.',
)
export class SummonsOverdueV1 extends SummonsFactV1 {
  @Describe('The community the ticket belongs to.')
  @IsUUID()
  communityId: string;

  @Describe('The deadline that passed.')
  @IsUtcTimestamp()
  arriveDueAt: string;

  @Describe('1 community secretary, 2 town/street official, 3 county leader.')
  @IsIn(escalationLevels)
  level: EscalationLevel;

  @Describe('The secretary or official who now answers for the late department.')
  @NestedObject(() => ActorRef)
  escalatedTo: ActorRef;

  @Describe('When the summons was escalated.')
  @IsUtcTimestamp()
  escalatedAt: string;
}

/** `summons.issued` v1. */
export const summonsIssuedV1 = defineEvent({
  type: 'summons.issued',
  version: 1,
  topic: Topics.dispatchAssignment,
  keyField: 'ticketId',
  payloadClass: SummonsIssuedV1,
  producer: 'dispatch',
  consumers: ['requests', 'notifications'],
  description:
    'Departments were summoned to a ticket (吹哨报到), one event per act naming every department with its arrival deadline.',
  fixture: issuedFixture,
});

/** `summons.checked_in` v1. */
export const summonsCheckedInV1 = defineEvent({
  type: 'summons.checked_in',
  version: 1,
  topic: Topics.dispatchAssignment,
  keyField: 'ticketId',
  payloadClass: SummonsCheckedInV1,
  producer: 'dispatch',
  consumers: ['requests'],
  description: 'A summoned department checked in on site (报到); its arrival deadline is met.',
  fixture: checkedInFixture,
});

/** `summons.reported` v1. */
export const summonsReportedV1 = defineEvent({
  type: 'summons.reported',
  version: 1,
  topic: Topics.dispatchAssignment,
  keyField: 'ticketId',
  payloadClass: SummonsReportedV1,
  producer: 'dispatch',
  consumers: ['requests'],
  description: 'A summoned department reported what it did; the ticket no longer waits for it.',
  fixture: reportedFixture,
});

/** `summons.released` v1. */
export const summonsReleasedV1 = defineEvent({
  type: 'summons.released',
  version: 1,
  topic: Topics.dispatchAssignment,
  keyField: 'ticketId',
  payloadClass: SummonsReleasedV1,
  producer: 'dispatch',
  consumers: ['requests'],
  description: 'The community released a summoned department; the ticket no longer waits for it.',
  fixture: releasedFixture,
});

/** `summons.overdue` v1. */
export const summonsOverdueV1 = defineEvent({
  type: 'summons.overdue',
  version: 1,
  topic: Topics.dispatchAssignment,
  keyField: 'ticketId',
  payloadClass: SummonsOverdueV1,
  producer: 'dispatch',
  consumers: ['requests', 'notifications'],
  description:
    'A summoned department missed its arrival deadline; the summons was escalated one level (the ticket’s own escalation is unchanged).',
  fixture: overdueFixture,
});
