// Crash and restart: a stream of tickets goes around the whole loop while, in turn, each service is
// killed with SIGKILL and started again, the Kafka broker restarts and PostgreSQL restarts. Afterwards
// every ticket has closed its loop, every member is credited exactly once per ticket, nothing is
// recorded twice, and the loop auditor has nothing to report.
import { deadLetterCounts, LoopCluster, waitFor } from '@loop/testing';
import { restartInfrastructure } from './support/crash-infrastructure';
import { ClosedLoop, JourneyStage, TicketStream } from './support/crash-stream';
import { DemoDistrict, DistrictMember, LookedAfterHousehold } from './support/demo-district';
import { LoopApi, Statement, Ticket } from './support/loop-api';
import { expectLoopAuditClean } from './support/loop-audit';
import { HttpAnswer, serverErrorAnswers } from './support/http-json';
import { StoryPeople } from './support/story-people';

type ServiceName = 'requests' | 'dispatch' | 'volunteer-hours' | 'notifications';

/** One thing that goes wrong while the stream flows. */
interface Disruption {
  what: string;
  inflict(cluster: LoopCluster): Promise<void>;
}

const killAndRestart = (service: ServiceName): Disruption => ({
  what: `${service} killed with SIGKILL and restarted`,
  inflict: async (cluster) => {
    await cluster.kill(service);
    await cluster.restart(service);
  },
});

const disruptions: Disruption[] = [
  killAndRestart('requests'),
  killAndRestart('dispatch'),
  killAndRestart('volunteer-hours'),
  killAndRestart('notifications'),
  { what: 'the Kafka broker restarted', inflict: () => restartInfrastructure('kafka') },
  { what: 'PostgreSQL restarted', inflict: () => restartInfrastructure('postgres') },
];

const ticketsPerBatch = 5;
// After a restart, callers may still meet a pool reconnecting or a replica catching up for a moment.
const disruptionGraceMs = 15_000;
// A batch counts as under way once one of its tickets is in a member's hands: the others are then
// spread over the earlier hops, and older batches over the later ones.
const underWay: readonly JourneyStage[] = ['accepted', 'in_progress', 'completed', 'closed'];

/** The ticket credits of every statement: ticket id → the credits and reversals naming it. */
function ticketEntries(
  statements: Statement[],
): Map<string, { memberId: string; kind: string; minutes: number }[]> {
  const byTicket = new Map<string, { memberId: string; kind: string; minutes: number }[]>();
  for (const statement of statements) {
    for (const entry of statement.entries) {
      if (entry.source?.kind !== 'ticket') continue;
      const entries = byTicket.get(entry.source.id) ?? [];
      entries.push({ memberId: statement.memberId, kind: entry.kind, minutes: entry.minutes });
      byTicket.set(entry.source.id, entries);
    }
  }
  return byTicket;
}

describe('the loop through crashes and restarts', () => {
  let cluster: LoopCluster;
  let api: LoopApi;
  let people: StoryPeople;
  let adminToken: string;
  let loops: ClosedLoop[];
  let statements: Statement[];
  let finalTickets: Ticket[];
  /** What each disruption hit: the stages of the tickets not yet closed when it struck, and when. */
  const struck: { what: string; inFlight: JourneyStage[]; from: number; to: number }[] = [];

  beforeAll(async () => {
    cluster = await LoopCluster.start({ name: 'e2e-crash', env: { TIMERS_POLL_INTERVAL_MS: '200' } });
    api = new LoopApi(cluster);
    people = new StoryPeople(cluster);
    adminToken = await people.admin();
    const district = new DemoDistrict(cluster, adminToken);
    const community = await district.community((candidate) => candidate.autoDispatch);
    const households: LookedAfterHousehold[] = [];
    for (const grid of community.grids.slice(0, 4)) {
      for (const index of [0, 1])
        households.push(await district.lookedAfterHousehold(community.id, grid.id, index));
    }
    const members = new Map<string, DistrictMember>(
      (await district.members(community.id)).map((member) => [member.id, member]),
    );
    // A member linked to a household may be registered in another community: then only the id is known.
    const memberToken = (id: string) => {
      const member = members.get(id);
      return member ? people.member(member) : cluster.token({ sub: id, roles: ['member'] });
    };
    const stream = new TicketStream(
      api,
      {
        resident: async (household) => people.resident(await district.residentOf(household)),
        assignee: (assignee) =>
          assignee.kind === 'property_company'
            ? people.propertyCompany(assignee.id)
            : memberToken(assignee.id),
        adminToken,
      },
      households,
      { journeyTimeoutMs: 150_000, pollIntervalMs: 200 },
    );

    for (const disruption of disruptions) {
      const batchStart = stream.launched;
      stream.launch(ticketsPerBatch);
      const stages = await waitFor(
        () => {
          if (stream.stagesSince(batchStart).some((stage) => underWay.includes(stage)))
            return stream.stages();
          throw new Error(`the stream stands at ${stream.describe()}`);
        },
        {
          timeoutMs: 60_000,
          intervalMs: 100,
          description: `the batch before "${disruption.what}" to be under way`,
        },
      );
      const from = Date.now();
      await disruption.inflict(cluster);
      struck.push({
        what: disruption.what,
        inFlight: stages.filter((stage) => stage !== 'closed'),
        from,
        to: Date.now(),
      });
    }
    // A last batch submitted after every restart: the loop works afterwards, not only for what was in flight.
    stream.launch(ticketsPerBatch);
    loops = await stream.closedLoops();

    // Hours are credited after the ticket closes (ticket.confirmed travels to volunteer-hours), so each
    // statement is read once it names every ticket its member completed; doubles would show as well.
    const memberIds = new Set(
      loops.flatMap((loop) => loop.offeredTo.filter((a) => a.kind === 'member').map((a) => a.id)),
    );
    statements = await Promise.all(
      [...memberIds].map(async (memberId) => {
        const token = await memberToken(memberId);
        const completedByMember = loops
          .filter((loop) => loop.completed.assignee.id === memberId)
          .map((loop) => loop.ticket.id);
        return api.waitForStatement(
          token,
          memberId,
          (statement) =>
            completedByMember.every((ticketId) =>
              statement.entries.some((entry) => entry.source?.id === ticketId),
            ),
          `credits for ${completedByMember.length} tickets`,
          60_000,
        );
      }),
    );
    // Read again once the hours are in, so anything recorded twice after the close shows up too.
    finalTickets = await Promise.all(loops.map((loop) => api.readTicket(loop.residentToken, loop.ticket.id)));
  }, 330_000);

  afterAll(async () => {
    await cluster?.stop();
  });

  it('strikes with tickets in flight every time', () => {
    expect(struck.map(({ what }) => what)).toEqual(disruptions.map(({ what }) => what));
    for (const { what, inFlight } of struck) {
      expect({ what, inFlight: inFlight.length > 0 }).toEqual({ what, inFlight: true });
    }
  });

  it('closes the loop of every ticket in the stream', () => {
    expect(loops).toHaveLength((disruptions.length + 1) * ticketsPerBatch);
    expect(finalTickets.map((ticket) => ticket.status)).toEqual(loops.map(() => 'closed'));
    expect(finalTickets.map((ticket) => ticket.rating)).toEqual(loops.map(() => 5));
  });

  it('credits the member who did the work exactly once per ticket, with the minutes reported', () => {
    const entries = ticketEntries(statements);
    for (const loop of loops) {
      expect({ ticket: loop.ticket.id, entries: entries.get(loop.ticket.id) }).toEqual({
        ticket: loop.ticket.id,
        entries: [
          { memberId: loop.completed.assignee.id, kind: 'credit', minutes: loop.completed.minutesSpent },
        ],
      });
    }
  });

  it('records each confirmation once on the ticket’s timeline and no event twice', () => {
    for (const ticket of finalTickets) {
      const types = ticket.timeline.map((entry) => entry.type);
      const eventIds = ticket.timeline.map((entry) => entry.eventId);
      expect({
        ticket: ticket.id,
        confirmations: types.filter((type) => type === 'ticket.confirmed'),
      }).toEqual({ ticket: ticket.id, confirmations: ['ticket.confirmed'] });
      expect(new Set(eventIds).size).toBe(eventIds.length);
    }
  });

  it('answers no 5xx but 503 with Retry-After and a problem body, and those only during a disruption', () => {
    const during = (answer: HttpAnswer) =>
      struck.some(({ from, to }) => answer.at >= from && answer.at <= to + disruptionGraceMs);
    const unexpected = serverErrorAnswers.filter(
      (answer) =>
        answer.status !== 503 ||
        answer.retryAfter === null ||
        !answer.contentType?.startsWith('application/problem+json') ||
        !during(answer),
    );
    expect(unexpected).toEqual([]);
  });

  it('parks nothing on any dead-letter topic', async () => {
    expect(await deadLetterCounts(cluster.namespace.topicPrefix)).toEqual({});
  });

  it('leaves the loop auditor nothing to report', async () => {
    const report = await expectLoopAuditClean(cluster);
    expect(report.ticketsChecked).toBeGreaterThanOrEqual(loops.length);
    expect(report.findings).toEqual([]);
  });
});
