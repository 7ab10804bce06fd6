import {
  assignmentAcceptedV1,
  fixturePayload,
  ticketConfirmedV1,
  ticketMergedV1,
  ticketUnmergedV1,
  workCompletedV1,
} from '@loop/contracts';
import type { TicketFact } from '../../facts/domain/facts';
import type { LoopEvent } from './loop-event';
import { Follower, followerNotifications, notificationsFor, RuleFacts } from './notification-rules';

const master: TicketFact = {
  ticketId: '0195a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b',
  ticketNumber: 'LC-20260301-0042',
  residentId: 'resident-master',
  communityId: '0c0e6f52-1d8a-4b7e-9a55-3e2f1c4b5a60',
  gridId: '1d1f7a63-2e9b-4c8f-8b66-4f3a2d5c6b71',
  categoryCode: 'public.lighting',
  urgency: 'normal',
  assignee: null,
};

const followers: Follower[] = [
  {
    ticketId: '0195a1b2-8d4e-7f50-9b6c-7d8e9f0a1b2c',
    ticketNumber: 'LC-20260301-0043',
    residentId: 'resident-2',
  },
  { ticketId: '0195a1b2-9e5f-7061-8c7d-8e9f0a1b2c3d', ticketNumber: 'LC-20260301-0044', residentId: null },
];

const facts: RuleFacts = { ticket: master, communityStaff: [], officials: [] };

const event = (type: LoopEvent['type'], payload: object): LoopEvent =>
  ({
    eventId: '0195a1b4-0000-7000-8000-000000000001',
    actor: { role: 'system', id: 'dispatch' },
    type,
    payload: { ...payload, ticketId: master.ticketId },
  }) as LoopEvent;

describe('what the residents of merged duplicates hear', () => {
  it('tells each follower what the master’s resident is told, about their own ticket', () => {
    const accepted = event('assignment.accepted', fixturePayload(assignmentAcceptedV1));

    const told = followerNotifications(accepted, facts, followers);
    const [residentOfMaster] = notificationsFor(accepted, facts);

    expect(told).toEqual([
      {
        ...residentOfMaster,
        recipient: { id: 'resident-2', role: 'resident' },
        params: { ...residentOfMaster.params, ticketNumber: 'LC-20260301-0043' },
        ticketId: '0195a1b2-8d4e-7f50-9b6c-7d8e9f0a1b2c',
      },
    ]);
  });

  it('tells a follower the work is done, so that they confirm their own ticket', () => {
    const told = followerNotifications(
      event('work.completed', fixturePayload(workCompletedV1)),
      facts,
      followers,
    );

    expect(told.map((intent) => [intent.recipient.id, intent.kind, intent.params.ticketNumber])).toEqual([
      ['resident-2', 'work_completed', 'LC-20260301-0043'],
    ]);
  });

  it('leaves the master’s closure out: each follower hears of their own ticket’s closure', () => {
    const confirmed = event('ticket.confirmed', fixturePayload(ticketConfirmedV1));

    expect(followerNotifications(confirmed, facts, followers)).toEqual([]);
  });

  it('tells nobody when the master is unknown', () => {
    const accepted = event('assignment.accepted', fixturePayload(assignmentAcceptedV1));

    expect(followerNotifications(accepted, { ...facts, ticket: null }, followers)).toEqual([]);
  });
});

describe('merging and unmerging as the resident hears it', () => {
  const duplicate: TicketFact = {
    ...master,
    ticketId: followers[0].ticketId,
    ticketNumber: 'LC-20260301-0043',
    residentId: 'resident-2',
  };

  it('tells the duplicate’s resident which ticket theirs was merged into', () => {
    const merged = {
      ...event('ticket.merged', fixturePayload(ticketMergedV1)),
      payload: { ...fixturePayload(ticketMergedV1), ticketId: duplicate.ticketId },
    } as LoopEvent;

    const told = notificationsFor(merged, { ...facts, ticket: duplicate });

    expect(told).toEqual([
      expect.objectContaining({
        recipient: { id: 'resident-2', role: 'resident' },
        kind: 'ticket_merged',
        params: expect.objectContaining({
          ticketNumber: 'LC-20260301-0043',
          masterTicketNumber: 'LC-2025-000123',
        }),
      }),
    ]);
  });

  it('withdraws the duplicate’s own offer from its member, as a cancellation would', () => {
    const offered: TicketFact = {
      ...duplicate,
      assignee: { kind: 'member', id: 'member-9', state: 'offered' },
    };
    const merged = {
      ...event('ticket.merged', fixturePayload(ticketMergedV1)),
      payload: { ...fixturePayload(ticketMergedV1), ticketId: duplicate.ticketId },
    } as LoopEvent;

    const told = notificationsFor(merged, { ...facts, ticket: offered });

    expect(told.map((intent) => [intent.recipient.id, intent.kind])).toEqual([
      ['member-9', 'offer_withdrawn'],
      ['resident-2', 'ticket_merged'],
    ]);
  });

  it('tells the resident their ticket is handled on its own again', () => {
    const unmerged = {
      ...event('ticket.unmerged', fixturePayload(ticketUnmergedV1)),
      payload: { ...fixturePayload(ticketUnmergedV1), ticketId: duplicate.ticketId },
    } as LoopEvent;

    expect(notificationsFor(unmerged, { ...facts, ticket: duplicate }).map((i) => i.kind)).toEqual([
      'ticket_unmerged',
    ]);
  });

  it('tells the duplicate’s resident their ticket closed with the master, not that it was auto-confirmed', () => {
    const closedWithMaster = {
      ...event('ticket.confirmed', {
        ...fixturePayload(ticketConfirmedV1),
        auto: true,
        rating: null,
        duplicateOf: master.ticketId,
      }),
    };

    expect(notificationsFor(closedWithMaster, { ...facts, ticket: duplicate }).map((i) => i.kind)).toEqual([
      'duplicate_closed',
    ]);
  });
});
