import { ApiProperty } from '@nestjs/swagger';
import { TotalsRow } from '../../application/hours-totals.query';

/** One group's total. */
export class TotalsRowResponseDto {
  @ApiProperty({ example: 'member-1', description: 'Member id, unit id or community id, by the grouping' })
  key: string;

  @ApiProperty({ example: 1830 })
  minutes: number;

  @ApiProperty({ example: 30.5 })
  hours: number;

  @ApiProperty({ example: 12, description: 'Ledger entries counted' })
  entries: number;

  @ApiProperty({ example: 1, description: 'Distinct members counted' })
  members: number;
}

/** Totals of service minutes from the ledger. */
export class TotalsResponseDto {
  @ApiProperty({ example: 'member' })
  groupBy: string;

  @ApiProperty({ type: [TotalsRowResponseDto] })
  rows: TotalsRowResponseDto[];

  @ApiProperty({ example: 1830, description: 'Sum over all rows' })
  totalMinutes: number;

  /** Maps rows to the response. */
  static from(groupBy: string, rows: TotalsRow[]): TotalsResponseDto {
    return Object.assign(new TotalsResponseDto(), {
      groupBy,
      rows: rows.map((row) => ({ ...row, hours: Math.round((row.minutes / 60) * 100) / 100 })),
      totalMinutes: rows.reduce((sum, row) => sum + row.minutes, 0),
    });
  }
}
