import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LedgerEntry } from '../../domain/ledger-entry';

/** What earned the minutes. */
export class LedgerSourceResponseDto {
  @ApiProperty({ enum: ['ticket', 'activity'], example: 'ticket' })
  kind: 'ticket' | 'activity';

  @ApiProperty({ example: '0195a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b' })
  id: string;
}

/** Who vouched for the entry. */
export class VerifierResponseDto {
  @ApiProperty({
    example: 'resident',
    description: 'resident (confirmed), system (auto-confirmed), staff, secretary or the organiser',
  })
  role: string;

  @ApiProperty({ example: 'resident-1' })
  id: string;
}

/** One ledger entry. */
export class LedgerEntryResponseDto {
  @ApiProperty({ example: '0195a1c0-2b3c-7d4e-8f5a-6b7c8d9e0f1a' })
  entryId: string;

  @ApiProperty({ example: 'member-1' })
  memberId: string;

  @ApiProperty({ example: 3, description: "Position in the member's hash chain, from 1" })
  sequence: number;

  @ApiProperty({ enum: ['credit', 'reversal', 'adjustment'], example: 'credit' })
  kind: string;

  @ApiProperty({ example: 40, description: 'Signed minutes: credits positive, reversals negative' })
  minutes: number;

  @ApiPropertyOptional({ type: LedgerSourceResponseDto, nullable: true })
  source: LedgerSourceResponseDto | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '0c0e6f52-1d8a-4b7e-9a55-3e2f1c4b5a60' })
  unitId: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '0c0e6f52-1d8a-4b7e-9a55-3e2f1c4b5a60' })
  communityId: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '0195a1bf-0a1b-7c2d-8e3f-4a5b6c7d8e9f',
    description: 'Event that caused the entry',
  })
  causedByEventId: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'ticket.confirmed' })
  causedByEventType: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'For a reversal: the credit it cancels' })
  reversesEntryId: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'ticket_reopened' })
  reason: string | null;

  @ApiProperty({ type: VerifierResponseDto })
  verifiedBy: VerifierResponseDto;

  @ApiProperty({
    example: '2025-03-01T06:00:00.000Z',
    description: 'When the confirmation, check-out or adjustment happened',
  })
  occurredAt: string;

  @ApiProperty({ example: '2025-03-01T06:00:02.000Z' })
  recordedAt: string;

  @ApiProperty({ example: '9f2c…', description: 'sha256 over the previous hash and this entry' })
  hash: string;

  /** Maps a domain entry to its response. */
  static from(entry: LedgerEntry): LedgerEntryResponseDto {
    return Object.assign(new LedgerEntryResponseDto(), {
      entryId: entry.id,
      memberId: entry.memberId,
      sequence: entry.sequence,
      kind: entry.kind,
      minutes: entry.minutes,
      source: entry.source ? { kind: entry.source.kind, id: entry.source.id } : null,
      unitId: entry.unitId,
      communityId: entry.communityId,
      causedByEventId: entry.causedByEventId,
      causedByEventType: entry.causedByEventType,
      reversesEntryId: entry.reversesEntryId,
      reason: entry.reason,
      verifiedBy: { role: entry.verifiedBy.role, id: entry.verifiedBy.id },
      occurredAt: entry.occurredAt.toISOString(),
      recordedAt: entry.recordedAt.toISOString(),
      hash: entry.hash,
    });
  }
}
