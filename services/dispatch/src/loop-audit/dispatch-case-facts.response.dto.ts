import { ApiProperty } from '@nestjs/swagger';
import type { DispatchCaseFacts, DispatchCaseFactsResponse, DispatchCaseOwner } from '@loop/contracts';

/** Who must act next on an open case. */
export class DispatchCaseOwnerDto implements DispatchCaseOwner {
  @ApiProperty({ enum: ['member', 'property_company', 'community', 'secretary', 'official'] })
  kind: DispatchCaseOwner['kind'];
  @ApiProperty({ example: 'member-0042', description: 'Member, company, community or official id.' })
  id: string;
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
}

/** The cases found; a ticket dispatch never heard of is absent. */
export class DispatchCaseFactsResponseDto implements DispatchCaseFactsResponse {
  @ApiProperty({ type: [DispatchCaseFactsDto] }) cases: DispatchCaseFactsDto[];
}
