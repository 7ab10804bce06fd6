// One summons as the HTTP API shows it: the summons slice's own endpoints return it, and the assignment
// slice's dispatch-case detail lists a ticket's summonses in the same shape.
import { ApiProperty } from '@nestjs/swagger';
import type { SummonsState } from '../summons/domain/summons.aggregate';

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
