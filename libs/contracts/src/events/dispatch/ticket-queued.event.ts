import { IsIn, IsUUID } from 'class-validator';
import { Describe } from '../../schema/contract-metadata';
import { IsUtcTimestamp } from '../../schema/contract-validators';
import { Topics } from '../../topics/topic-registry';
import { defineEvent } from '../event-definition';
import fixture from './fixtures/ticket.queued.v1.json';

/** Why a ticket is waiting in its community's dispatch queue. */
export const queueReasons = ['submitted', 'returned', 'reopened'] as const;
/** Why a ticket is waiting in its community's dispatch queue. */
export type QueueReason = (typeof queueReasons)[number];

/** The ticket waits for the community's staff to dispatch it, against an acceptance deadline (等待社区派单). */
@Describe(
  "The ticket waits for the community's staff to dispatch it, against an acceptance deadline (等待社区派单).",
)
export class TicketQueuedV1 {
  @Describe('Id of the ticket.')
  @IsUUID()
  ticketId: string;

  @Describe('The community whose staff now own the ticket.')
  @IsUUID()
  communityId: string;

  @Describe(
    'submitted when the ticket is new and nobody was offered it, returned after a decline, expiry or hand-back left nobody to offer it to, reopened after the resident reopened it.',
  )
  @IsIn(queueReasons)
  reason: QueueReason;

  @Describe('When the ticket must be accepted by someone (the acceptance deadline; escalation follows).')
  @IsUtcTimestamp()
  acceptDueAt: string;

  @Describe('When the work must be completed (the completion deadline).')
  @IsUtcTimestamp()
  completionDueAt: string;

  @Describe('When the ticket entered the queue.')
  @IsUtcTimestamp()
  queuedAt: string;
}

/** `ticket.queued` v1. */
export const ticketQueuedV1 = defineEvent({
  type: 'ticket.queued',
  version: 1,
  topic: Topics.dispatchAssignment,
  keyField: 'ticketId',
  payloadClass: TicketQueuedV1,
  producer: 'dispatch',
  consumers: ['requests'],
  description:
    "Nobody holds an offer for the ticket: it waits in the community's dispatch queue, owned by the community's staff, with an acceptance deadline.",
  fixture,
});
