import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { TicketDuplicates } from '../../application/duplicate.queries';
import type { DuplicateSettings, ProposalView } from '../../infrastructure/duplicate.typeorm-repository';

/** Who decided. */
export class DeciderResponseDto {
  @ApiProperty({ example: 'staff' }) role!: string;
  @ApiProperty({ example: 'staff-0007' }) id!: string;
}

/** A proposal (or decision) that one ticket duplicates another. */
export class DuplicateProposalResponseDto {
  @ApiProperty({ format: 'uuid' }) duplicateTicketId!: string;
  @ApiProperty({ example: 'LC-2025-000124' }) duplicateTicketNumber!: string;
  @ApiProperty({ example: '路灯不亮' }) duplicateTitle!: string;
  @ApiProperty({ example: 'submitted' }) duplicateStatus!: string;
  @ApiProperty({ format: 'uuid' }) masterTicketId!: string;
  @ApiProperty({ example: 'LC-2025-000123' }) masterTicketNumber!: string;
  @ApiProperty({ example: '3号楼门口路灯坏了' }) masterTitle!: string;
  @ApiProperty({ example: 'dispatched' }) masterStatus!: string;
  @ApiProperty({ format: 'uuid' }) communityId!: string;
  @ApiProperty({
    example: 0.62,
    description: 'Character-bigram Dice similarity of title and description, 0–1',
  })
  similarity!: number;
  @ApiProperty({ example: true, description: 'The very same place and category within the window' })
  exact!: boolean;
  @ApiProperty({ enum: ['open', 'merged', 'kept_apart', 'withdrawn'], example: 'open' }) status!: string;
  @ApiProperty({ format: 'date-time' }) proposedAt!: string;
  @ApiPropertyOptional({ type: DeciderResponseDto, nullable: true }) decidedBy!: DeciderResponseDto | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) decidedAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '同一盏路灯' }) reason!: string | null;
}

/** A ticket that another one was merged into, or that was merged into it. */
export class LinkedTicketResponseDto {
  @ApiProperty({ format: 'uuid' }) ticketId!: string;
  @ApiProperty({ example: 'LC-2025-000123' }) ticketNumber!: string;
}

/** A duplicate merged into the ticket. */
export class MergedDuplicateResponseDto extends LinkedTicketResponseDto {
  @ApiProperty({ example: 'accepted' }) status!: string;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
}

/** A ticket's place among duplicate reports. */
export class TicketDuplicatesResponseDto {
  @ApiProperty({ format: 'uuid' }) ticketId!: string;
  @ApiPropertyOptional({ type: LinkedTicketResponseDto, nullable: true })
  mergedInto!: LinkedTicketResponseDto | null;
  @ApiProperty({ type: [MergedDuplicateResponseDto] }) duplicates!: MergedDuplicateResponseDto[];
  @ApiProperty({ type: [DuplicateProposalResponseDto] }) proposals!: DuplicateProposalResponseDto[];
}

/** A community's duplicate settings. */
export class DuplicateSettingsResponseDto {
  @ApiProperty({ format: 'uuid' }) communityId!: string;
  @ApiProperty({ example: 72 }) windowHours!: number;
  @ApiProperty({ example: false }) autoMerge!: boolean;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Null while on the service defaults' })
  updatedBy!: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) updatedAt!: string | null;
}

/** A proposal for the response. */
export function toProposal(view: ProposalView): DuplicateProposalResponseDto {
  return {
    ...view,
    proposedAt: view.proposedAt.toISOString(),
    decidedAt: view.decidedAt ? view.decidedAt.toISOString() : null,
  };
}

/** A ticket's duplicates for the response. */
export function toTicketDuplicates(value: TicketDuplicates): TicketDuplicatesResponseDto {
  return {
    ticketId: value.ticketId,
    mergedInto: value.mergedInto,
    duplicates: value.duplicates.map((d) => ({ ...d, submittedAt: d.submittedAt.toISOString() })),
    proposals: value.proposals.map(toProposal),
  };
}

/** Settings for the response. */
export function toSettings(value: DuplicateSettings): DuplicateSettingsResponseDto {
  return { ...value, updatedAt: value.updatedAt ? value.updatedAt.toISOString() : null };
}
