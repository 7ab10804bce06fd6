import { Injectable } from '@nestjs/common';
import { activityCheckedOutV1, ActivityCheckedOutV1, EventEnvelope } from '@loop/contracts';
import { EventHandler, HandlingContext, UnitsOfWork } from '@loop/messaging';
import { CreditActivityAttendanceHandler } from '../../application/credit-activity-attendance.handler';
import { ledgerActor } from '../../application/ledger-appender';

/** Credits activity attendance from this service's own check-out events. */
@Injectable()
export class ActivityCheckedOutKafkaConsumer {
  constructor(
    private readonly crediting: CreditActivityAttendanceHandler,
    private readonly units: UnitsOfWork,
  ) {}

  /** A member checked out of an activity. */
  @EventHandler(activityCheckedOutV1)
  async onActivityCheckedOut(
    envelope: EventEnvelope<ActivityCheckedOutV1>,
    context: HandlingContext,
  ): Promise<void> {
    await this.crediting.handle(this.units.following(envelope, context, ledgerActor), envelope);
  }
}
