import { ApiProperty } from '@nestjs/swagger';
import { loopFindingKinds } from '../../domain/loop-reconciliation';

/** One broken loop. */
export class LoopFindingDto {
  @ApiProperty({ enum: loopFindingKinds, example: 'closed-hours-missing' })
  kind!: string;
  @ApiProperty({ example: '0195a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b' })
  ticketId!: string;
  @ApiProperty({ example: 'LC-2026-000123' })
  ticketNumber!: string;
  @ApiProperty({
    example: 'closed, completed by a member in 45 min; the ledger holds 0 standing credits, 1 due',
  })
  detail!: string;
}

/** The loop audit's report (see the service README for every rule). */
export class LoopAuditResponseDto {
  @ApiProperty({ example: '2026-04-01T08:00:00.000Z' })
  checkedAt!: string;
  @ApiProperty({
    example: '2026-03-25T08:00:00.000Z',
    description: 'Closed and cancelled tickets since this instant were audited, with every open ticket',
  })
  closedSince!: string;
  @ApiProperty({ example: 412 })
  ticketsChecked!: number;
  @ApiProperty({ example: 2930, description: 'Timeline events of a type the notifications service consumes' })
  eventsChecked!: number;
  @ApiProperty({ type: [LoopFindingDto] })
  findings!: LoopFindingDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: Object.fromEntries(
      loopFindingKinds.map((kind) => [kind, kind === 'closed-hours-missing' ? 1 : 0]),
    ),
    description: 'Findings per kind; every kind is present',
  })
  counts!: Record<string, number>;
}
