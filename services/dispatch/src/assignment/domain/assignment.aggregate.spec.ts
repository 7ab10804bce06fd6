import { Assignment, AssignmentStatus } from './assignment.aggregate';
import { AssignmentStateConflictError, NotYourAssignmentError, OfferExpiredError } from './assignment.errors';

const offeredAt = new Date('2025-06-02T02:00:00.000Z');
const expiresAt = new Date('2025-06-02T02:30:00.000Z');
const during = new Date('2025-06-02T02:10:00.000Z');
const completionDueAt = new Date('2025-06-03T02:00:00.000Z');

function anOffer(): Assignment {
  return Assignment.offer({
    id: '0190a000-0000-7000-8000-000000000001',
    ticketId: '0190a000-0000-7000-8000-000000000002',
    communityId: '0190a000-0000-7000-8000-000000000003',
    gridId: '0190a000-0000-7000-8000-000000000004',
    assignee: { kind: 'member', id: 'member-1' },
    mode: 'auto',
    dispatchedBy: { role: 'system', id: 'auto-dispatch' },
    attempt: 1,
    offeredAt,
    offerExpiresAt: expiresAt,
  });
}

// Every command, applied to an assignment; each returns the status it should lead to.
const commands: Record<string, (assignment: Assignment) => void> = {
  accept: (a) => a.accept(during, completionDueAt),
  decline: (a) => a.decline(during, 'busy'),
  expire: (a) => a.expire(during),
  start: (a) => a.start(during),
  complete: (a) => a.complete(during, 45, 'fixed the light'),
  handBack: (a) => a.handBack(during, 'cannot_complete'),
  withdraw: (a) => a.withdraw(during, 'redispatched'),
};

// How to bring a fresh offer into each status.
const paths: Record<AssignmentStatus, string[]> = {
  offered: [],
  accepted: ['accept'],
  declined: ['decline'],
  expired: ['expire'],
  withdrawn: ['withdraw'],
  in_progress: ['accept', 'start'],
  completed: ['accept', 'start', 'complete'],
  handed_back: ['accept', 'handBack'],
};

// The whole state machine: from each status, what each command leads to (undefined = refused).
const transitions: Record<AssignmentStatus, Partial<Record<string, AssignmentStatus>>> = {
  offered: { accept: 'accepted', decline: 'declined', expire: 'expired', withdraw: 'withdrawn' },
  accepted: { start: 'in_progress', handBack: 'handed_back', withdraw: 'withdrawn' },
  in_progress: { complete: 'completed', handBack: 'handed_back', withdraw: 'withdrawn' },
  declined: {},
  expired: {},
  withdrawn: {},
  completed: {},
  handed_back: {},
};

function inStatus(status: AssignmentStatus): Assignment {
  const assignment = anOffer();
  for (const step of paths[status]) commands[step](assignment);
  return assignment;
}

describe('the offer and assignment state machine', () => {
  for (const [from, allowed] of Object.entries(transitions) as [
    AssignmentStatus,
    Record<string, AssignmentStatus>,
  ][]) {
    for (const command of Object.keys(commands)) {
      const to = allowed[command];
      if (to) {
        it(`lets ${command} turn an assignment that is ${from} into ${to}`, () => {
          const assignment = inStatus(from);
          commands[command](assignment);
          expect(assignment.status).toBe(to);
        });
      } else {
        it(`refuses ${command} on an assignment that is ${from}, with a conflict naming the state`, () => {
          const assignment = inStatus(from);
          expect(() => commands[command](assignment)).toThrow(AssignmentStateConflictError);
          expect(assignment.status).toBe(from);
        });
      }
    }
  }

  it('refuses to accept an offer whose window has passed even before the expiry timer ran', () => {
    const assignment = anOffer();
    expect(() => assignment.accept(expiresAt, completionDueAt)).toThrow(OfferExpiredError);
    expect(assignment.status).toBe('offered');
  });

  it('records the reason of a decline and of a hand-back', () => {
    const declined = anOffer();
    declined.decline(during, 'not_nearby', 'away this week');
    expect(declined.snapshot()).toMatchObject({
      reasonCode: 'not_nearby',
      reasonText: 'away this week',
      closedAt: during,
    });
    const handedBack = inStatus('accepted');
    handedBack.handBack(during, 'needs_other_skill');
    expect(handedBack.snapshot()).toMatchObject({ reasonCode: 'needs_other_skill', reasonText: null });
  });

  it('records the minutes spent and the note on completion', () => {
    const assignment = inStatus('in_progress');
    assignment.complete(during, 90, 'replaced the pipe');
    expect(assignment.snapshot()).toMatchObject({
      minutesSpent: 90,
      note: 'replaced the pipe',
      completedAt: during,
    });
  });

  it('records the event of each command it applies, and none for a refused one', () => {
    const assignment = anOffer();
    assignment.accept(during, completionDueAt);
    expect(() => assignment.decline(during, 'busy')).toThrow(AssignmentStateConflictError);
    assignment.start(during);
    const events = assignment.events.take();
    expect(events.map((event) => event.definition.type)).toEqual(['assignment.accepted', 'work.started']);
    expect(events[0].payload).toEqual({
      ticketId: '0190a000-0000-7000-8000-000000000002',
      assignmentId: '0190a000-0000-7000-8000-000000000001',
      assignee: { kind: 'member', id: 'member-1' },
      completionDueAt: completionDueAt.toISOString(),
      acceptedAt: during.toISOString(),
    });
    expect(assignment.events.size).toBe(0);
  });

  it('counts as live only while offered, accepted or in progress', () => {
    expect(inStatus('offered').isLive()).toBe(true);
    expect(inStatus('in_progress').isLive()).toBe(true);
    expect(inStatus('declined').isLive()).toBe(false);
    expect(inStatus('completed').isLive()).toBe(false);
  });

  it('lets only the assignee act on it', () => {
    const assignment = anOffer();
    expect(() => assignment.ensureBelongsTo('member-1')).not.toThrow();
    expect(() => assignment.ensureBelongsTo('member-2')).toThrow(NotYourAssignmentError);
  });

  it('says in both languages what happened when a command loses', () => {
    const assignment = inStatus('expired');
    try {
      assignment.accept(during, completionDueAt);
      throw new Error('accept should have been refused');
    } catch (error) {
      expect(error).toBeInstanceOf(AssignmentStateConflictError);
      const conflict = error as AssignmentStateConflictError;
      expect(conflict.userMessage?.['zh-CN']).toContain('超时');
      expect(conflict.userMessage?.en).toContain('expired');
    }
  });
});
