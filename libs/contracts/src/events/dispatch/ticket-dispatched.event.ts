import { IsIn, IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { Describe, NestedObject } from '../../schema/contract-metadata';
import { PlaceLabels } from '../shared/place-labels';
import { IsUtcTimestamp } from '../../schema/contract-validators';
import { Topics } from '../../topics/topic-registry';
import { defineEvent } from '../event-definition';
import { ActorRef } from '../shared/actor-ref';
import { AssigneeRef } from '../shared/assignee-ref';
import fixture from './fixtures/ticket.dispatched.v1.json';

/** Whether staff chose the assignee or auto-dispatch did. */
export const dispatchModes = ['manual', 'auto'] as const;
/** Whether staff chose the assignee (manual) or auto-dispatch did (auto). */
export type DispatchMode = (typeof dispatchModes)[number];

/** The community offered a ticket's work to a member or property company (社区派单). */
@Describe("The community offered a ticket's work to a member or property company (社区派单).")
export class TicketDispatchedV1 {
  @Describe('Id of the ticket.')
  @IsUUID()
  ticketId: string;

  @Describe('Id of the offer and, once accepted, of the assignment.')
  @IsUUID()
  assignmentId: string;

  @Describe('The member or property company the work is offered to.')
  @NestedObject(() => AssigneeRef)
  assignee: AssigneeRef;

  @Describe('manual when staff chose the assignee, auto when auto-dispatch did.')
  @IsIn(dispatchModes)
  mode: DispatchMode;

  @Describe("The staff member who dispatched, or role system with the auto-dispatcher's name.")
  @NestedObject(() => ActorRef)
  dispatchedBy: ActorRef;

  @Describe(
    "1 for the ticket's first offer, then counting every re-offer after a decline, expiry or hand-back.",
  )
  @IsInt()
  @Min(1)
  attempt: number;

  @Describe('When the offer lapses if not accepted (the acceptance deadline).')
  @IsUtcTimestamp()
  offerExpiresAt: string;

  @Describe('When the work must be completed (the completion deadline).')
  @IsUtcTimestamp()
  completionDueAt: string;

  @Describe('When the offer was made.')
  @IsUtcTimestamp()
  dispatchedAt: string;

  @Describe(
    'Where the work is, as people name the places (community, grid, compound, building), for the offer the assignee reads; absent in events published before it was added.',
  )
  @IsOptional()
  @NestedObject(() => PlaceLabels)
  place?: PlaceLabels;
}

/** `ticket.dispatched` v1. */
export const ticketDispatchedV1 = defineEvent({
  type: 'ticket.dispatched',
  version: 1,
  topic: Topics.dispatchAssignment,
  keyField: 'ticketId',
  payloadClass: TicketDispatchedV1,
  producer: 'dispatch',
  consumers: ['requests', 'notifications'],
  description:
    "The ticket's work was offered to a party member or property company, by staff or by auto-dispatch; the offer has an acceptance deadline.",
  fixture,
});
