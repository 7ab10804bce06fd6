import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  DispatchCaseFacts,
  DispatchCaseFactsResponse,
  DispatchCaseOwner,
  SummonsFacts,
} from '@loop/contracts';

/** Who must act next on an open case. */
export class DispatchCaseOwnerDto implements DispatchCaseOwner {
  @ApiProperty({ enum: ['member', 'property_company', 'community', 'secretary', 'official'] })
  kind: DispatchCaseOwner['kind'];
  @ApiProperty({ example: 'member-0042', description: 'Member, company, community or official id.' })
  id: string;
}

/** A department summoned to the ticket that has not reported or been released (吹哨报到). */
export class SummonsFactsDto implements SummonsFacts {
  @ApiProperty({ format: 'uuid' }) summonsId: string;
  @ApiProperty({ format: 'uuid' }) departmentId: string;
  @ApiProperty({ enum: ['issued', 'checked_in'] }) status: string;
  @ApiProperty({ format: 'date-time', description: 'When the department had to check in.' })
  arriveDueAt: string;
  @ApiProperty({ description: '0 until the late department was escalated; then 1, 2 or 3.' })
  escalationLevel: number;
}

/** What dispatch knows about one ticket's case. */
export class DispatchCaseFactsDto implements DispatchCaseFacts {
  @ApiProperty({ format: 'uuid' }) ticketId: string;
  @ApiProperty({
    enum: ['awaiting_dispatch', 'offered', 'accepted', 'in_progress', 'resolved', 'closed', 'cancelled'],
  })
  status: string;
  @ApiProperty({ type: DispatchCaseOwnerDto, nullable: true }) owner: DispatchCaseOwnerDto | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'Earliest pending offer expiry, accept or completion deadline, or supervision reminder (督办) past the top escalation level.',
  })
  nextDeadlineAt: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Of the latest completed assignment.' })
  minutesSpent: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'member' }) completedByKind: string | null;
  @ApiPropertyOptional({
    type: [SummonsFactsDto],
    description: 'Summoned departments not yet reported or released; absent when there are none.',
  })
  openSummonses?: SummonsFactsDto[];
}

/** The cases found; a ticket dispatch never heard of is absent. */
export class DispatchCaseFactsResponseDto implements DispatchCaseFactsResponse {
  @ApiProperty({ type: [DispatchCaseFactsDto] }) cases: DispatchCaseFactsDto[];
}
