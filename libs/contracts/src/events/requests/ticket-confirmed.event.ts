import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { Describe, Nullable } from '../../schema/contract-metadata';
import { IsUtcTimestamp } from '../../schema/contract-validators';
import { Topics } from '../../topics/topic-registry';
import { defineEvent } from '../event-definition';
import fixture from './fixtures/ticket.confirmed.v1.json';

/** Who gave the verdict that closed a ticket. */
export const confirmationSources = ['resident', 'callback', 'auto'] as const;
/** One of {@link confirmationSources}. */
export type ConfirmationSource = (typeof confirmationSources)[number];

/** The resident confirmed the work and rated it, or the confirmation window closed (auto-confirmed). */
@Describe(
  'The resident confirmed the work and rated it (in the app, or to staff calling back), or the confirmation window closed (auto-confirmed).',
)
export class TicketConfirmedV1 {
  @Describe('Id of the ticket.')
  @IsUUID()
  ticketId: string;

  @Describe('The assignment whose completed work is confirmed; hours are credited for it.')
  @IsUUID()
  assignmentId: string;

  @Describe("The resident's rating from 1 to 5; null when auto-confirmed without a rating.")
  @Nullable()
  @IsInt()
  @Min(1)
  @Max(5)
  rating: number | null;

  @Describe('True when the system confirmed because the resident did not answer in time.')
  @IsBoolean()
  auto: boolean;

  @Describe(
    "Whose verdict closed the ticket: the resident's own (resident), a staff callback to the resident (callback, 回访), or the system (auto). Absent in events published before it was added: read auto when auto is true, resident otherwise.",
  )
  @IsOptional()
  @IsIn(confirmationSources)
  confirmedBy?: ConfirmationSource;

  @Describe(
    "Set when the ticket is a merged duplicate: the id of its master. The assignment is then the master's, and the confirmation credits no hours (only the master's confirmation does).",
  )
  @IsOptional()
  @IsUUID()
  duplicateOf?: string;

  @Describe('When the ticket was confirmed; the ticket is closed from then on.')
  @IsUtcTimestamp()
  confirmedAt: string;
}

/** `ticket.confirmed` v1. */
export const ticketConfirmedV1 = defineEvent({
  type: 'ticket.confirmed',
  version: 1,
  topic: Topics.requestsTicket,
  keyField: 'ticketId',
  payloadClass: TicketConfirmedV1,
  producer: 'requests',
  consumers: ['dispatch', 'volunteer-hours', 'notifications'],
  description:
    "The ticket was closed by the resident's confirmation or by auto-confirmation; the member's hours are credited.",
  fixture,
});
