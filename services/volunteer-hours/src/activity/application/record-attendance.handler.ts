import { Injectable } from '@nestjs/common';
import { ActorRole, activityCheckedOutV1 } from '@loop/contracts';
import { Actor, requestCause, UnitsOfWork } from '@loop/messaging';
import { Viewer } from '../../access/domain/hours-access.policy';
import { ActivityNotFoundError } from '../domain/activity.errors';
import {
  assertMayCheckIn,
  assertMayCheckOut,
  assertMayOrganise,
  assertOnSite,
  creditedMinutes,
} from '../domain/activity.policy';
import {
  ActivityRecord,
  ActivityTypeormRepository,
  SignUpRecord,
} from '../infrastructure/activity.typeorm-repository';

/**
 * The organiser checks members in and out, or a member checks themselves in and out on site with the
 * activity's attendance code. A check-out with minutes to credit publishes `activity.checked_out`; the
 * ledger credits from that event, through the same idempotent path as ticket credits.
 */
@Injectable()
export class RecordAttendanceHandler {
  constructor(
    private readonly units: UnitsOfWork,
    private readonly activities: ActivityTypeormRepository,
  ) {}

  /** The organiser checks a member with a place in. */
  checkIn(organiser: Viewer, activityId: string, memberId: string): Promise<SignUpRecord> {
    return this.recordCheckIn(activityId, memberId, (activity) => assertMayOrganise(organiser, activity), {
      role: organiserRole(organiser),
      id: organiser.id,
    });
  }

  /** A member with a place checks themselves in on site, with the code the organiser shows. */
  checkInOnSite(member: Viewer, activityId: string, code: string): Promise<SignUpRecord> {
    return this.recordCheckIn(
      activityId,
      member.id,
      (activity, now) => assertOnSite(activity, code, now, 'check-in'),
      { role: 'member', id: member.id },
    );
  }

  /** The organiser checks a member out; the minutes are capped by the activity's window. */
  checkOut(
    organiser: Viewer,
    activityId: string,
    memberId: string,
    approvedMinutes?: number,
  ): Promise<SignUpRecord> {
    return this.recordCheckOut(
      activityId,
      memberId,
      (activity) => assertMayOrganise(organiser, activity),
      { role: organiserRole(organiser), id: organiser.id },
      approvedMinutes,
    );
  }

  /** A checked-in member checks themselves out with the code; they are credited the time they stayed. */
  checkOutOnSite(member: Viewer, activityId: string, code: string): Promise<SignUpRecord> {
    return this.recordCheckOut(
      activityId,
      member.id,
      (activity, now) => assertOnSite(activity, code, now, 'check-out'),
      { role: 'member', id: member.id },
    );
  }

  private async recordCheckIn(
    activityId: string,
    memberId: string,
    authorise: Authorisation,
    actor: Actor,
  ): Promise<SignUpRecord> {
    return this.units.run(requestCause(actor.role, actor.id), async ({ manager, now }) => {
      const activity = await this.activities.find(manager, activityId, true);
      if (!activity) throw new ActivityNotFoundError(activityId);
      authorise(activity, now);
      const signUp = await this.activities.findSignUp(manager, activityId, memberId);
      assertMayCheckIn(signUp);
      const checkedIn: SignUpRecord = { ...(signUp as SignUpRecord), checkedInAt: now };
      await this.activities.saveSignUp(manager, checkedIn);
      return checkedIn;
    });
  }

  private async recordCheckOut(
    activityId: string,
    memberId: string,
    authorise: Authorisation,
    actor: Actor,
    approvedMinutes?: number,
  ): Promise<SignUpRecord> {
    return this.units.run(requestCause(actor.role, actor.id), async (unit) => {
      const { manager } = unit;
      const activity = await this.activities.find(manager, activityId, true);
      if (!activity) throw new ActivityNotFoundError(activityId);
      authorise(activity, unit.now);
      const signUp = await this.activities.findSignUp(manager, activityId, memberId);
      assertMayCheckOut(signUp);
      const checkedOutAt = unit.now;
      const minutes = creditedMinutes(
        activity,
        { checkedInAt: signUp.checkedInAt, checkedOutAt },
        approvedMinutes,
      );
      const checkedOut: SignUpRecord = {
        ...(signUp as SignUpRecord),
        checkedOutAt,
        creditedMinutes: minutes,
      };
      await this.activities.saveSignUp(manager, checkedOut);
      // Nothing to credit (left before the window opened): the attendance is kept, no event is due.
      if (minutes >= 1) {
        unit.record(activityCheckedOutV1, {
          activityId,
          memberId,
          checkedInAt: signUp.checkedInAt.toISOString(),
          checkedOutAt: checkedOutAt.toISOString(),
          minutes,
        });
      }
      return checkedOut;
    });
  }
}

/** Refuses a check-in or check-out at `now` that the caller may not record. */
type Authorisation = (activity: ActivityRecord, now: Date) => void;

function organiserRole(viewer: Viewer): ActorRole {
  const preferred: ActorRole[] = ['secretary', 'staff', 'unit_admin'];
  return preferred.find((role) => viewer.roles.includes(role)) ?? (viewer.roles[0] as ActorRole);
}
