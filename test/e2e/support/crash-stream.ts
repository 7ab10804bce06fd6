// A stream of tickets driven around the whole loop while services crash and the infrastructure
// restarts. Each ticket is one journey: a resident submits (with an Idempotency-Key), then the journey
// keeps reading the ticket's dispatch case and takes whichever step is due — the assignee accepts,
// starts, completes; the resident confirms — until the ticket is closed. Every step is derived from the
// state just read, so a call that failed (service down, 503), or that succeeded without its answer
// arriving, or that lost a race (409), is simply followed by a fresh reading and the step still due.
import { randomUUID } from 'node:crypto';
import { waitFor } from '@loop/testing';
import type { DistrictHousehold, LookedAfterHousehold } from './demo-district';
import type { Assignee, Assignment, LoopApi, NewTicket, Ticket } from './loop-api';

/** How far a ticket of the stream has come, as last observed. */
export const journeyStages = [
  'submitting',
  'submitted',
  'offered',
  'accepted',
  'in_progress',
  'completed',
  'closed',
] as const;
/** One of {@link journeyStages}. */
export type JourneyStage = (typeof journeyStages)[number];

/** A ticket whose loop closed, with who did the work. */
export interface ClosedLoop {
  /** The ticket as the resident reads it once closed. */
  ticket: Ticket;
  /** The assignment whose work was completed. */
  completed: Assignment;
  /** Every assignee the ticket was ever offered to. */
  offeredTo: Assignee[];
  /** The token of the resident who submitted it, to read it again later. */
  residentToken: string;
}

/** Who takes part in the stream. */
export interface StreamPeople {
  /** The resident registered to the ticket's household. */
  resident(household: DistrictHousehold): Promise<{ id: string; token: string }>;
  /** The token of whoever holds an offer or assignment. */
  assignee(assignee: Assignee): Promise<string>;
  /** An administrator, who reads dispatch cases to know which step is due. */
  adminToken: string;
}

/** How patient the stream is. */
export interface StreamOptions {
  /** How long one ticket may take from launch to closed, outages included. */
  journeyTimeoutMs: number;
  /** Pause between readings of a ticket's state. */
  pollIntervalMs: number;
}

interface Journey {
  index: number;
  stage: JourneyStage;
  ticketId?: string;
}

const categories = ['elderly.disabled.help', 'city.management', 'neighbour.dispute', 'public.sentiment'];

/** Tickets flowing through the loop, launched in batches and awaited together. */
export class TicketStream {
  private readonly journeys: Journey[] = [];
  private readonly outcomes: Promise<ClosedLoop>[] = [];

  constructor(
    private readonly api: LoopApi,
    private readonly people: StreamPeople,
    /** Households of an auto-dispatch community, used in turn so the work spreads over members. */
    private readonly households: LookedAfterHousehold[],
    private readonly options: StreamOptions,
  ) {}

  /** Starts `count` more tickets on their way; returns at once. */
  launch(count: number): void {
    for (let n = 0; n < count; n += 1) {
      const journey: Journey = { index: this.journeys.length, stage: 'submitting' };
      const outcome = this.drive(journey);
      // A journey that fails is reported by `closedLoops`; until then its rejection is not unhandled.
      outcome.catch(() => undefined);
      this.journeys.push(journey);
      this.outcomes.push(outcome);
    }
  }

  /** How many tickets have been launched. */
  get launched(): number {
    return this.journeys.length;
  }

  /** Stages of every ticket launched, as last observed. */
  stages(): JourneyStage[] {
    return this.journeys.map((journey) => journey.stage);
  }

  /** Stages of the tickets launched from `fromIndex` on, as last observed. */
  stagesSince(fromIndex: number): JourneyStage[] {
    return this.journeys.slice(fromIndex).map((journey) => journey.stage);
  }

  /** How many tickets are at each stage right now (for failure messages). */
  describe(): string {
    const counts = journeyStages
      .map((stage) => [stage, this.journeys.filter((journey) => journey.stage === stage).length] as const)
      .filter(([, count]) => count > 0);
    return counts.map(([stage, count]) => `${count} ${stage}`).join(', ');
  }

  /** Waits for every launched ticket to close its loop; fails naming the tickets that did not. */
  async closedLoops(): Promise<ClosedLoop[]> {
    const settled = await Promise.allSettled(this.outcomes);
    const failures = settled.flatMap((result, index) =>
      result.status === 'rejected'
        ? [`#${index} (${this.journeys[index].ticketId ?? 'not submitted'}): ${String(result.reason)}`]
        : [],
    );
    if (failures.length) {
      throw new Error(`${failures.length} tickets did not close their loop:\n${failures.join('\n')}`);
    }
    return settled.map((result) => (result as PromiseFulfilledResult<ClosedLoop>).value);
  }

  private async drive(journey: Journey): Promise<ClosedLoop> {
    const deadline = Date.now() + this.options.journeyTimeoutMs;
    const { household } = this.households[journey.index % this.households.length];
    const resident = await this.people.resident(household);
    const ticket = this.newTicket(journey.index);
    const idempotencyKey = randomUUID();
    // A retried submit carries the same key and body, so it answers with the ticket already created.
    const submitted = await waitFor(() => this.api.submitTicket(resident.token, ticket, idempotencyKey), {
      timeoutMs: deadline - Date.now(),
      intervalMs: this.options.pollIntervalMs,
      description: `ticket #${journey.index} to be submitted`,
    });
    journey.ticketId = submitted.id;
    journey.stage = 'submitted';
    try {
      return await waitFor(() => this.takeDueStep(journey, submitted.id, resident.token), {
        timeoutMs: Math.max(deadline - Date.now(), 1),
        intervalMs: this.options.pollIntervalMs,
        description: `ticket #${journey.index} ${submitted.id} to close its loop`,
      });
    } catch (error) {
      throw new Error(`stuck at ${journey.stage}: ${(error as Error).message}`);
    }
  }

  /** Reads the ticket's state and takes the step that is due; resolves with the loop once closed. */
  private async takeDueStep(
    journey: Journey,
    ticketId: string,
    residentToken: string,
  ): Promise<ClosedLoop | undefined> {
    const dispatchCase = await this.api.dispatchCase(this.people.adminToken, ticketId);
    const offers = dispatchCase.offers ?? [];
    const live = offers.find((offer) => offer.id === dispatchCase.currentAssignmentId);
    if (live && ['offered', 'accepted', 'in_progress'].includes(live.status)) {
      journey.stage = live.status as JourneyStage;
      const token = await this.people.assignee(live.assignee);
      if (live.status === 'offered') await this.api.accept(token, live.id);
      else if (live.status === 'accepted') await this.api.start(token, live.id);
      else await this.api.complete(token, live.id, this.minutesFor(journey.index), '已上门处理完毕');
      return undefined;
    }
    const completed = offers.find((offer) => offer.status === 'completed');
    if (!completed) return undefined;
    journey.stage = 'completed';
    const ticket = await this.api.readTicket(residentToken, ticketId);
    if (ticket.status === 'resolved') {
      await this.api.confirm(residentToken, ticketId, 5, '很及时，谢谢');
      return undefined;
    }
    if (ticket.status !== 'closed') return undefined;
    journey.stage = 'closed';
    return { ticket, completed, offeredTo: offers.map((offer) => offer.assignee), residentToken };
  }

  private newTicket(index: number): NewTicket {
    const { household } = this.households[index % this.households.length];
    return {
      categoryCode: categories[index % categories.length],
      urgency: 'normal',
      title: `第 ${index + 1} 号求助`,
      description: '家中老人需要帮忙，请社区党员上门看看。',
      location: {
        communityId: household.communityId,
        gridId: household.gridId,
        compoundId: household.compoundId,
        ...(household.buildingId ? { buildingId: household.buildingId } : {}),
        householdId: household.id,
      },
    };
  }

  /** Minutes the assignee reports for ticket `index`: varied, so a credit can be told from another. */
  minutesFor(index: number): number {
    return 20 + (index % 7) * 5;
  }
}
