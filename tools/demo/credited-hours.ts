// Reads back from the hours ledger what the day's confirmations credited: every confirmed ticket a
// member did should show there as one credit of the minutes they reported — no fewer, no more.
import { waitFor } from '@loop/testing';
import type { DemoTokens } from './demo-tokens';
import type { LoopClient } from './loop-client';
import type { StoryOutcome } from './ticket-story';

/** Credited minutes as the ledger shows them, against what the day's confirmations owed. */
export interface CreditedHours {
  expectedMinutes: number;
  creditedMinutes: number;
  members: number;
}

/** Waits (up to a minute) for the ledger to credit every confirmed ticket; returns what it shows. */
export async function creditedHours(
  outcomes: readonly StoryOutcome[],
  client: LoopClient,
  tokens: DemoTokens,
): Promise<CreditedHours> {
  const owed = new Map<string, Map<string, number>>();
  for (const outcome of outcomes) {
    if (!outcome.confirmed || !outcome.ticketId || outcome.assignee?.kind !== 'member') continue;
    const tickets = owed.get(outcome.assignee.id) ?? new Map<string, number>();
    tickets.set(outcome.ticketId, outcome.minutesToCredit);
    owed.set(outcome.assignee.id, tickets);
  }
  const expectedMinutes = [...owed.values()].reduce(
    (sum, tickets) => sum + [...tickets.values()].reduce((a, b) => a + b, 0),
    0,
  );
  const read = async () => {
    let credited = 0;
    for (const [memberId, tickets] of owed) {
      const token = await tokens.assignee({ kind: 'member', id: memberId });
      for (const entry of await client.statementEntries(token, memberId))
        if (entry.source.kind === 'ticket' && tickets.has(entry.source.id)) credited += entry.minutes;
    }
    return credited;
  };
  let creditedMinutes = 0;
  try {
    await waitFor(
      async () => {
        creditedMinutes = await read();
        return creditedMinutes >= expectedMinutes;
      },
      {
        timeoutMs: 60_000,
        intervalMs: 500,
        description: 'the hours ledger to credit every confirmed ticket',
      },
    );
  } catch {
    // A ledger still behind after a minute is reported as it stands; the summary shows the gap.
  }
  return { expectedMinutes, creditedMinutes, members: owed.size };
}
