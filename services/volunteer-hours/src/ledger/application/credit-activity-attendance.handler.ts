import { Injectable } from '@nestjs/common';
import { ActivityCheckedOutV1, EventEnvelope } from '@loop/contracts';
import { UnitOfWork } from '@loop/messaging';
import { MemberProfiles } from '../../directory/application/member-profiles.port';
import { LedgerTypeormRepository } from '../infrastructure/ledger.typeorm-repository';
import { LedgerAppender } from './ledger-appender';

/**
 * Credits a member's minutes for an activity check-out — the same idempotent path as ticket credits:
 * the check-out event's id is the cause, and one credit per member and activity is all the ledger takes.
 */
@Injectable()
export class CreditActivityAttendanceHandler {
  constructor(
    private readonly ledger: LedgerTypeormRepository,
    private readonly profiles: MemberProfiles,
    private readonly appender: LedgerAppender,
  ) {}

  /**
   * Appends the credit for the check-out in `envelope`, unless it is already in the ledger, with `unit`
   * (the ledger following the check-out, in the consumer's transaction).
   */
  async handle(unit: UnitOfWork, envelope: EventEnvelope<ActivityCheckedOutV1>): Promise<void> {
    const { payload } = envelope;
    const { manager } = unit;
    if (await this.ledger.findActivityCredit(manager, payload.activityId, payload.memberId)) return;
    const activityCommunity = await this.ledger.communityOfActivity(manager, payload.activityId);
    const profile = await this.profiles.find(manager, payload.memberId);
    await this.appender.append(unit, {
      id: unit.newId(),
      memberId: payload.memberId,
      kind: 'credit',
      minutes: payload.minutes,
      unitId: profile?.unitId ?? null,
      // The activity's community is where the service happened; the member's own is the fallback.
      communityId: activityCommunity ?? profile?.communityId ?? null,
      source: { kind: 'activity', id: payload.activityId },
      assignmentId: null,
      causedByEventId: envelope.eventId,
      causedByEventType: envelope.type,
      reversesEntryId: null,
      reason: null,
      verifiedBy: envelope.actor,
      occurredAt: new Date(payload.checkedOutAt),
    });
  }
}
