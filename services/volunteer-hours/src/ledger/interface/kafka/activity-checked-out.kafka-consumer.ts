import { Injectable } from '@nestjs/common';
import { activityCheckedOutV1, ActivityCheckedOutV1, EventEnvelope } from '@loop/contracts';
import { EventHandler, HandlingContext } from '@loop/messaging';
import { CreditActivityAttendanceHandler } from '../../application/credit-activity-attendance.handler';

/** Credits activity attendance from this service's own check-out events. */
@Injectable()
export class ActivityCheckedOutKafkaConsumer {
  constructor(private readonly crediting: CreditActivityAttendanceHandler) {}

  /** A member checked out of an activity. */
  @EventHandler(activityCheckedOutV1)
  async onActivityCheckedOut(
    envelope: EventEnvelope<ActivityCheckedOutV1>,
    { manager }: HandlingContext,
  ): Promise<void> {
    await this.crediting.handle(manager, envelope);
  }
}
