import { Inject, Injectable } from '@nestjs/common';
import { activitySignedUpV1 } from '@loop/contracts';
import { Actor, requestCause, UnitOfWork, UnitsOfWork } from '@loop/messaging';
import { CLOCK, Clock } from '@loop/platform';
import { ActivityNotFoundError } from '../domain/activity.errors';
import { assertMayWithdraw, signUpStatusFor } from '../domain/activity.policy';
import { ActivityTypeormRepository, SignUpRecord } from '../infrastructure/activity.typeorm-repository';

/** The automatic process that gives a freed place to the member waiting longest. */
const waitingList: Actor = { role: 'system', id: 'activity-waiting-list' };

/** Where a sign-up landed. */
export interface SignUpOutcome {
  signUp: SignUpRecord;
  /** 1-based waiting-list position when waitlisted. */
  waitlistPosition: number | null;
}

/**
 * Members sign up for and withdraw from activities. Each command locks the activity's row first, so
 * concurrent sign-ups at the capacity edge take turns and exactly `capacity` members get a place; the
 * rest join the waiting list in the order they arrived, and a withdrawal promotes the longest waiting.
 */
@Injectable()
export class SignUpHandler {
  constructor(
    private readonly units: UnitsOfWork,
    private readonly activities: ActivityTypeormRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Signs `memberId` up: a place while places are left, the waiting list otherwise. */
  async signUp(activityId: string, memberId: string): Promise<SignUpOutcome> {
    return this.units.run(requestCause('member', memberId), async (unit) => {
      const { manager } = unit;
      const activity = await this.activities.find(manager, activityId, true);
      if (!activity) throw new ActivityNotFoundError(activityId);
      const existing = await this.activities.findSignUp(manager, activityId, memberId);
      const { signedUp } = await this.activities.counts(manager, activityId);
      const status = signUpStatusFor(existing, signedUp, activity.capacity);
      const signUp: SignUpRecord = {
        activityId,
        memberId,
        status,
        signedUpAt: unit.now,
        // The queue's order is the order the activity's lock was taken in: the unit's instant, read
        // before the lock, would let a later arrival queue ahead of a position already handed out.
        queuedAt: this.clock.now(),
        checkedInAt: null,
        checkedOutAt: null,
        creditedMinutes: null,
      };
      await this.activities.saveSignUp(manager, signUp);
      if (status === 'signed_up') {
        this.announce(unit, signUp);
        return { signUp, waitlistPosition: null };
      }
      return {
        signUp,
        waitlistPosition: await this.activities.waitlistPosition(manager, activityId, memberId),
      };
    });
  }

  /** Withdraws `memberId`; a freed place goes to the member waiting longest. */
  async withdraw(activityId: string, memberId: string): Promise<{ promoted: string | null }> {
    return this.units.run(requestCause('member', memberId), async (unit) => {
      const { manager } = unit;
      const activity = await this.activities.find(manager, activityId, true);
      if (!activity) throw new ActivityNotFoundError(activityId);
      const signUp = await this.activities.findSignUp(manager, activityId, memberId);
      assertMayWithdraw(signUp);
      const heldPlace = signUp.status === 'signed_up';
      await this.activities.saveSignUp(manager, { ...(signUp as SignUpRecord), status: 'withdrawn' });
      if (!heldPlace) return { promoted: null };
      const next = await this.activities.nextWaiting(manager, activityId);
      if (!next) return { promoted: null };
      const promoted: SignUpRecord = { ...next, status: 'signed_up', signedUpAt: unit.now };
      await this.activities.saveSignUp(manager, promoted);
      this.announce(unit, promoted, waitingList);
      return { promoted: promoted.memberId };
    });
  }

  // The member's own sign-up is theirs; a promotion from the waiting list is the list's doing.
  private announce(unit: UnitOfWork, signUp: SignUpRecord, actor?: Actor): void {
    unit.record(
      activitySignedUpV1,
      {
        activityId: signUp.activityId,
        memberId: signUp.memberId,
        signedUpAt: signUp.signedUpAt.toISOString(),
      },
      { actor },
    );
  }
}
