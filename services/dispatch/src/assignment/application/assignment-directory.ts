// What the assignment slice needs from the directory, in its own words: working time of a community,
// its auto-dispatch policy, candidate members, assignees it may use, and the escalation chain.
import { Inject, Injectable } from '@nestjs/common';
import type { PlaceLabels } from '@loop/contracts';
import { APP_CONFIG } from '@loop/platform';
import { DirectoryReader } from '../../directory/application/directory-reader.port';
import { addWorkingMinutes, isOpenAt } from '../../directory/domain/service-calendar';
import type { MemberView } from '../../directory/domain/directory-views';
import { DispatchConfig } from '../../config/dispatch.config';
import type { Assignee } from '../domain/assignment.aggregate';
import type { EscalationContact } from '../domain/dispatch-case.aggregate';
import type { CommunityStaffContact } from '../domain/reminder-recipients.policy';
import { wallClockTime, WorkingTime } from '../domain/sla.policy';

/** A member the ranking may consider. */
export type CandidateMember = Pick<
  MemberView,
  'id' | 'gridId' | 'skills' | 'householdIds' | 'active' | 'communityId'
>;

/** The directory as the assignment slice reads it. */
@Injectable()
export class AssignmentDirectory {
  constructor(
    private readonly directory: DirectoryReader,
    @Inject(APP_CONFIG) private readonly config: DispatchConfig,
  ) {}

  /**
   * Working time of the community: its service calendar with the national public holidays and make-up
   * working days, or wall-clock time when configured so (or when the community is not in the directory
   * yet — a deadline must exist even then). Emergencies count wall-clock time whatever this says: the
   * SLA policy decides that per urgency.
   */
  async workingTimeOf(communityId: string): Promise<WorkingTime> {
    if (this.config.SLA_WORKING_TIME === 'wall_clock') return wallClockTime;
    const calendar = await this.directory.calendarOf(communityId);
    if (!calendar) return wallClockTime;
    return {
      addWorkingMinutes: (from, minutes) => addWorkingMinutes(calendar, from, minutes),
      isOpenAt: (instant) => isOpenAt(calendar, instant),
    };
  }

  /** The names of the ticket's places, for the offer the assignee reads. */
  placeLabelsOf(place: {
    communityId: string;
    gridId: string;
    compoundId: string | null;
    householdId: string | null;
  }): Promise<PlaceLabels> {
    return this.directory.placeLabelsOf(place);
  }

  /** Whether the community offers new tickets to the top candidate without waiting for staff. */
  async autoDispatches(communityId: string): Promise<boolean> {
    const community = await this.directory.communityById(communityId);
    return community?.autoDispatch === true && community.active;
  }

  /**
   * The member linked to the household (if any) and the grid's active members — only those registered
   * in the ticket's community: a ticket that names another community's grid or household never reaches
   * that community's members.
   */
  async candidatesFor(place: {
    communityId: string;
    gridId: string;
    householdId: string | null;
  }): Promise<CandidateMember[]> {
    const [linked, ofGrid] = await Promise.all([
      place.householdId ? this.directory.memberLinkedToHousehold(place.householdId) : Promise.resolve(null),
      this.directory.activeMembersOfGrid(place.gridId),
    ]);
    return [...(linked && linked.active ? [linked] : []), ...ofGrid].filter(
      (member) => member.communityId === place.communityId,
    );
  }

  /** The property company managing the compound, when there is an active one. */
  async propertyCompanyFor(compoundId: string | null): Promise<{ id: string } | null> {
    if (!compoundId) return null;
    const company = await this.directory.propertyCompanyForCompound(compoundId);
    return company && company.active ? { id: company.id } : null;
  }

  /**
   * Whether the assignee exists, is active and may serve the ticket: a member registered in its
   * community, or the property company that manages its compound (and no other).
   */
  async canServe(
    assignee: Assignee,
    ticket: { communityId: string; compoundId: string | null },
  ): Promise<boolean> {
    if (assignee.kind === 'property_company') {
      const manager = await this.propertyCompanyFor(ticket.compoundId);
      return manager?.id === assignee.id;
    }
    const member = await this.directory.memberById(assignee.id);
    return member !== null && member.active && member.communityId === ticket.communityId;
  }

  /** The active staff, secretaries and grid workers of the community, for reminders. */
  async staffOf(communityId: string): Promise<CommunityStaffContact[]> {
    return (await this.directory.staffOfCommunity(communityId)).map((person) => ({
      id: person.id,
      role: person.role,
    }));
  }

  /** The community's escalation chain (三级包联). */
  async escalationChain(communityId: string): Promise<EscalationContact[]> {
    return (await this.directory.escalationChain(communityId)).map((link) => ({ ...link }));
  }
}
