// One ticket's story over the public APIs, as its plan says: the filer submits; staff dispatch by hand
// where auto-dispatch is off; the assignee declines now and then, accepts, starts and completes; the
// resident confirms with a rating, or staff record it on a callback (回访) for a grid worker's finding.
// Each step waits for the previous one to travel through Kafka.
import { waitFor } from '@loop/testing';
import type { PlannedTicket } from './demo-day-plan';
import type { DemoTokens } from './demo-tokens';
import { Assignment, LoopApiError, LoopClient } from './loop-client';

/** What happened to one ticket. */
export interface StoryOutcome {
  ticketId: string | null;
  ticketNumber: string | null;
  /** Who did the work, once someone accepted it. */
  assignee: Assignment['assignee'] | null;
  submitted: boolean;
  dispatchedByHand: number;
  offered: boolean;
  declined: number;
  accepted: boolean;
  completed: boolean;
  confirmed: boolean;
  /** Minutes the member is owed for confirmed work (property companies earn no hours). */
  minutesToCredit: number;
  /** Why the story stopped early, when it did. */
  failure: string | null;
}

// Each hop is an event through Kafka and a consumer: a second or two, far longer under a full day.
const hopTimeoutMs = 60_000;
// Auto-dispatch communities re-offer by themselves; staff step in when nobody is left to offer to.
const autoDispatchGraceMs = 5_000;

/** Plays one planned ticket to its planned end. Never throws: a failure is part of the outcome. */
export async function playTicketStory(
  plan: PlannedTicket,
  client: LoopClient,
  tokens: DemoTokens,
): Promise<StoryOutcome> {
  const outcome: StoryOutcome = {
    ticketId: null,
    ticketNumber: null,
    assignee: null,
    submitted: false,
    dispatchedByHand: 0,
    offered: false,
    declined: 0,
    accepted: false,
    completed: false,
    confirmed: false,
    minutesToCredit: 0,
    failure: null,
  };
  try {
    await play(plan, client, tokens, outcome);
  } catch (error) {
    outcome.failure = (error as Error).message;
  }
  return outcome;
}

async function play(plan: PlannedTicket, client: LoopClient, tokens: DemoTokens, outcome: StoryOutcome) {
  const filer =
    plan.filer.role === 'resident'
      ? await tokens.resident(plan.filer.id)
      : await tokens.gridWorker(plan.filer.id, plan.communityId, [plan.gridId]);
  const staff = await tokens.staff(plan.staffId, plan.communityId);
  const ticket = await client.submitTicket(filer, {
    categoryCode: plan.categoryCode,
    urgency: plan.urgency,
    title: plan.title,
    description: plan.description,
    location: {
      communityId: plan.communityId,
      gridId: plan.gridId,
      compoundId: plan.compoundId,
      buildingId: plan.buildingId,
      ...(plan.householdId ? { householdId: plan.householdId } : { address: plan.address }),
    },
    ...(plan.filer.role === 'grid_worker' ? { source: 'grid_patrol' as const } : {}),
  });
  outcome.submitted = true;
  outcome.ticketId = ticket.id;
  outcome.ticketNumber = ticket.number;
  // Where nobody dispatches by hand, the ticket simply waits on the board past its accept deadline.
  if (plan.fate === 'left_unaccepted' && !plan.autoDispatch) return;

  const declinedBy = new Set<string>();
  let offer = await liveOffer(plan, ticket.id, client, staff, declinedBy, outcome);
  outcome.offered = true;
  if (plan.fate === 'left_unaccepted') return;
  if (plan.declineFirst) {
    await client.decline(await tokens.assignee(offer.assignee), offer.id, plan.declineFirst);
    outcome.declined += 1;
    declinedBy.add(offer.id);
    offer = await liveOffer(plan, ticket.id, client, staff, declinedBy, outcome);
  }
  const assignee = await tokens.assignee(offer.assignee);
  await client.accept(assignee, offer.id);
  outcome.accepted = true;
  outcome.assignee = offer.assignee;
  await client.start(assignee, offer.id);
  await client.complete(assignee, offer.id, plan.minutesSpent, '已处理完毕');
  outcome.completed = true;
  if (plan.fate === 'awaiting_confirmation') return;

  await waitFor(async () => (await client.ticket(filer, ticket.id)).status === 'resolved', {
    timeoutMs: hopTimeoutMs,
    intervalMs: 250,
    description: `ticket ${ticket.number} to be resolved`,
  });
  // Nobody rates their own filing: a patrol finding is closed by staff calling back.
  if (plan.filer.role === 'resident') await client.confirm(filer, ticket.id, plan.rating, plan.comment);
  else await client.callback(staff, ticket.id, plan.rating, plan.comment);
  outcome.confirmed = true;
  if (offer.assignee.kind === 'member') outcome.minutesToCredit = plan.minutesSpent;
}

// Waits for an offer nobody has answered yet; in communities that dispatch by hand (or when auto-dispatch
// has nobody left to offer to) the staff member dispatches it from the suggestion.
async function liveOffer(
  plan: PlannedTicket,
  ticketId: string,
  client: LoopClient,
  staff: string,
  answered: ReadonlySet<string>,
  outcome: StoryOutcome,
): Promise<Assignment> {
  const since = Date.now();
  return waitFor(
    async () => {
      const dispatchCase = await client.dispatchCase(staff, ticketId);
      const live = dispatchCase.offers.find((o) => o.status === 'offered' && !answered.has(o.id));
      if (live) return live;
      const staffShouldAct = !plan.autoDispatch || Date.now() - since > autoDispatchGraceMs;
      if (dispatchCase.status === 'awaiting_dispatch' && staffShouldAct) {
        const declined = new Set(dispatchCase.offers.map((o) => o.assignee.id));
        if (await dispatchByHand(plan, ticketId, client, staff, declined)) outcome.dispatchedByHand += 1;
      }
      return undefined;
    },
    { timeoutMs: hopTimeoutMs, intervalMs: 250, description: `an offer of ticket ${ticketId}` },
  );
}

/** Offers the ticket from the suggestion; false when someone else offered it first. */
async function dispatchByHand(
  plan: PlannedTicket,
  ticketId: string,
  client: LoopClient,
  staff: string,
  alreadyOffered: ReadonlySet<string>,
): Promise<boolean> {
  const suggestion = await client.suggestion(staff, ticketId);
  const company = suggestion.propertyCompany;
  const member = suggestion.candidates.find((candidate) => !alreadyOffered.has(candidate.memberId));
  const assignee =
    plan.toPropertyCompany && company && !alreadyOffered.has(company.id)
      ? { kind: 'property_company' as const, id: company.id }
      : member
        ? { kind: 'member' as const, id: member.memberId }
        : undefined;
  if (!assignee) throw new Error(`nobody is left to offer ticket ${ticketId} to`);
  try {
    await client.dispatch(staff, ticketId, assignee);
    return true;
  } catch (error) {
    // Someone (auto-dispatch, another tab) offered it first: the next poll finds that offer.
    if (error instanceof LoopApiError && error.status === 409) return false;
    throw error;
  }
}
