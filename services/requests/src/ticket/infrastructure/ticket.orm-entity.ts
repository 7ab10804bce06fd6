import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AttachmentReference, ResidentContact } from '../domain/ticket.aggregate';

// timestamptz and numeric columns come back as Date and number; jsonb as parsed JSON.

/** Row of `ticket`: the current state of one ticket. */
@Entity({ name: 'ticket' })
export class TicketOrmEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('varchar') number!: string;
  @Column('varchar', { name: 'resident_id', nullable: true }) residentId!: string | null;
  @Column('varchar', { name: 'filed_by_role' }) filedByRole!: string;
  @Column('varchar', { name: 'filed_by_id' }) filedById!: string;
  @Column('varchar') source!: string;
  @Column('varchar', { name: 'category_code' }) categoryCode!: string;
  @Column('varchar') urgency!: string;
  @Column('varchar') title!: string;
  @Column('text') description!: string;
  @Column('uuid', { name: 'community_id' }) communityId!: string;
  @Column('uuid', { name: 'grid_id' }) gridId!: string;
  @Column('uuid', { name: 'compound_id', nullable: true }) compoundId!: string | null;
  @Column('uuid', { name: 'building_id', nullable: true }) buildingId!: string | null;
  @Column('uuid', { name: 'household_id', nullable: true }) householdId!: string | null;
  @Column('varchar', { nullable: true }) address!: string | null;
  @Column('double precision', { nullable: true }) latitude!: number | null;
  @Column('double precision', { nullable: true }) longitude!: number | null;
  @Column('jsonb', { nullable: true }) contact!: ResidentContact | null;
  @Column('jsonb') attachments!: AttachmentReference[];
  @Column('varchar') status!: string;
  @Column('timestamptz', { name: 'status_changed_at' }) statusChangedAt!: Date;
  @Column('smallint', { name: 'escalation_level' }) escalationLevel!: number;
  @Column('uuid', { name: 'assignment_id', nullable: true }) assignmentId!: string | null;
  @Column('varchar', { name: 'assignee_kind', nullable: true }) assigneeKind!: string | null;
  @Column('varchar', { name: 'assignee_id', nullable: true }) assigneeId!: string | null;
  @Column('uuid', { name: 'retired_assignment_ids', array: true }) retiredAssignmentIds!: string[];
  @Column('timestamptz', { name: 'accept_due_at', nullable: true }) acceptDueAt!: Date | null;
  @Column('timestamptz', { name: 'completion_due_at', nullable: true }) completionDueAt!: Date | null;
  @Column('timestamptz', { name: 'auto_confirm_due_at', nullable: true }) autoConfirmDueAt!: Date | null;
  @Column('timestamptz', { name: 'next_deadline_at', nullable: true }) nextDeadlineAt!: Date | null;
  @Column('timestamptz', { name: 'resolved_at', nullable: true }) resolvedAt!: Date | null;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt!: Date | null;
  @Column('timestamptz', { name: 'cancelled_at', nullable: true }) cancelledAt!: Date | null;
  @Column('smallint', { nullable: true }) rating!: number | null;
  @Column('varchar', { name: 'confirmation_comment', nullable: true }) confirmationComment!: string | null;
  @Column('boolean', { name: 'auto_confirmed' }) autoConfirmed!: boolean;
  @Column('integer', { name: 'reopen_count' }) reopenCount!: number;
  @Column('timestamptz', { name: 'submitted_at' }) submittedAt!: Date;
  @Column('uuid', { name: 'merged_into_ticket_id', nullable: true }) mergedIntoTicketId!: string | null;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
