import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { currentOwner, nextDeadline, TicketState } from '../../domain/ticket.aggregate';
import { ticketStatuses } from '../../domain/ticket-status';
import { ContactDisclosure, discloseContact } from '../../domain/contact-disclosure.policy';
import { foldNotifications, withTold } from '../../domain/ticket-story';
import { describeTimelineEntry, TimelineLanguage } from '../../domain/timeline-text';
import type { TicketPage } from '../../application/ticket.queries';
import type { TimelineEntry } from '../../infrastructure/ticket.typeorm-repository';

/** Who holds the next step. */
export class OwnerResponseDto {
  @ApiProperty({ enum: ['member', 'property_company', 'community', 'resident'], example: 'member' })
  kind!: string;
  @ApiProperty({ example: 'member-77' })
  id!: string;
}

/** Who did something: a role and an account id. */
export class ActorResponseDto {
  @ApiProperty({ example: 'member' }) role!: string;
  @ApiProperty({ example: 'member-77' }) id!: string;
}

/** Where the need is. */
export class TicketLocationResponseDto {
  @ApiProperty({ description: 'Community (社区) id', example: '0c0e6f52-1d8a-4b7e-9a55-3e2f1c4b5a60' })
  communityId!: string;
  @ApiProperty({ description: 'Grid (网格) id', example: '1d1f7a63-2e9b-4c8f-8b66-4f3a2d5c6b71' })
  gridId!: string;
  @ApiPropertyOptional({ description: 'Residential compound (小区) id' }) compoundId?: string;
  @ApiPropertyOptional({ description: 'Building (楼栋) id' }) buildingId?: string;
  @ApiPropertyOptional({ description: 'Household (住户) id' }) householdId?: string;
  @ApiPropertyOptional({ description: 'Address as written', example: '幸福小区 3 号楼' }) address?: string;
  @ApiPropertyOptional({ description: 'WGS-84 latitude', example: 37.9003 }) latitude?: number;
  @ApiPropertyOptional({ description: 'WGS-84 longitude', example: 114.6856 }) longitude?: number;
}

/** How to reach the resident, in full or masked. */
export class ResidentContactResponseDto {
  @ApiPropertyOptional({ example: '王阿姨' }) name?: string;
  @ApiPropertyOptional({ example: '13800138000' }) phone?: string;
}

/** A reference to a stored file. */
export class AttachmentResponseDto {
  @ApiProperty({ example: 'light.jpg' }) name!: string;
  @ApiProperty({ description: 'MIME type', example: 'image/jpeg' }) type!: string;
  @ApiProperty({ description: 'Size in bytes', example: 348211 }) size!: number;
  @ApiProperty({
    description: 'SHA-256 of the content, hex',
    example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  })
  sha256!: string;
}

/** A ticket as lists show it. */
export class TicketSummaryResponseDto {
  @ApiProperty({ example: '0195a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b' }) id!: string;
  @ApiProperty({ example: 'LC-2026-000123' }) number!: string;
  @ApiProperty({ enum: ticketStatuses, example: 'dispatched' }) status!: string;
  @ApiProperty({ example: 'property.repair' }) categoryCode!: string;
  @ApiProperty({ example: 'normal' }) urgency!: string;
  @ApiProperty({ example: '楼道灯不亮' }) title!: string;
  @ApiProperty({ example: '0c0e6f52-1d8a-4b7e-9a55-3e2f1c4b5a60' }) communityId!: string;
  @ApiProperty({ example: '1d1f7a63-2e9b-4c8f-8b66-4f3a2d5c6b71' }) gridId!: string;
  @ApiProperty({ example: 0, description: '0 none, 1 secretary, 2 town/street, 3 county' })
  escalationLevel!: number;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 5 }) rating!: number | null;
  @ApiPropertyOptional({ nullable: true, type: OwnerResponseDto }) owner!: OwnerResponseDto | null;
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2026-03-01T06:00:00.000Z',
  })
  nextDeadlineAt!: string | null;
  @ApiProperty({ example: '2026-03-01T02:00:00.000Z' }) submittedAt!: string;
}

/** One entry of a ticket's timeline. */
export class TimelineEntryResponseDto {
  @ApiProperty({ example: '0195a1b4-0000-7000-8000-000000000001' }) eventId!: string;
  @ApiProperty({ example: 'assignment.accepted' }) type!: string;
  @ApiProperty({ example: '2026-03-01T02:10:00.000Z' }) occurredAt!: string;
  @ApiProperty({ type: ActorResponseDto, example: { role: 'member', id: 'member-77' } }) actor!: {
    role: string;
    id: string;
  };
  @ApiProperty({
    example: '党员已接单',
    description: 'What happened, in the language asked for (zh-CN default, en)',
  })
  summary!: string;
  @ApiProperty({
    example: 'applied',
    description: 'applied, or stale / not-applicable when the fact only went on the timeline',
  })
  outcome!: string;
  @ApiProperty({
    type: [String],
    example: ['member', 'resident'],
    description:
      'Roles of the people notified because of this step (resident, member, staff, …), in the order told',
  })
  told!: string[];
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The facts of the step, as the event carried them',
    example: { assignee: { kind: 'member', id: 'member-77' } },
  })
  details!: Record<string, unknown>;
}

/** A ticket with its whole record and timeline. */
export class TicketDetailResponseDto extends TicketSummaryResponseDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: 'resident-1024' }) residentId!: string | null;
  @ApiProperty({ type: ActorResponseDto, example: { role: 'resident', id: 'resident-1024' } }) filedBy!: {
    role: string;
    id: string;
  };
  @ApiProperty({ example: 'app' }) source!: string;
  @ApiProperty({ example: '3 号楼 2 单元 4 楼楼道灯坏了一周。' }) description!: string;
  @ApiProperty({
    type: TicketLocationResponseDto,
    example: {
      communityId: '0c0e6f52-1d8a-4b7e-9a55-3e2f1c4b5a60',
      gridId: '1d1f7a63-2e9b-4c8f-8b66-4f3a2d5c6b71',
      address: '幸福小区 3 号楼',
    },
  })
  location!: Record<string, unknown>;
  @ApiPropertyOptional({
    type: ResidentContactResponseDto,
    nullable: true,
    example: { name: '王阿姨', phone: '13800138000' },
    description:
      'How to reach the resident. An assignee reads it masked (王**, 138****8000) while deciding on an offer and after the work is confirmed, in full while the work is in their hands.',
  })
  contact!: Record<string, unknown> | null;
  @ApiProperty({ example: false, description: 'True when `contact` is shown masked to this reader' })
  contactMasked!: boolean;
  @ApiProperty({
    type: [AttachmentResponseDto],
    example: [
      {
        name: 'light.jpg',
        type: 'image/jpeg',
        size: 348211,
        sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      },
    ],
  })
  attachments!: Array<Record<string, unknown>>;
  @ApiPropertyOptional({ type: String, nullable: true, example: '0195a1b3-1a2b-7c3d-9e4f-5a6b7c8d9e0f' })
  assignmentId!: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) resolvedAt!: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) cancelledAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '修得很快' }) confirmationComment!:
    | string
    | null;
  @ApiProperty({ example: false }) autoConfirmed!: boolean;
  @ApiProperty({ example: 0 }) reopenCount!: number;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '0195a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b',
    description:
      'The master this ticket was merged into as a duplicate report: it follows the master’s loop (its story shows the master’s steps); null when it runs its own loop',
  })
  mergedInto!: string | null;
  @ApiProperty({ type: [TimelineEntryResponseDto] }) timeline!: TimelineEntryResponseDto[];
}

/** One page of tickets. */
export class TicketPageResponseDto {
  @ApiProperty({ type: [TicketSummaryResponseDto] }) items!: TicketSummaryResponseDto[];
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Pass as cursor for the next page; null on the last page',
  })
  nextCursor!: string | null;
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** The summary of a ticket. */
export function toSummary(ticket: TicketState): TicketSummaryResponseDto {
  return {
    id: ticket.id,
    number: ticket.number,
    status: ticket.status,
    categoryCode: ticket.categoryCode,
    urgency: ticket.urgency,
    title: ticket.title,
    communityId: ticket.location.communityId,
    gridId: ticket.location.gridId,
    escalationLevel: ticket.escalationLevel,
    rating: ticket.rating,
    owner: currentOwner(ticket),
    nextDeadlineAt: iso(nextDeadline(ticket)),
    submittedAt: ticket.submittedAt.toISOString(),
  };
}

/**
 * The full record of a ticket with its timeline in `language`: the story (one line per step, saying who
 * was told) unless `everyFact`, which keeps the notification facts as lines of their own for staff.
 */
export function toDetail(
  ticket: TicketState,
  timeline: TimelineEntry[],
  language: TimelineLanguage,
  everyFact: boolean,
  contact: ContactDisclosure,
): TicketDetailResponseDto {
  return {
    ...toSummary(ticket),
    residentId: ticket.residentId,
    filedBy: ticket.filedBy,
    source: ticket.source,
    description: ticket.description,
    location: { ...ticket.location },
    contact: discloseContact(ticket.contact, contact) as Record<string, unknown> | null,
    contactMasked: ticket.contact !== null && contact === 'masked',
    attachments: ticket.attachments.map((attachment) => ({ ...attachment })),
    assignmentId: ticket.assignment?.id ?? null,
    resolvedAt: iso(ticket.resolvedAt),
    closedAt: iso(ticket.closedAt),
    cancelledAt: iso(ticket.cancelledAt),
    confirmationComment: ticket.confirmationComment,
    autoConfirmed: ticket.autoConfirmed,
    reopenCount: ticket.reopenCount,
    mergedInto: ticket.mergedInto,
    timeline: foldNotifications(timeline, everyFact).map((entry) => ({
      eventId: entry.eventId,
      type: entry.type,
      occurredAt: entry.occurredAt.toISOString(),
      actor: entry.actor,
      summary: withTold(describeTimelineEntry(entry.type, entry.details, language), entry.told, language),
      outcome: entry.outcome,
      told: entry.told,
      details: entry.details,
    })),
  };
}

/** A page of summaries. */
export function toPage(page: TicketPage): TicketPageResponseDto {
  return { items: page.items.map(toSummary), nextCursor: page.nextCursor };
}

/** One read of a resident's full contact by the ticket's assignee. */
export class ContactReadResponseDto {
  @ApiProperty({ example: 'member-77' }) readerId!: string;
  @ApiProperty({ example: 'member', description: 'member or property_company' }) readerRole!: string;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) assignmentId!: string | null;
  @ApiProperty({ example: '2026-03-01T02:12:00.000Z' }) readAt!: string;
}
