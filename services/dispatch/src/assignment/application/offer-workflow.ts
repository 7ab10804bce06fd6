// The steps every path through dispatch shares: rank the candidates, make an offer (with its expiry
// timer and ticket.dispatched), re-offer to the next candidate after a return, escalate when nobody
// is left, and announce a ticket left waiting for the community's staff (ticket.queued). Callers hold
// the case lock and save the case once at the end of their transaction.
import { Inject, Injectable } from '@nestjs/common';
import {
  ticketCategory,
  ticketDispatchedV1,
  ticketEscalatedV1,
  ticketQueuedV1,
  EscalationLevel,
} from '@loop/contracts';
import { UnitOfWork } from '@loop/messaging';
import { CLOCK, Clock } from '@loop/platform';
import { EntityManager } from 'typeorm';
import { Assignee, Assignment } from '../domain/assignment.aggregate';
import { rankCandidates, RankedCandidate } from '../domain/candidate-ranking';
import { DispatchCase, EscalationReason, QueueReason } from '../domain/dispatch-case.aggregate';
import { SlaPolicy, WorkingTime } from '../domain/sla.policy';
import { AssignmentRepository } from '../infrastructure/assignment.typeorm-repository';
import { AssignmentDirectory } from './assignment-directory';
import { AUTO_DISPATCHER, Cause, DISPATCH_QUEUE, systemCause } from './cause';
import { armOfferExpiry } from './sla-timers';

/** Who made an offer. */
export interface OfferOrigin {
  mode: 'manual' | 'auto';
  dispatchedBy: Cause['actor'];
}

/** The month (`YYYY-MM`, Beijing time) an instant falls in, for the fairness counter. */
export function serviceMonthOf(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
}

/** Shared dispatch steps: ranking, offering, re-offering and escalating. */
@Injectable()
export class OfferWorkflow {
  constructor(
    private readonly assignments: AssignmentRepository,
    private readonly directory: AssignmentDirectory,
    private readonly policy: SlaPolicy,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * The ranked candidates for the case at `now` (by default the clock's), leaving out those who already
   * returned it in this round.
   */
  async rank(
    manager: EntityManager,
    dispatchCase: DispatchCase,
    now = this.clock.now(),
  ): Promise<RankedCandidate[]> {
    const s = dispatchCase.snapshot();
    const [members, time] = await Promise.all([
      this.directory.candidatesFor(s),
      this.directory.workingTimeOf(s.communityId),
    ]);
    if (members.length === 0) return [];
    const memberIds = members.map((member) => member.id);
    const [loads, minutes] = await Promise.all([
      this.assignments.openLoadOf(manager, memberIds),
      this.assignments.serviceMinutesOf(manager, memberIds, serviceMonthOf(now)),
    ]);
    const openNow = time.isOpenAt(now);
    return rankCandidates(
      {
        gridId: s.gridId,
        householdId: s.householdId,
        categorySkills: ticketCategory(s.categoryCode)?.skills ?? [],
      },
      members.map((member) => ({
        memberId: member.id,
        gridId: member.gridId,
        skills: member.skills,
        householdIds: member.householdIds,
        openLoad: loads.get(member.id) ?? 0,
        availableNow: member.active && openNow,
        minutesThisMonth: minutes.get(member.id) ?? 0,
      })),
      dispatchCase.excludedAssigneeIds,
    );
  }

  /** Offers the work to the assignee: the offer, its expiry timer and ticket.dispatched. */
  async offer(
    unit: UnitOfWork,
    dispatchCase: DispatchCase,
    assignee: Assignee,
    origin: OfferOrigin,
    workingTime?: WorkingTime,
  ): Promise<Assignment> {
    const s = dispatchCase.snapshot();
    const now = unit.now;
    // Both directory reads at once: the place names are for the offer event, the time for its deadline.
    const [time, place] = await Promise.all([
      workingTime ?? this.directory.workingTimeOf(s.communityId),
      this.directory.placeLabelsOf(s),
    ]);
    const offerExpiresAt = this.policy.offerExpiryFor(s.categoryCode, s.urgency, now, s.acceptDueAt, time);
    const id = unit.newId();
    const attempt = dispatchCase.recordOffer(id);
    const assignment = Assignment.offer({
      id,
      ticketId: s.ticketId,
      communityId: s.communityId,
      gridId: s.gridId,
      assignee,
      mode: origin.mode,
      dispatchedBy: origin.dispatchedBy,
      attempt,
      offeredAt: now,
      offerExpiresAt,
    });
    await this.assignments.insert(unit.manager, assignment);
    await armOfferExpiry(unit.manager, id, s.ticketId, offerExpiresAt, unit.cause.correlationId);
    unit.record(ticketDispatchedV1, {
      ticketId: s.ticketId,
      assignmentId: id,
      assignee,
      mode: origin.mode,
      dispatchedBy: origin.dispatchedBy,
      attempt,
      offerExpiresAt: offerExpiresAt.toISOString(),
      completionDueAt: s.completeDueAt.toISOString(),
      dispatchedAt: now.toISOString(),
      place,
    });
    return assignment;
  }

  /**
   * Offers the work to the best remaining candidate (auto-dispatch, or a re-offer after a decline,
   * expiry or hand-back), acting as auto-dispatch on the unit's cause. With nobody left, the ticket is
   * escalated so a person decides.
   */
  async offerToNextCandidate(unit: UnitOfWork, dispatchCase: DispatchCase): Promise<Assignment | undefined> {
    const [best] = await this.rank(unit.manager, dispatchCase, unit.now);
    const auto = unit.withCause(systemCause(AUTO_DISPATCHER, unit.cause));
    if (!best) {
      // Escalate once for lack of candidates; a ticket already escalated has its owner already.
      if (dispatchCase.escalationLevel === 0) await this.escalate(auto, dispatchCase, 'no_candidates');
      return undefined;
    }
    return this.offer(
      auto,
      dispatchCase,
      { kind: 'member', id: best.memberId },
      { mode: 'auto', dispatchedBy: auto.cause.actor },
    );
  }

  /**
   * Announces ticket.queued when the case is left waiting for the community's staff, so the loop shows
   * its owner and acceptance deadline; does nothing while an offer is live. Callers invoke it last, once
   * any automatic offer has been tried. `enteredAt` is the fact that sent the ticket to the queue.
   */
  async announceIfQueued(
    unit: UnitOfWork,
    dispatchCase: DispatchCase,
    reason: QueueReason,
    enteredAt?: Date,
  ): Promise<boolean> {
    const notice = dispatchCase.queueNotice(reason, unit.now, enteredAt);
    if (!notice) return false;
    unit.withCause(systemCause(DISPATCH_QUEUE, unit.cause)).record(ticketQueuedV1, {
      ticketId: notice.ticketId,
      communityId: notice.communityId,
      reason: notice.reason,
      acceptDueAt: notice.acceptDueAt.toISOString(),
      completionDueAt: notice.completeDueAt.toISOString(),
      queuedAt: notice.queuedAt.toISOString(),
    });
    return true;
  }

  /** Raises the ticket one level and announces it; false when there is nobody higher in the chain. */
  async escalate(unit: UnitOfWork, dispatchCase: DispatchCase, reason: EscalationReason): Promise<boolean> {
    const chain = await this.directory.escalationChain(dispatchCase.communityId);
    const escalation = dispatchCase.escalate(reason, chain, unit.now);
    if (!escalation) return false;
    unit.record(ticketEscalatedV1, {
      ticketId: dispatchCase.ticketId,
      assignmentId: dispatchCase.currentAssignmentId,
      level: escalation.level as EscalationLevel,
      reason,
      escalatedTo: {
        role: escalation.escalatedTo.role as 'secretary' | 'official',
        id: escalation.escalatedTo.id,
      },
      escalatedAt: escalation.escalatedAt.toISOString(),
    });
    return true;
  }
}
