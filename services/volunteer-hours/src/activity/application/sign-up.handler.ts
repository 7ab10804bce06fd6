import { Inject, Injectable } from '@nestjs/common';
import { activitySignedUpV1, buildEnvelope } from '@loop/contracts';
import { OutboxWriter } from '@loop/messaging';
import { CLOCK, Clock, correlationContext, runTransaction } from '@loop/platform';
import { DataSource, EntityManager } from 'typeorm';
import { ActivityNotFoundError } from '../domain/activity.errors';
import { assertMayWithdraw, signUpStatusFor } from '../domain/activity.policy';
import { ActivityTypeormRepository, SignUpRecord } from '../infrastructure/activity.typeorm-repository';

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
    private readonly dataSource: DataSource,
    private readonly activities: ActivityTypeormRepository,
    private readonly outbox: OutboxWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Signs `memberId` up: a place while places are left, the waiting list otherwise. */
  async signUp(activityId: string, memberId: string): Promise<SignUpOutcome> {
    return runTransaction(this.dataSource, async (manager) => {
      const activity = await this.activities.find(manager, activityId, true);
      if (!activity) throw new ActivityNotFoundError(activityId);
      const existing = await this.activities.findSignUp(manager, activityId, memberId);
      const { signedUp } = await this.activities.counts(manager, activityId);
      const status = signUpStatusFor(existing, signedUp, activity.capacity);
      const now = this.clock.now();
      const signUp: SignUpRecord = {
        activityId,
        memberId,
        status,
        signedUpAt: now,
        queuedAt: now,
        checkedInAt: null,
        checkedOutAt: null,
        creditedMinutes: null,
      };
      await this.activities.saveSignUp(manager, signUp);
      if (status === 'signed_up') {
        await this.announce(manager, signUp, { role: 'member', id: memberId });
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
    return runTransaction(this.dataSource, async (manager) => {
      const activity = await this.activities.find(manager, activityId, true);
      if (!activity) throw new ActivityNotFoundError(activityId);
      const signUp = await this.activities.findSignUp(manager, activityId, memberId);
      assertMayWithdraw(signUp);
      const heldPlace = signUp.status === 'signed_up';
      await this.activities.saveSignUp(manager, { ...(signUp as SignUpRecord), status: 'withdrawn' });
      if (!heldPlace) return { promoted: null };
      const next = await this.activities.nextWaiting(manager, activityId);
      if (!next) return { promoted: null };
      const promoted: SignUpRecord = { ...next, status: 'signed_up', signedUpAt: this.clock.now() };
      await this.activities.saveSignUp(manager, promoted);
      await this.announce(manager, promoted, { role: 'system', id: 'activity-waiting-list' });
      return { promoted: promoted.memberId };
    });
  }

  private async announce(
    manager: EntityManager,
    signUp: SignUpRecord,
    actor: { role: 'member' | 'system'; id: string },
  ): Promise<void> {
    await this.outbox.add(
      manager,
      buildEnvelope(
        activitySignedUpV1,
        {
          activityId: signUp.activityId,
          memberId: signUp.memberId,
          signedUpAt: signUp.signedUpAt.toISOString(),
        },
        { actor, clock: this.clock, correlationId: correlationContext.current()?.correlationId },
      ),
    );
  }
}
