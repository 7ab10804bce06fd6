import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MemberStatement } from '../../application/member-statement.query';
import { LedgerEntryResponseDto } from './ledger-entry.response.dto';

/** A statement line: the entry and the balance after it. */
export class StatementLineResponseDto extends LedgerEntryResponseDto {
  @ApiProperty({ example: 120, description: "The member's balance in minutes after this entry" })
  balanceMinutes: number;
}

/** A member's statement (服务时长明细). */
export class MemberStatementResponseDto {
  @ApiProperty({ example: 'member-1' })
  memberId: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '0c0e6f52-1d8a-4b7e-9a55-3e2f1c4b5a60' })
  communityId: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '7d2f0b8e-3c1a-4e5f-9b6d-2a8c4e6f1b3d' })
  unitId: string | null;

  @ApiProperty({ example: 0, description: 'Balance before the period' })
  openingMinutes: number;

  @ApiProperty({
    example: 120,
    description: 'Balance at the end of the period: opening plus the sum of the entries',
  })
  closingMinutes: number;

  @ApiProperty({ example: 2, description: 'closingMinutes in hours, two decimals' })
  closingHours: number;

  @ApiProperty({ type: [StatementLineResponseDto] })
  entries: StatementLineResponseDto[];

  /** Maps a statement to its response. */
  static from(statement: MemberStatement): MemberStatementResponseDto {
    return Object.assign(new MemberStatementResponseDto(), {
      memberId: statement.memberId,
      communityId: statement.communityId,
      unitId: statement.unitId,
      openingMinutes: statement.openingMinutes,
      closingMinutes: statement.closingMinutes,
      closingHours: Math.round((statement.closingMinutes / 60) * 100) / 100,
      entries: statement.lines.map((line) =>
        Object.assign(LedgerEntryResponseDto.from(line.entry), { balanceMinutes: line.balanceMinutes }),
      ),
    });
  }
}
