import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ticketCategory } from '@loop/contracts';
import type { DepartmentSummons } from '../../application/summons.query';
import type { SummonsState } from '../../domain/summons.aggregate';

/** One department summoned to a ticket, and where it stands. */
export class SummonsResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) ticketId: string;
  @ApiProperty({ format: 'uuid' }) communityId: string;
  @ApiProperty({ format: 'uuid' }) departmentId: string;
  @ApiProperty({ example: '城管执法队' }) departmentLabel: string;
  @ApiProperty({ example: '小区主干管道堵塞，需城管与住建到场处置' }) reason: string;
  @ApiProperty({ example: 'urgent', description: 'The ticket’s urgency, which set the arrival deadline.' })
  urgency: string;
  @ApiProperty({ enum: ['issued', 'checked_in', 'reported', 'released'] })
  status: string;
  @ApiProperty({ example: 'staff' }) issuedByRole: string;
  @ApiProperty({ example: 'stf-01-1' }) issuedById: string;
  @ApiProperty({ format: 'date-time' }) issuedAt: string;
  @ApiProperty({ format: 'date-time', description: 'When the department must have checked in (报到).' })
  arriveDueAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) checkedInAt: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'ua-d-01' }) checkedInBy: string | null;
  @ApiProperty({
    type: Boolean,
    description: 'Checked in after the arrival deadline, or still not there past it.',
  })
  late: boolean;
  @ApiProperty({ type: String, nullable: true }) report: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reportedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) releaseReason: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) releasedAt: string | null;
  @ApiProperty({ description: '0 until the department is late; then 1 secretary, 2 town/street, 3 county.' })
  escalationLevel: number;
  @ApiProperty({ type: String, nullable: true, example: 'sec-01' }) escalatedToId: string | null;

  /** The response of a summons as it stands at `now`. */
  static of(s: SummonsState, now: Date): SummonsResponse {
    const arrivedOrNow = s.checkedInAt ?? (s.status === 'issued' ? now : null);
    return Object.assign(new SummonsResponse(), {
      id: s.id,
      ticketId: s.ticketId,
      communityId: s.communityId,
      departmentId: s.departmentId,
      departmentLabel: s.departmentLabel,
      reason: s.reason,
      urgency: s.urgency,
      status: s.status,
      issuedByRole: s.issuedBy.role,
      issuedById: s.issuedBy.id,
      issuedAt: s.issuedAt.toISOString(),
      arriveDueAt: s.arriveDueAt.toISOString(),
      checkedInAt: s.checkedInAt?.toISOString() ?? null,
      checkedInBy: s.checkedInBy,
      late: arrivedOrNow !== null && arrivedOrNow.getTime() > s.arriveDueAt.getTime(),
      report: s.report,
      reportedAt: s.reportedAt?.toISOString() ?? null,
      releaseReason: s.releaseReason,
      releasedAt: s.releasedAt?.toISOString() ?? null,
      escalationLevel: s.escalationLevel,
      escalatedToId: s.escalatedToId,
    });
  }
}

/** Where the ticket is, as people name it (the same parts as an assignee's task place). */
export class SummonedPlaceResponse {
  @ApiProperty({ type: String, nullable: true, example: '冶河社区' }) community: string | null;
  @ApiProperty({ type: String, nullable: true, example: '第二网格' }) grid: string | null;
  @ApiProperty({ type: String, nullable: true, example: '幸福小区' }) compound: string | null;
  @ApiProperty({ type: String, nullable: true, example: '3号楼' }) building: string | null;
  @ApiProperty({ type: String, nullable: true, example: '幸福小区3号楼2单元401' }) household: string | null;
}

/**
 * The ticket a department is summoned to, as dispatch knows it. The ticket's own words (title,
 * description) live in the requests service and are not repeated here.
 */
export class SummonedTicketResponse {
  @ApiProperty({ example: 'LC-2026-000001' }) number: string;
  @ApiProperty({ example: 'city.management' }) categoryCode: string;
  @ApiPropertyOptional({
    example: '城市管理',
    description: 'The category’s zh-CN name from the shared catalogue; absent for a code it does not list.',
  })
  categoryName?: string;
  @ApiProperty({
    type: SummonedPlaceResponse,
    description: 'The place by name; a part the ticket does not name is null.',
  })
  place: SummonedPlaceResponse;
}

/** An open summons of my department, with the ticket it is for. */
export class DepartmentSummonsResponse extends SummonsResponse {
  @ApiProperty({ type: SummonedTicketResponse }) ticket: SummonedTicketResponse;

  /** The response of a department's summons and its ticket as they stand at `now`. */
  static ofDepartment({ summons, ticket }: DepartmentSummons, now: Date): DepartmentSummonsResponse {
    const categoryName = ticketCategory(ticket.categoryCode)?.nameZh;
    return Object.assign(new DepartmentSummonsResponse(), SummonsResponse.of(summons, now), {
      ticket: {
        number: ticket.number,
        categoryCode: ticket.categoryCode,
        ...(categoryName ? { categoryName } : {}),
        place: { ...ticket.place },
      },
    });
  }
}
