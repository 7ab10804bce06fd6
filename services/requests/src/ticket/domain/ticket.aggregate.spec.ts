import {
  CancellationReason,
  currentOwner,
  DispatchFact,
  nextDeadline,
  ReopenReason,
  Ticket,
} from './ticket.aggregate';
import { ReopenWindowClosedError, TicketTransitionRefusedError } from './ticket.errors';
import { TicketStatus, ticketStatuses } from './ticket-status';

const t0 = new Date('2026-03-01T02:00:00.000Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const assignee = { kind: 'member' as const, id: 'member-77' };
const day = 24 * 3600 * 1000;
const withdrawn: CancellationReason = { reasonCode: 'withdrawn' };
const notFixed: ReopenReason = { reasonCode: 'not_fixed', reasonText: '灯还是不亮' };

function submitted(): Ticket {
  return Ticket.submit({
    id: 'ticket-1',
    number: 'LC-2026-000001',
    residentId: 'resident-1',
    filedBy: { role: 'resident', id: 'resident-1' },
    source: 'app',
    categoryCode: 'property.repair',
    urgency: 'normal',
    title: '楼道灯不亮',
    description: '楼道灯坏了一周',
    location: { communityId: 'c-1', gridId: 'g-1' },
    contact: null,
    attachments: [],
    submittedAt: t0,
  });
}

const dispatched = (minute: number, assignmentId = 'a-1'): DispatchFact => ({
  kind: 'dispatched',
  assignmentId,
  assignee,
  offerExpiresAt: at(minute + 30),
  completionDueAt: at(minute + 1440),
  occurredAt: at(minute),
});
const accepted = (minute: number, assignmentId = 'a-1'): DispatchFact => ({
  kind: 'accepted',
  assignmentId,
  assignee,
  completionDueAt: at(minute + 1440),
  occurredAt: at(minute),
});
const started = (minute: number, assignmentId = 'a-1'): DispatchFact => ({
  kind: 'started',
  assignmentId,
  assignee,
  occurredAt: at(minute),
});
const completed = (minute: number, assignmentId = 'a-1'): DispatchFact => ({
  kind: 'completed',
  assignmentId,
  assignee,
  occurredAt: at(minute),
});
const returned = (
  kind: 'declined' | 'expired' | 'handed_back',
  minute: number,
  assignmentId = 'a-1',
): DispatchFact => ({
  kind,
  assignmentId,
  occurredAt: at(minute),
});

const queued = (
  minute: number,
  reason: 'submitted' | 'returned' | 'reopened' = 'submitted',
  acceptMinute = minute + 120,
): DispatchFact => ({
  kind: 'queued',
  reason,
  acceptDueAt: at(acceptMinute),
  completionDueAt: at(minute + 1440),
  occurredAt: at(minute),
});

function ticketIn(status: TicketStatus): Ticket {
  const ticket = submitted();
  const path: Record<TicketStatus, () => void> = {
    submitted: () => undefined,
    dispatched: () => ticket.apply(dispatched(1)),
    accepted: () => [dispatched(1), accepted(2)].forEach((fact) => ticket.apply(fact)),
    in_progress: () => [dispatched(1), accepted(2), started(3)].forEach((fact) => ticket.apply(fact)),
    resolved: () =>
      [dispatched(1), accepted(2), started(3), completed(4)].forEach((fact) => ticket.apply(fact)),
    closed: () => {
      path.resolved();
      ticket.confirm(5, null, at(10), 'resident');
    },
    cancelled: () => ticket.cancel(at(1), withdrawn),
    reopened: () => {
      path.resolved();
      ticket.reopen(at(10), day, notFixed);
    },
  };
  path[status]();
  expect(ticket.status).toBe(status);
  return ticket;
}

describe('the ticket state machine', () => {
  describe('the loop of dispatch facts', () => {
    it('moves a submitted ticket through dispatched, accepted and in progress to resolved', () => {
      const ticket = submitted();
      expect(ticket.apply(dispatched(1))).toBe('applied');
      expect(ticket.state).toMatchObject({
        status: 'dispatched',
        acceptDueAt: at(31),
        assignment: { id: 'a-1', assignee },
      });
      expect(ticket.apply(accepted(2))).toBe('applied');
      expect(ticket.state).toMatchObject({
        status: 'accepted',
        acceptDueAt: null,
        completionDueAt: at(1442),
      });
      expect(ticket.apply(started(3))).toBe('applied');
      expect(ticket.status).toBe('in_progress');
      expect(ticket.apply(completed(4))).toBe('applied');
      expect(ticket.state).toMatchObject({ status: 'resolved', resolvedAt: at(4), completionDueAt: null });
    });

    it('treats a fact older than the current status as stale', () => {
      const ticket = ticketIn('in_progress');
      expect(ticket.apply(accepted(2))).toBe('stale');
      expect(ticket.apply(dispatched(1))).toBe('stale');
      expect(ticket.status).toBe('in_progress');
    });

    it('never moves back within one assignment, even for a fact with the same time', () => {
      const ticket = ticketIn('accepted');
      expect(ticket.apply(dispatched(2))).toBe('stale');
      expect(ticket.status).toBe('accepted');
    });

    it('resolves directly when work completes before its start and acceptance arrive, and ignores them afterwards', () => {
      const ticket = submitted();
      expect(ticket.apply(completed(4))).toBe('applied');
      expect(ticket.apply(started(3))).toBe('stale');
      expect(ticket.apply(accepted(2))).toBe('stale');
      expect(ticket.apply(dispatched(1))).toBe('stale');
      expect(ticket.status).toBe('resolved');
    });

    it('returns a declined or expired offer to dispatch', () => {
      for (const kind of ['declined', 'expired'] as const) {
        const ticket = ticketIn('dispatched');
        expect(ticket.apply(returned(kind, 5))).toBe('applied');
        expect(ticket.state).toMatchObject({ status: 'submitted', assignment: null, acceptDueAt: null });
      }
    });

    it('returns handed-back work to dispatch from accepted or in progress', () => {
      for (const status of ['accepted', 'in_progress'] as const) {
        const ticket = ticketIn(status);
        expect(ticket.apply(returned('handed_back', 5))).toBe('applied');
        expect(ticket.status).toBe('submitted');
      }
    });

    it('ignores a return of an assignment that is no longer current', () => {
      const ticket = ticketIn('dispatched');
      ticket.apply(returned('declined', 5));
      ticket.apply(dispatched(6, 'a-2'));
      expect(ticket.apply(returned('declined', 7, 'a-1'))).toBe('not-applicable');
      expect(ticket.state.assignment?.id).toBe('a-2');
    });

    it('keeps an offer that was declined before its dispatch arrived from being taken', () => {
      const ticket = submitted();
      expect(ticket.apply(returned('declined', 2))).toBe('not-applicable');
      expect(ticket.apply(dispatched(1))).toBe('not-applicable');
      expect(ticket.apply(accepted(3))).toBe('not-applicable');
      expect(ticket.state).toMatchObject({
        status: 'submitted',
        assignment: null,
        retiredAssignmentIds: ['a-1'],
      });
    });

    it('ends the current assignment on a return even when the return is older than its last step', () => {
      const ticket = ticketIn('in_progress');
      expect(ticket.apply(returned('handed_back', 2))).toBe('applied');
      expect(ticket.state).toMatchObject({ status: 'submitted', statusChangedAt: at(3) });
    });

    it('never lets a fact of the reopened assignment resolve the ticket again', () => {
      const ticket = ticketIn('reopened');
      expect(ticket.apply(completed(60))).toBe('not-applicable');
      expect(ticket.status).toBe('reopened');
      expect(ticket.apply(dispatched(61, 'a-2'))).toBe('applied');
    });

    it('returns an offer to dispatch when a hand-back arrives before the acceptance it follows', () => {
      const offered = ticketIn('dispatched');
      expect(offered.apply(returned('handed_back', 5))).toBe('applied');
      expect(offered.status).toBe('submitted');
    });

    it('takes a newer offer of another assignment as a re-dispatch', () => {
      const ticket = ticketIn('accepted');
      expect(ticket.apply(dispatched(9, 'a-2'))).toBe('applied');
      expect(ticket.state).toMatchObject({ status: 'dispatched', assignment: { id: 'a-2' } });
    });

    it('leaves a resolved ticket to the resident', () => {
      const ticket = ticketIn('resolved');
      expect(ticket.apply(dispatched(9, 'a-2'))).toBe('stale');
      expect(ticket.apply(returned('handed_back', 9))).toBe('not-applicable');
      expect(ticket.status).toBe('resolved');
    });

    it('changes nothing on a closed or cancelled ticket', () => {
      for (const status of ['closed', 'cancelled'] as const) {
        const ticket = ticketIn(status);
        expect(ticket.apply(dispatched(20, 'a-9'))).toBe('not-applicable');
        expect(ticket.apply({ kind: 'escalated', level: 3, occurredAt: at(20) })).toBe('not-applicable');
        expect(ticket.status).toBe(status);
      }
    });

    it('raises the escalation level and never lowers it, whatever the order', () => {
      const ticket = ticketIn('dispatched');
      expect(ticket.apply({ kind: 'escalated', level: 2, occurredAt: at(40) })).toBe('applied');
      expect(ticket.apply({ kind: 'escalated', level: 1, occurredAt: at(35) })).toBe('not-applicable');
      expect(ticket.state).toMatchObject({ escalationLevel: 2, status: 'dispatched' });
    });
  });

  describe('waiting in the community’s dispatch queue', () => {
    it('gives a submitted ticket its accept deadline and the community as owner, without changing the status', () => {
      const ticket = submitted();
      expect(ticket.apply(queued(1))).toBe('applied');
      expect(ticket.state).toMatchObject({
        status: 'submitted',
        statusChangedAt: t0,
        acceptDueAt: at(121),
        completionDueAt: at(1441),
      });
      expect(nextDeadline(ticket.state)).toEqual(at(121));
      expect(currentOwner(ticket.state)).toEqual({ kind: 'community', id: 'c-1' });
    });

    it('keeps the offer’s deadline when a queue notice arrives after the dispatch that followed it', () => {
      const ticket = submitted();
      ticket.apply(dispatched(5));
      expect(ticket.apply(queued(1))).toBe('stale');
      expect(ticket.state).toMatchObject({ status: 'dispatched', acceptDueAt: at(35) });
      expect(nextDeadline(ticket.state)).toEqual(at(35));
    });

    it('never moves the deadline back to an older queue notice after a return', () => {
      const ticket = submitted();
      ticket.apply(queued(1));
      ticket.apply(dispatched(2));
      ticket.apply(returned('declined', 3));
      expect(ticket.apply(queued(4, 'returned', 121))).toBe('applied');
      expect(ticket.apply(queued(1))).toBe('stale');
      expect(ticket.state).toMatchObject({ status: 'submitted', acceptDueAt: at(121) });
    });

    it('waits for the return itself when the notice overtakes it, leaving the held work as it is', () => {
      const ticket = ticketIn('accepted');
      expect(ticket.apply(queued(10, 'returned'))).toBe('not-applicable');
      expect(ticket.state).toMatchObject({ status: 'accepted', completionDueAt: at(1442) });
    });

    it('gives a reopened ticket its fresh deadlines', () => {
      const ticket = ticketIn('reopened');
      expect(nextDeadline(ticket.state)).toBeNull();
      expect(ticket.apply(queued(11, 'reopened'))).toBe('applied');
      expect(ticket.status).toBe('reopened');
      expect(nextDeadline(ticket.state)).toEqual(at(131));
    });

    it('leaves resolved, closed and cancelled tickets alone', () => {
      for (const status of ['resolved', 'closed', 'cancelled'] as const) {
        const ticket = ticketIn(status);
        expect(ticket.apply(queued(30))).toBe('not-applicable');
        expect(ticket.state).toMatchObject({ status, acceptDueAt: null });
      }
    });
  });

  describe('cancelling', () => {
    it.each(['submitted', 'dispatched', 'accepted', 'in_progress', 'reopened'] as const)(
      'cancels a %s ticket',
      (status) => {
        const ticket = ticketIn(status);
        ticket.cancel(at(30), withdrawn);
        expect(ticket.state).toMatchObject({
          status: 'cancelled',
          cancelledAt: at(30),
          acceptDueAt: null,
          completionDueAt: null,
        });
      },
    );

    it.each(['resolved', 'closed', 'cancelled'] as const)('refuses to cancel a %s ticket', (status) => {
      expect(() => ticketIn(status).cancel(at(30), withdrawn)).toThrow(TicketTransitionRefusedError);
    });
  });

  describe('confirming', () => {
    it('closes a resolved ticket with the rating and returns the confirmed assignment', () => {
      const ticket = ticketIn('resolved');
      ticket.awaitConfirmationUntil(at(100));
      expect(ticket.confirm(4, '很好', at(10), 'resident')).toBe('a-1');
      expect(ticket.state).toMatchObject({
        status: 'closed',
        rating: 4,
        confirmationComment: '很好',
        autoConfirmed: false,
        autoConfirmDueAt: null,
      });
    });

    it.each(ticketStatuses.filter((status) => status !== 'resolved'))(
      'refuses to confirm a %s ticket',
      (status) => {
        expect(() => ticketIn(status).confirm(5, null, at(30), 'resident')).toThrow(
          TicketTransitionRefusedError,
        );
      },
    );

    it('auto-confirms a resolved ticket without a rating when the timer names its current assignment', () => {
      const ticket = ticketIn('resolved');
      expect(ticket.autoConfirm('a-1', at(60))).toBe('a-1');
      expect(ticket.state).toMatchObject({ status: 'closed', autoConfirmed: true, rating: null });
    });

    it('lets an out-of-date auto-confirmation timer pass without effect', () => {
      expect(ticketIn('resolved').autoConfirm('a-other', at(60))).toBeNull();
      expect(ticketIn('closed').autoConfirm('a-1', at(60))).toBeNull();
      expect(ticketIn('reopened').autoConfirm('a-1', at(60))).toBeNull();
    });
  });

  describe('reopening', () => {
    it.each(['resolved', 'closed'] as const)(
      'sends a %s ticket back to dispatch within the window',
      (status) => {
        const ticket = ticketIn(status);
        expect(ticket.reopen(at(60), day, notFixed)).toEqual({ reopenedFrom: status, assignmentId: 'a-1' });
        expect(ticket.state).toMatchObject({
          status: 'reopened',
          reopenCount: 1,
          assignment: null,
          rating: null,
          resolvedAt: null,
        });
      },
    );

    it('counts every reopening', () => {
      const ticket = ticketIn('reopened');
      ticket.apply(dispatched(20, 'a-2'));
      ticket.apply(completed(21, 'a-2'));
      ticket.reopen(at(30), day, notFixed);
      expect(ticket.state.reopenCount).toBe(2);
    });

    it('refuses a reopening after the window with a rule violation', () => {
      expect(() => ticketIn('resolved').reopen(new Date(at(4).getTime() + day + 1), day, notFixed)).toThrow(
        ReopenWindowClosedError,
      );
    });

    it.each(['submitted', 'dispatched', 'accepted', 'in_progress', 'cancelled', 'reopened'] as const)(
      'refuses to reopen a %s ticket',
      (status) => {
        expect(() => ticketIn(status).reopen(at(30), day, notFixed)).toThrow(TicketTransitionRefusedError);
      },
    );
  });

  describe('owner and next deadline', () => {
    it('names who holds the next step and the deadline they are held to', () => {
      expect(currentOwner(ticketIn('submitted').state)).toEqual({ kind: 'community', id: 'c-1' });
      const offered = ticketIn('dispatched').state;
      expect(currentOwner(offered)).toEqual(assignee);
      expect(nextDeadline(offered)).toEqual(at(31));
      expect(nextDeadline(ticketIn('accepted').state)).toEqual(at(1442));
      const resolved = ticketIn('resolved');
      resolved.awaitConfirmationUntil(at(500));
      expect(currentOwner(resolved.state)).toEqual({ kind: 'resident', id: 'resident-1' });
      expect(nextDeadline(resolved.state)).toEqual(at(500));
      expect(currentOwner(ticketIn('closed').state)).toBeNull();
      expect(nextDeadline(ticketIn('cancelled').state)).toBeNull();
    });
  });
});

describe('the events a ticket records', () => {
  const recorded = (ticket: Ticket) =>
    ticket.events.take().map(({ definition, payload }) => [definition.type, payload]);

  it('records ticket.submitted with where and by whom it was filed, never the contact', () => {
    expect(recorded(submitted())).toEqual([
      [
        'ticket.submitted',
        {
          ticketId: 'ticket-1',
          ticketNumber: 'LC-2026-000001',
          residentId: 'resident-1',
          filedBy: { role: 'resident', id: 'resident-1' },
          source: 'app',
          categoryCode: 'property.repair',
          urgency: 'normal',
          communityId: 'c-1',
          gridId: 'g-1',
          submittedAt: t0.toISOString(),
        },
      ],
    ]);
  });

  it('records nothing for dispatch facts, which are dispatch’s to publish', () => {
    const ticket = submitted();
    ticket.events.take();
    [dispatched(1), accepted(2), started(3), completed(4)].forEach((fact) => ticket.apply(fact));
    expect(ticket.events.size).toBe(0);
  });

  it('records a cancellation with its reason', () => {
    const ticket = submitted();
    ticket.events.take();
    ticket.cancel(at(30), { reasonCode: 'duplicate', reasonText: '已经报过了' });
    expect(recorded(ticket)).toEqual([
      [
        'ticket.cancelled',
        {
          ticketId: 'ticket-1',
          reasonCode: 'duplicate',
          reasonText: '已经报过了',
          cancelledAt: at(30).toISOString(),
        },
      ],
    ]);
  });

  it('records the verdict with whose it was, and an automatic confirmation without a rating', () => {
    const confirmed = ticketIn('resolved');
    confirmed.events.take();
    confirmed.confirm(4, '很好', at(10), 'callback');
    const automatic = ticketIn('resolved');
    automatic.events.take();
    automatic.autoConfirm('a-1', at(60));

    expect(recorded(confirmed)).toEqual([
      [
        'ticket.confirmed',
        {
          ticketId: 'ticket-1',
          assignmentId: 'a-1',
          rating: 4,
          auto: false,
          confirmedBy: 'callback',
          confirmedAt: at(10).toISOString(),
        },
      ],
    ]);
    expect(recorded(automatic)).toEqual([
      [
        'ticket.confirmed',
        {
          ticketId: 'ticket-1',
          assignmentId: 'a-1',
          rating: null,
          auto: true,
          confirmedBy: 'auto',
          confirmedAt: at(60).toISOString(),
        },
      ],
    ]);
  });

  it('records a reopening with the state it left and how often it was reopened', () => {
    const ticket = ticketIn('closed');
    ticket.events.take();
    ticket.reopen(at(60), day, notFixed);
    expect(recorded(ticket)).toEqual([
      [
        'ticket.reopened',
        {
          ticketId: 'ticket-1',
          assignmentId: 'a-1',
          reopenedFrom: 'closed',
          reasonCode: 'not_fixed',
          reasonText: '灯还是不亮',
          reopenCount: 1,
          reopenedAt: at(60).toISOString(),
        },
      ],
    ]);
  });

  it('records nothing for a refused change', () => {
    const ticket = ticketIn('resolved');
    ticket.events.take();
    expect(() => ticket.cancel(at(30), withdrawn)).toThrow(TicketTransitionRefusedError);
    expect(ticket.autoConfirm('a-other', at(60))).toBeNull();
    expect(ticket.events.size).toBe(0);
  });
});
