import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BrokenLink } from '../../domain/ledger-chain';

/** The first link of a chain that does not verify. */
export class BrokenLinkResponseDto {
  @ApiProperty({ example: 'member-1' })
  memberId: string;

  @ApiProperty({ example: '0195a1c0-2b3c-7d4e-8f5a-6b7c8d9e0f1a' })
  entryId: string;

  @ApiProperty({ example: 2 })
  sequence: number;

  @ApiProperty({
    enum: ['sequence_gap', 'previous_hash_mismatch', 'hash_mismatch'],
    example: 'hash_mismatch',
  })
  reason: string;

  @ApiProperty({ description: 'What the chain expected here' })
  expected: string;

  @ApiProperty({ description: 'What the stored row holds' })
  found: string;
}

/** Whether the hash chains verify. */
export class LedgerVerificationResponseDto {
  @ApiProperty({ example: true, description: 'True when every checked entry verifies' })
  intact: boolean;

  @ApiProperty({ example: 1 })
  membersChecked: number;

  @ApiProperty({ example: 12 })
  entriesChecked: number;

  @ApiPropertyOptional({ type: BrokenLinkResponseDto, nullable: true })
  firstBrokenLink: BrokenLinkResponseDto | null;

  /** Maps a verification outcome to the response. */
  static from(result: {
    membersChecked: number;
    entriesChecked: number;
    firstBrokenLink: BrokenLink | null;
  }): LedgerVerificationResponseDto {
    return Object.assign(new LedgerVerificationResponseDto(), {
      intact: result.firstBrokenLink === null,
      membersChecked: result.membersChecked,
      entriesChecked: result.entriesChecked,
      firstBrokenLink: result.firstBrokenLink,
    });
  }
}
