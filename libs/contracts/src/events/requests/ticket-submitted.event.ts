import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { Describe, NestedObject, Nullable } from '../../schema/contract-metadata';
import { IsAccountId, IsCode, IsUtcTimestamp } from '../../schema/contract-validators';
import { Topics } from '../../topics/topic-registry';
import { defineEvent } from '../event-definition';
import { ActorRef } from '../shared/actor-ref';
import fixture from './fixtures/ticket.submitted.v1.json';

/** How a ticket reached the community. */
export const ticketSources = ['app', 'grid_patrol', 'hotline', 'walk_in'] as const;
/** How a ticket reached the community: the resident's app, a grid patrol, the hotline, or at the desk. */
export type TicketSource = (typeof ticketSources)[number];

/** How urgent a ticket is; the SLA for acceptance and completion depends on it. */
export const ticketUrgencies = ['normal', 'urgent', 'emergency'] as const;
/** How urgent a ticket is. */
export type TicketUrgency = (typeof ticketUrgencies)[number];

/** A resident's request or a grid worker's finding entered the loop (群众点单). */
@Describe("A resident's request or a grid worker's finding entered the loop (群众点单).")
export class TicketSubmittedV1 {
  @Describe('Id of the ticket.')
  @IsUUID()
  ticketId: string;

  @Describe(
    'Human-readable ticket number shown to residents and staff: district code, year (Asia/Shanghai) and a sequence per district and year, e.g. LC-2026-000123.',
  )
  @Matches(/^[A-Z0-9][A-Z0-9-]{3,31}$/)
  ticketNumber: string;

  @Describe(
    'Account id of the resident the ticket serves; null for a finding on patrol with no resident behind it.',
  )
  @Nullable()
  @IsAccountId()
  residentId: string | null;

  @Describe('Who entered the ticket: the resident, or a grid worker or staff member on their behalf.')
  @NestedObject(() => ActorRef)
  filedBy: ActorRef;

  @Describe('Channel the ticket came through: app, grid_patrol, hotline (12345) or walk_in.')
  @IsIn(ticketSources)
  source: TicketSource;

  @Describe(
    'Category code, e.g. property.lighting; selects skills, SLA and whether a property company may take it.',
  )
  @IsCode()
  categoryCode: string;

  @Describe('normal, urgent or emergency; sets the acceptance and completion deadlines.')
  @IsIn(ticketUrgencies)
  urgency: TicketUrgency;

  @Describe('Community (社区) the ticket belongs to.')
  @IsUUID()
  communityId: string;

  @Describe('Grid (网格) the ticket belongs to.')
  @IsUUID()
  gridId: string;

  @Describe('Residential compound (小区), when known.')
  @IsOptional()
  @IsUUID()
  compoundId?: string;

  @Describe('Building (楼栋), when known.')
  @IsOptional()
  @IsUUID()
  buildingId?: string;

  @Describe('Household (住户), when known; links the ticket to the member who looks after it ("1+10").')
  @IsOptional()
  @IsUUID()
  householdId?: string;

  @Describe('When the ticket was submitted.')
  @IsUtcTimestamp()
  submittedAt: string;
}

/** `ticket.submitted` v1. */
export const ticketSubmittedV1 = defineEvent({
  type: 'ticket.submitted',
  version: 1,
  topic: Topics.requestsTicket,
  keyField: 'ticketId',
  payloadClass: TicketSubmittedV1,
  producer: 'requests',
  consumers: ['dispatch', 'notifications'],
  description:
    'A ticket was raised by a resident, or filed by a grid worker or staff member; dispatch starts its SLA clock.',
  fixture,
});
