/**
 * The crediting rule for tickets, as a pure function of what has been heard about one assignment.
 *
 * - `work.completed` is remembered (member and minutes spent); nothing is credited yet.
 * - `ticket.confirmed` (by the resident or auto-confirmation) credits the latest remembered completion
 *   of that assignment, once: the confirmation's event id is the credit's cause.
 * - `ticket.reopened` reverses the outstanding credit of that assignment, once (the reopen's event id is
 *   the reversal's cause), and voids a completion that was never confirmed: that work did not hold.
 * - The redo's `work.completed` + `ticket.confirmed` credit again; a credit is never doubled because at
 *   most one credit per assignment is outstanding at any time.
 *
 * Completions travel on dispatch's topic, confirmations and reopens on requests' topic, so a
 * confirmation can arrive before the completion it confirms. Facts are therefore replayed in the order
 * they happened (their own timestamps), and a confirmation heard before any completion waits for the
 * next one. Re-running the rule over the same facts gives the same outcome, so the caller appends only
 * the outcomes not yet in the ledger.
 */

/** One fact about an assignment's loop, as received. */
export type TicketLoopFact =
  | {
      kind: 'completed';
      eventId: string;
      occurredAt: Date;
      memberId: string | null;
      minutes: number;
      actor: FactActor;
    }
  | { kind: 'confirmed'; eventId: string; occurredAt: Date; actor: FactActor }
  | { kind: 'reopened'; eventId: string; occurredAt: Date; actor: FactActor };

/** Who caused a fact, as the event's actor says. */
export interface FactActor {
  role: string;
  id: string;
}

/** A credit the rule calls for. */
export interface DueCredit {
  kind: 'credit';
  /** The ticket.confirmed event that earns it. */
  causeEventId: string;
  memberId: string;
  minutes: number;
  occurredAt: Date;
  /** The confirming resident, or `system` for auto-confirmation. */
  verifiedBy: FactActor;
}

/** A reversal the rule calls for. */
export interface DueReversal {
  kind: 'reversal';
  /** The ticket.reopened event that causes it. */
  causeEventId: string;
  /** The confirmation whose credit it cancels. */
  reversesCreditCausedBy: string;
  memberId: string;
  minutes: number;
  occurredAt: Date;
  verifiedBy: FactActor;
}

/** What the ledger should hold for one assignment, in order. */
export type DueLedgerOutcome = DueCredit | DueReversal;

const kindOrder: Record<TicketLoopFact['kind'], number> = { completed: 0, confirmed: 1, reopened: 2 };

function inOrderOfHappening(a: TicketLoopFact, b: TicketLoopFact): number {
  const byTime = a.occurredAt.getTime() - b.occurredAt.getTime();
  if (byTime !== 0) return byTime;
  const byKind = kindOrder[a.kind] - kindOrder[b.kind];
  return byKind !== 0 ? byKind : a.eventId.localeCompare(b.eventId);
}

/** The credits and reversals one assignment's facts call for, in the order they fall due. */
export function dueTicketOutcomes(facts: readonly TicketLoopFact[]): DueLedgerOutcome[] {
  const outcomes: DueLedgerOutcome[] = [];
  let unconfirmedCompletion: Extract<TicketLoopFact, { kind: 'completed' }> | null = null;
  let waitingConfirmation: Extract<TicketLoopFact, { kind: 'confirmed' }> | null = null;
  let outstanding: DueCredit | null = null;

  // Property companies complete work too, but only members earn service hours.
  const creditFor = (
    confirmation: Extract<TicketLoopFact, { kind: 'confirmed' }>,
    completion: Extract<TicketLoopFact, { kind: 'completed' }>,
  ): DueCredit | null =>
    completion.memberId === null
      ? null
      : {
          kind: 'credit',
          causeEventId: confirmation.eventId,
          memberId: completion.memberId,
          minutes: completion.minutes,
          occurredAt: confirmation.occurredAt,
          verifiedBy: confirmation.actor,
        };
  const record = (due: DueCredit | null): void => {
    outstanding = due;
    if (due) outcomes.push(due);
  };

  for (const fact of [...facts].sort(inOrderOfHappening)) {
    switch (fact.kind) {
      case 'completed':
        if (waitingConfirmation && !outstanding) {
          record(creditFor(waitingConfirmation, fact));
          waitingConfirmation = null;
        } else {
          unconfirmedCompletion = fact;
        }
        break;
      case 'confirmed':
        if (outstanding) break; // already credited: a second confirmation never doubles it
        if (unconfirmedCompletion) {
          record(creditFor(fact, unconfirmedCompletion));
          unconfirmedCompletion = null;
        } else {
          waitingConfirmation = fact;
        }
        break;
      case 'reopened': {
        const current = outstanding as DueCredit | null;
        if (current) {
          outcomes.push({
            kind: 'reversal',
            causeEventId: fact.eventId,
            reversesCreditCausedBy: current.causeEventId,
            memberId: current.memberId,
            minutes: current.minutes,
            occurredAt: fact.occurredAt,
            verifiedBy: fact.actor,
          });
        }
        outstanding = null;
        unconfirmedCompletion = null;
        waitingConfirmation = null;
        break;
      }
    }
  }
  return outcomes;
}
