import { dueTicketOutcomes, TicketLoopFact } from './ticket-crediting.policy';

const resident = { role: 'resident', id: 'resident-1' };
const system = { role: 'system', id: 'auto-confirmation' };
const at = (minute: number) => new Date(Date.UTC(2025, 2, 1, 6, minute));

const completed = (
  eventId: string,
  minute: number,
  minutes = 40,
  memberId: string | null = 'member-1',
): TicketLoopFact => ({
  kind: 'completed',
  eventId,
  occurredAt: at(minute),
  memberId,
  minutes,
  actor: { role: 'member', id: memberId ?? 'company-1' },
});
const confirmed = (eventId: string, minute: number, actor = resident): TicketLoopFact => ({
  kind: 'confirmed',
  eventId,
  occurredAt: at(minute),
  actor,
});
const reopened = (eventId: string, minute: number): TicketLoopFact => ({
  kind: 'reopened',
  eventId,
  occurredAt: at(minute),
  actor: resident,
});

describe('the ticket crediting rule', () => {
  it('credits nothing for completed work that is not confirmed yet', () => {
    expect(dueTicketOutcomes([completed('c1', 1)])).toEqual([]);
  });

  it('credits the minutes spent once the resident confirms, caused by the confirmation', () => {
    expect(dueTicketOutcomes([completed('c1', 1, 40), confirmed('k1', 2)])).toEqual([
      {
        kind: 'credit',
        causeEventId: 'k1',
        memberId: 'member-1',
        minutes: 40,
        occurredAt: at(2),
        verifiedBy: resident,
      },
    ]);
  });

  it('credits an auto-confirmation with the system as verifier', () => {
    const [credit] = dueTicketOutcomes([completed('c1', 1), confirmed('k1', 2, system)]);
    expect(credit).toMatchObject({ kind: 'credit', verifiedBy: system });
  });

  it('credits the same way when the confirmation is heard before the completion', () => {
    const inOrder = dueTicketOutcomes([completed('c1', 1), confirmed('k1', 2)]);
    const reversed = dueTicketOutcomes([confirmed('k1', 2), completed('c1', 1)]);
    expect(reversed).toEqual(inOrder);
  });

  it('pairs a confirmation with a completion stamped a little later (clock skew between services)', () => {
    expect(dueTicketOutcomes([confirmed('k1', 2), completed('c1', 3)])).toHaveLength(1);
  });

  it('reverses the credit exactly once when the ticket is reopened after confirmation', () => {
    const outcomes = dueTicketOutcomes([
      completed('c1', 1),
      confirmed('k1', 2),
      reopened('r1', 3),
      reopened('r2', 4),
    ]);
    expect(outcomes.map((outcome) => [outcome.kind, outcome.causeEventId])).toEqual([
      ['credit', 'k1'],
      ['reversal', 'r1'],
    ]);
    expect(outcomes[1]).toMatchObject({ reversesCreditCausedBy: 'k1', minutes: 40 });
  });

  it('credits the redo again after a reopen, so the balance holds one credit and never two', () => {
    const outcomes = dueTicketOutcomes([
      completed('c1', 1, 40),
      confirmed('k1', 2),
      reopened('r1', 3),
      completed('c2', 4, 25),
      confirmed('k2', 5),
    ]);
    const balance = outcomes.reduce(
      (sum, outcome) => sum + (outcome.kind === 'credit' ? outcome.minutes : -outcome.minutes),
      0,
    );
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['credit', 'reversal', 'credit']);
    expect(balance).toBe(25);
  });

  it('never credits work that was reopened before the resident confirmed it', () => {
    expect(dueTicketOutcomes([completed('c1', 1), reopened('r1', 2), confirmed('k1', 3)])).toEqual([]);
  });

  it('does not double a credit when a second confirmation arrives for the same work', () => {
    expect(dueTicketOutcomes([completed('c1', 1), confirmed('k1', 2), confirmed('k2', 3)])).toHaveLength(1);
  });

  it('credits nobody for work a property company did', () => {
    expect(dueTicketOutcomes([completed('c1', 1, 40, null), confirmed('k1', 2)])).toEqual([]);
  });

  it('gives the same outcome whatever order the facts arrive in', () => {
    const facts = [
      completed('c1', 1),
      confirmed('k1', 2),
      reopened('r1', 3),
      completed('c2', 4),
      confirmed('k2', 5),
    ];
    const expected = dueTicketOutcomes(facts);
    expect(dueTicketOutcomes([...facts].reverse())).toEqual(expected);
    expect(dueTicketOutcomes([facts[3], facts[1], facts[4], facts[0], facts[2]])).toEqual(expected);
  });
});
