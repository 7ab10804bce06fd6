import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AssignmentState } from '../../domain/assignment.aggregate';
import type { RankedCandidate } from '../../domain/candidate-ranking';
import type { CaseView } from '../../application/dispatch-board.query';
import type { TaskBrief } from '../../application/task-brief.query';
import { SummonsResponse } from '../../../shared/summons.response.dto';

/** The member or property company holding an offer. */
export class AssigneeResponse {
  @ApiProperty({ enum: ['member', 'property_company'] }) kind: string;
  @ApiProperty({ example: 'member-0042' }) id: string;
}

/** Who did something: a role and an account id. */
export class ActorResponse {
  @ApiProperty({ example: 'staff' }) role: string;
  @ApiProperty({ example: 'staff-01' }) id: string;
}

/** The deadline a ticket works against now. */
export class NextDeadlineResponse {
  @ApiProperty({ enum: ['accept', 'complete'], example: 'accept' }) kind: 'accept' | 'complete';
  @ApiProperty({ format: 'date-time', example: '2025-03-01T04:00:00.000Z' }) at: string;
}

/** A property company that may take the ticket. */
export class PropertyCompanyReferenceResponse {
  @ApiProperty({ example: 'property-07' }) id: string;
}

/** An offer or assignment. */
export class AssignmentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) ticketId: string;
  @ApiProperty({ format: 'uuid' }) communityId: string;
  @ApiProperty({ format: 'uuid' }) gridId: string;
  @ApiProperty({ type: AssigneeResponse }) assignee: AssigneeResponse;
  @ApiProperty({
    enum: [
      'offered',
      'accepted',
      'declined',
      'expired',
      'withdrawn',
      'in_progress',
      'completed',
      'handed_back',
    ],
  })
  status: string;
  @ApiProperty({ enum: ['manual', 'auto'] }) mode: string;
  @ApiProperty({ example: 1 }) attempt: number;
  @ApiProperty() offeredAt: string;
  @ApiProperty() offerExpiresAt: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) acceptedAt: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) startedAt: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) completedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) reasonCode: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) reasonText: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) note: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) minutesSpent: number | null;

  /** The response for an assignment's state. */
  static of(s: AssignmentState): AssignmentResponse {
    const iso = (value: Date | null) => (value ? value.toISOString() : null);
    return Object.assign(new AssignmentResponse(), {
      id: s.id,
      ticketId: s.ticketId,
      communityId: s.communityId,
      gridId: s.gridId,
      assignee: { ...s.assignee },
      status: s.status,
      mode: s.mode,
      attempt: s.attempt,
      offeredAt: s.offeredAt.toISOString(),
      offerExpiresAt: s.offerExpiresAt.toISOString(),
      acceptedAt: iso(s.acceptedAt),
      startedAt: iso(s.startedAt),
      completedAt: iso(s.completedAt),
      reasonCode: s.reasonCode,
      reasonText: s.reasonText,
      note: s.note,
      minutesSpent: s.minutesSpent,
    });
  }
}

/** The place of a task as people name it. */
export class TaskPlaceResponse {
  @ApiPropertyOptional({ type: String, nullable: true, example: '冶河社区' }) community: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '第二网格' }) grid: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '幸福小区' }) compound: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '3号楼' }) building: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '幸福小区3号楼2单元401' }) household:
    | string
    | null;
}

/** What the assignee needs to decide on an offer and find the place (the ticket's own words are in requests). */
export class TaskBriefResponse {
  @ApiProperty({ example: 'LC-2026-000001' }) ticketNumber: string;
  @ApiProperty({ example: 'elderly.disabled.help' }) categoryCode: string;
  @ApiProperty({ enum: ['normal', 'urgent', 'emergency'] }) urgency: string;
  @ApiProperty({ type: TaskPlaceResponse }) place: TaskPlaceResponse;
  @ApiProperty({
    type: ActorResponse,
    example: { role: 'staff', id: 'staff-01' },
    description: 'system for auto-dispatch',
  })
  dispatchedBy: { role: string; id: string };
  @ApiProperty({ description: 'When the ticket must be accepted' }) acceptDueAt: string;
  @ApiProperty({ description: 'When the work must be completed' }) completeDueAt: string;
  @ApiProperty({ example: 0 }) escalationLevel: number;
}

/** An offer or assignment with the brief of its task, as its assignee reads it. */
export class TaskResponse extends AssignmentResponse {
  @ApiProperty({ type: TaskBriefResponse }) task: TaskBriefResponse;

  /** The response for an assignment and its brief. */
  static withBrief(state: AssignmentState, brief: TaskBrief): TaskResponse {
    return Object.assign(new TaskResponse(), AssignmentResponse.of(state), {
      task: {
        ticketNumber: brief.ticketNumber,
        categoryCode: brief.categoryCode,
        urgency: brief.urgency,
        place: { ...brief.place },
        dispatchedBy: { ...brief.dispatchedBy },
        acceptDueAt: brief.acceptDueAt.toISOString(),
        completeDueAt: brief.completeDueAt.toISOString(),
        escalationLevel: brief.escalationLevel,
      },
    });
  }
}

/** Who answers for an escalated ticket. */
export class EscalationResponse {
  @ApiProperty({ enum: [1, 2, 3] }) level: number;
  @ApiProperty({ enum: ['accept_deadline', 'completion_deadline', 'no_candidates'] }) reason: string;
  @ApiProperty({ type: ActorResponse, example: { role: 'secretary', id: 'secretary-01' } }) escalatedTo: {
    role: string;
    id: string;
  };
  @ApiProperty() escalatedAt: string;
}

/** A ticket as dispatch sees it. */
export class DispatchCaseResponse {
  @ApiProperty({ format: 'uuid' }) ticketId: string;
  @ApiProperty({ example: 'LC-20250301-0042' }) ticketNumber: string;
  @ApiProperty({ format: 'uuid' }) communityId: string;
  @ApiProperty({ format: 'uuid' }) gridId: string;
  @ApiProperty({ example: 'property.repair' }) categoryCode: string;
  @ApiProperty({ enum: ['normal', 'urgent', 'emergency'] }) urgency: string;
  @ApiProperty({
    enum: ['awaiting_dispatch', 'offered', 'accepted', 'in_progress', 'resolved', 'closed', 'cancelled'],
  })
  status: string;
  @ApiProperty() submittedAt: string;
  @ApiProperty({ description: 'When the ticket must be accepted (service-calendar time).' })
  acceptDueAt: string;
  @ApiProperty({ description: 'When the work must be completed (service-calendar time).' })
  completeDueAt: string;
  @ApiProperty({ description: 'Offers made so far.' }) attempts: number;
  @ApiProperty({ description: 'Declines and hand-backs (退单).' }) returns: number;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) currentAssignmentId: string | null;
  @ApiPropertyOptional({ type: EscalationResponse, nullable: true }) escalation: EscalationResponse | null;
  @ApiProperty({ description: 'A deadline the ticket still works against has passed.' }) overdue: boolean;
  @ApiPropertyOptional({
    type: AssigneeResponse,
    nullable: true,
    description: 'Who holds the live offer or assignment; null while nobody does.',
  })
  assignee: AssigneeResponse | null;
  @ApiPropertyOptional({
    type: NextDeadlineResponse,
    nullable: true,
    example: { kind: 'accept', at: '2025-03-01T04:00:00.000Z' },
    description: 'The deadline the ticket works against now; null once resolved, closed or cancelled.',
  })
  nextDeadline: { kind: 'accept' | 'complete'; at: string } | null;

  /** The response for a case as the board sees it. */
  static of(view: CaseView): DispatchCaseResponse {
    const s = view.state;
    return Object.assign(new DispatchCaseResponse(), {
      ticketId: s.ticketId,
      ticketNumber: s.ticketNumber,
      communityId: s.communityId,
      gridId: s.gridId,
      categoryCode: s.categoryCode,
      urgency: s.urgency,
      status: s.status,
      submittedAt: s.submittedAt.toISOString(),
      acceptDueAt: s.acceptDueAt.toISOString(),
      completeDueAt: s.completeDueAt.toISOString(),
      attempts: s.attempts,
      returns: s.returns,
      currentAssignmentId: s.currentAssignmentId,
      escalation:
        s.escalationLevel > 0 && s.escalatedToId && s.escalatedAt
          ? {
              level: s.escalationLevel,
              reason: s.escalationReason ?? 'accept_deadline',
              escalatedTo: { role: s.escalatedToRole ?? 'secretary', id: s.escalatedToId },
              escalatedAt: s.escalatedAt.toISOString(),
            }
          : null,
      overdue: view.overdue,
      assignee: view.assignee ? { ...view.assignee } : null,
      nextDeadline: view.nextDeadline
        ? { kind: view.nextDeadline.kind, at: view.nextDeadline.at.toISOString() }
        : null,
    });
  }
}

/** A case with the history of its offers. */
export class DispatchCaseDetailResponse extends DispatchCaseResponse {
  @ApiProperty({ type: [AssignmentResponse] }) offers: AssignmentResponse[];
  @ApiProperty({
    type: [SummonsResponse],
    description: 'Departments summoned to the ticket (吹哨报到), oldest first.',
  })
  summonses: SummonsResponse[];
}

/** Open cases of one grid in one status. */
export class GridCountResponse {
  @ApiProperty({ format: 'uuid' }) gridId: string;
  @ApiProperty() status: string;
  @ApiProperty() count: number;
}

/** The community's dispatch board. */
export class DispatchBoardResponse {
  @ApiProperty({ format: 'uuid' }) communityId: string;
  @ApiProperty({ enum: ['unassigned', 'offered', 'in_hand', 'overdue', 'escalated', 'open'] }) view: string;
  @ApiProperty({ type: [DispatchCaseResponse] }) cases: DispatchCaseResponse[];
  @ApiProperty({ type: [GridCountResponse] }) byGrid: GridCountResponse[];
}

/** One reason a candidate ranks where it does. */
export class RankingReasonResponse {
  @ApiProperty({ example: 'linked_household' }) code: string;
  @ApiProperty({ example: 1000 }) points: number;
  @ApiProperty({ example: '该党员联系此户（1+10）' }) zh: string;
  @ApiProperty({ example: 'Looks after this household (1+10)' }) en: string;
}

/** A ranked candidate. */
export class CandidateResponse {
  @ApiProperty({ example: 'member-0042' }) memberId: string;
  @ApiProperty({ example: 1240 }) score: number;
  @ApiProperty({ type: [RankingReasonResponse] }) reasons: RankingReasonResponse[];
}

/** Ranked candidates for a ticket. */
export class SuggestionResponse {
  @ApiProperty({ format: 'uuid' }) ticketId: string;
  @ApiProperty({ type: [CandidateResponse] }) candidates: CandidateResponse[];
  @ApiPropertyOptional({
    type: PropertyCompanyReferenceResponse,
    nullable: true,
    example: { id: 'property-07' },
  })
  propertyCompany: {
    id: string;
  } | null;

  /** The response for ranked candidates. */
  static of(
    ticketId: string,
    candidates: RankedCandidate[],
    propertyCompany: { id: string } | null,
  ): SuggestionResponse {
    return Object.assign(new SuggestionResponse(), {
      ticketId,
      candidates: candidates.map((candidate) => ({
        ...candidate,
        reasons: candidate.reasons.map((reason) => ({ ...reason })),
      })),
      propertyCompany,
    });
  }
}
