import { ReopenReason, Ticket, TicketState } from './ticket.aggregate';
import { MergedDuplicateActionError, TicketTransitionRefusedError } from './ticket.errors';

const t0 = new Date('2026-03-01T02:00:00.000Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const assignee = { kind: 'member' as const, id: 'member-77' };
const notFixed: ReopenReason = { reasonCode: 'not_fixed', reasonText: '灯还是不亮' };
const notTheSameProblem = '不是同一个问题';

function filed(id: string): Ticket {
  return Ticket.submit({
    id,
    number: `LC-2026-${id}`,
    residentId: `resident-${id}`,
    filedBy: { role: 'resident', id: `resident-${id}` },
    source: 'app',
    categoryCode: 'public.lighting',
    urgency: 'normal',
    title: '路灯不亮',
    description: '3号楼门口',
    location: { communityId: 'c-1', gridId: 'g-1', compoundId: 'compound-1' },
    contact: null,
    attachments: [],
    submittedAt: t0,
  });
}

function acceptedMaster(): Ticket {
  const master = filed('master');
  master.apply({
    kind: 'dispatched',
    assignmentId: 'a-master',
    assignee,
    offerExpiresAt: at(30),
    completionDueAt: at(1440),
    occurredAt: at(1),
  });
  master.apply({
    kind: 'accepted',
    assignmentId: 'a-master',
    assignee,
    completionDueAt: at(1440),
    occurredAt: at(2),
  });
  return master;
}

function mergedDuplicate(master: TicketState): Ticket {
  const duplicate = filed('duplicate');
  duplicate.apply({
    kind: 'dispatched',
    assignmentId: 'a-own',
    assignee: { kind: 'member', id: 'member-9' },
    offerExpiresAt: at(35),
    completionDueAt: at(1445),
    occurredAt: at(5),
  });
  duplicate.mergeInto(master, at(10), { auto: false, similarity: 1 });
  return duplicate;
}

describe('a duplicate merged into its master', () => {
  it('takes the master’s place in the loop and ends its own offer for good', () => {
    const master = acceptedMaster();
    const duplicate = mergedDuplicate(master.state);

    expect(duplicate.state).toMatchObject({
      mergedInto: 'master',
      status: 'accepted',
      assignment: { id: 'a-master', assignee },
      completionDueAt: at(1440),
      retiredAssignmentIds: ['a-own'],
    });
  });

  it('takes no dispatch fact of its own any more', () => {
    const duplicate = mergedDuplicate(acceptedMaster().state);

    const outcome = duplicate.apply({
      kind: 'accepted',
      assignmentId: 'a-own',
      assignee: { kind: 'member', id: 'member-9' },
      completionDueAt: at(2000),
      occurredAt: at(11),
    });

    expect(outcome).toBe('not-applicable');
    expect(duplicate.state.assignment?.id).toBe('a-master');
  });

  it('is resolved by the master’s completion, and its resident confirms and rates it', () => {
    const master = acceptedMaster();
    const duplicate = mergedDuplicate(master.state);
    master.apply({ kind: 'completed', assignmentId: 'a-master', assignee, occurredAt: at(60) });

    expect(duplicate.followMaster(master.state, at(60))).toBe('moved');
    expect(duplicate.state).toMatchObject({ status: 'resolved', resolvedAt: at(60), autoConfirmDueAt: null });
    expect(duplicate.confirm(4, '谢谢', at(70), 'resident')).toBe('a-master');
    expect(duplicate.state).toMatchObject({ status: 'closed', rating: 4 });
  });

  it('closes when the master closes, unless its resident closed it first', () => {
    const master = acceptedMaster();
    const waiting = mergedDuplicate(master.state);
    const confirmed = mergedDuplicate(master.state);
    master.apply({ kind: 'completed', assignmentId: 'a-master', assignee, occurredAt: at(60) });
    waiting.followMaster(master.state, at(60));
    confirmed.followMaster(master.state, at(60));
    confirmed.confirm(5, null, at(65), 'resident');
    master.confirm(5, null, at(70), 'resident');

    expect(waiting.followMaster(master.state, at(70))).toBe('closed');
    expect(waiting.state).toMatchObject({ status: 'closed', autoConfirmed: true, rating: null });
    expect(confirmed.followMaster(master.state, at(70))).toBe('unchanged');
    expect(confirmed.state.rating).toBe(5);
  });

  it('goes back into the loop with its master when the master is reopened before it closed', () => {
    const master = acceptedMaster();
    const duplicate = mergedDuplicate(master.state);
    master.apply({ kind: 'completed', assignmentId: 'a-master', assignee, occurredAt: at(60) });
    duplicate.followMaster(master.state, at(60));
    master.reopen(at(80), 7 * 24 * 3600_000, notFixed);

    expect(duplicate.followMaster(master.state, at(80))).toBe('moved');
    expect(duplicate.state).toMatchObject({ status: 'reopened', assignment: null });
    expect(duplicate.state.retiredAssignmentIds).toContain('a-master');
  });

  it('is not reopened on its own', () => {
    const master = acceptedMaster();
    const duplicate = mergedDuplicate(master.state);
    master.apply({ kind: 'completed', assignmentId: 'a-master', assignee, occurredAt: at(60) });
    duplicate.followMaster(master.state, at(60));

    expect(() => duplicate.reopen(at(70), 7 * 24 * 3600_000, notFixed)).toThrow(MergedDuplicateActionError);
  });

  it('follows only its own master', () => {
    const duplicate = mergedDuplicate(acceptedMaster().state);
    const stranger = filed('stranger');

    expect(duplicate.followMaster(stranger.state, at(20))).toBe('unchanged');
    expect(duplicate.state.status).toBe('accepted');
  });
});

describe('unmerging a duplicate', () => {
  it('returns it to its own loop from scratch: waiting for dispatch, the master’s work no longer its own', () => {
    const duplicate = mergedDuplicate(acceptedMaster().state);

    duplicate.unmerge(at(30), notTheSameProblem);

    expect(duplicate.state).toMatchObject({
      mergedInto: null,
      status: 'submitted',
      statusChangedAt: at(30),
      assignment: null,
      acceptDueAt: null,
      completionDueAt: null,
    });
    expect(duplicate.state.retiredAssignmentIds).toEqual(['a-own', 'a-master']);
  });

  it('then takes its own dispatch facts again', () => {
    const duplicate = mergedDuplicate(acceptedMaster().state);
    duplicate.unmerge(at(30), notTheSameProblem);

    const outcome = duplicate.apply({
      kind: 'dispatched',
      assignmentId: 'a-again',
      assignee,
      offerExpiresAt: at(60),
      completionDueAt: at(2000),
      occurredAt: at(31),
    });

    expect(outcome).toBe('applied');
    expect(duplicate.state.status).toBe('dispatched');
  });

  it('refuses a ticket that is not merged', () => {
    expect(() => filed('alone').unmerge(at(30), notTheSameProblem)).toThrow(TicketTransitionRefusedError);
  });
});

describe('the events of merging', () => {
  const recorded = (ticket: Ticket) =>
    ticket.events.take().map(({ definition, payload }) => [definition.type, payload]);

  it('records the merge with both numbers and how it came about', () => {
    const master = acceptedMaster();
    const duplicate = filed('duplicate');
    duplicate.events.take();
    duplicate.mergeInto(master.state, at(10), { auto: true, similarity: 0.9, reason: '同一盏灯' });

    expect(recorded(duplicate)).toEqual([
      [
        'ticket.merged',
        {
          ticketId: 'duplicate',
          ticketNumber: 'LC-2026-duplicate',
          masterTicketId: 'master',
          masterTicketNumber: 'LC-2026-master',
          auto: true,
          similarity: 0.9,
          reason: '同一盏灯',
          mergedAt: at(10).toISOString(),
        },
      ],
    ]);
  });

  it('records the unmerge with the master it left', () => {
    const duplicate = mergedDuplicate(acceptedMaster().state);
    duplicate.events.take();
    duplicate.unmerge(at(30), notTheSameProblem);

    expect(recorded(duplicate)).toEqual([
      [
        'ticket.unmerged',
        {
          ticketId: 'duplicate',
          masterTicketId: 'master',
          reason: notTheSameProblem,
          unmergedAt: at(30).toISOString(),
        },
      ],
    ]);
  });

  it('records the closure the master’s closure brings as an automatic confirmation of a duplicate', () => {
    const master = acceptedMaster();
    const duplicate = mergedDuplicate(master.state);
    master.apply({ kind: 'completed', assignmentId: 'a-master', assignee, occurredAt: at(60) });
    duplicate.followMaster(master.state, at(60));
    master.confirm(5, null, at(70), 'resident');
    duplicate.events.take();
    duplicate.followMaster(master.state, at(70));

    expect(recorded(duplicate)).toEqual([
      [
        'ticket.confirmed',
        {
          ticketId: 'duplicate',
          assignmentId: 'a-master',
          rating: null,
          auto: true,
          confirmedBy: 'auto',
          duplicateOf: 'master',
          confirmedAt: at(70).toISOString(),
        },
      ],
    ]);
  });
});
