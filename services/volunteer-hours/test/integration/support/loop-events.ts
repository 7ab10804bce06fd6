// Builds the events other services publish (dispatch, requests), for the suites to feed the
// volunteer-hours service through real Kafka topics with the testing library's EventFeed.
import { randomUUID } from 'node:crypto';
import {
  ActorRef,
  buildEnvelope,
  EventEnvelope,
  memberRegisteredV1,
  ticketConfirmedV1,
  ticketReopenedV1,
  workCompletedV1,
} from '@loop/contracts';

const dispatchSystem: ActorRef = { role: 'system', id: 'dispatch' };

/** One ticket's loop, with the ids the events share. */
export class TicketLoop {
  readonly ticketId = randomUUID();

  constructor(readonly memberId: string) {}

  /** dispatch: the assignee finished (a member unless `propertyCompany`). */
  completed(
    assignmentId: string,
    minutesSpent: number,
    completedAt: Date,
    propertyCompany = false,
  ): EventEnvelope {
    const assignee = propertyCompany
      ? { kind: 'property_company' as const, id: 'company-1' }
      : { kind: 'member' as const, id: this.memberId };
    return buildEnvelope(
      workCompletedV1,
      {
        ticketId: this.ticketId,
        assignmentId,
        assignee,
        minutesSpent,
        completedAt: completedAt.toISOString(),
      },
      { actor: { role: 'member', id: this.memberId } },
    );
  }

  /** requests: the resident confirmed (or auto-confirmation did). */
  confirmed(assignmentId: string, confirmedAt: Date, auto = false): EventEnvelope {
    return buildEnvelope(
      ticketConfirmedV1,
      {
        ticketId: this.ticketId,
        assignmentId,
        rating: auto ? null : 5,
        auto,
        confirmedAt: confirmedAt.toISOString(),
      },
      { actor: auto ? { role: 'system', id: 'auto-confirmation' } : { role: 'resident', id: 'resident-1' } },
    );
  }

  /** requests: the resident reopened the ticket. */
  reopened(assignmentId: string, reopenedAt: Date, reopenCount = 1): EventEnvelope {
    return buildEnvelope(
      ticketReopenedV1,
      {
        ticketId: this.ticketId,
        assignmentId,
        reopenedFrom: 'closed',
        reasonCode: 'not_fixed',
        reopenCount,
        reopenedAt: reopenedAt.toISOString(),
      },
      { actor: { role: 'resident', id: 'resident-1' } },
    );
  }
}

/** dispatch: a member registered with a community, in a unit. */
export function memberRegistered(
  memberId: string,
  communityId: string,
  unitId: string,
  revision = 1,
): EventEnvelope {
  return buildEnvelope(
    memberRegisteredV1,
    {
      memberId,
      unitId,
      communityId,
      gridId: randomUUID(),
      skills: ['elderly_care'],
      householdIds: [],
      active: true,
      revision,
      changedAt: new Date().toISOString(),
    },
    { actor: dispatchSystem },
  );
}

/** A fresh member account id. */
export function aMemberId(): string {
  return `member-${randomUUID().slice(0, 8)}`;
}

const shanghaiOffsetMs = 8 * 3_600_000;

/**
 * "Now" for the tests' event times: the wall clock, except in the first hour of a service month
 * (Asia/Shanghai), when it is moved to one hour into the month — so credits made "30 minutes ago"
 * still fall in the month the tests query, whenever the suite runs.
 */
function testNow(): number {
  const shanghai = new Date(Date.now() + shanghaiOffsetMs);
  const monthStart = Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), 1) - shanghaiOffsetMs;
  return Math.max(Date.now(), monthStart + 3_600_000);
}

/** An instant `minutes` before the tests' "now" (never before this service month). */
export function minutesAgo(minutes: number): Date {
  return new Date(testNow() - minutes * 60_000);
}
