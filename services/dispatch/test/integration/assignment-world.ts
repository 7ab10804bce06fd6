// The world the assignment suites run in: a small directory (two communities, their grids, members,
// staff, officials and a property company), a producer of the requests service's ticket events, and a
// reader of everything dispatch publishes on its assignment topic.
import { randomUUID } from 'node:crypto';
import {
  EventEnvelope,
  ticketCancelledV1,
  ticketConfirmedV1,
  TicketSubmittedV1,
  ticketSubmittedV1,
  Topics,
} from '@loop/contracts';
import {
  EventFeed,
  listenOnLoopback,
  startTestService,
  TestService,
  TopicRecorder,
  waitFor,
} from '@loop/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { dispatchServiceOptions } from '../../src/service-options';

/** Fixed ids of the directory the suites share. */
export const world = {
  street: '0190b000-0000-7000-8000-000000000001',
  /** Auto-dispatching community. */
  communityA: '0190b000-0000-7000-8000-0000000000a1',
  /** Community where staff dispatch by hand. */
  communityB: '0190b000-0000-7000-8000-0000000000b1',
  gridA1: '0190b000-0000-7000-8000-0000000000a2',
  gridA2: '0190b000-0000-7000-8000-0000000000a3',
  gridB1: '0190b000-0000-7000-8000-0000000000b2',
  unit: '0190b000-0000-7000-8000-000000000002',
  compoundA: '0190b000-0000-7000-8000-0000000000a4',
  householdA: '0190b000-0000-7000-8000-0000000000a5',
  buildingA: '0190b000-0000-7000-8000-0000000000a6',
  propertyCompany: 'property-a',
  /** Manages no compound of the world. */
  otherPropertyCompany: 'property-b',
  /** Looks after householdA ("1+10"), serves grid A2. */
  linkedMember: 'member-linked',
  /** Serves grid A1, repair skills. */
  repairMember: 'member-repair',
  /** Serves grid A1, no matching skills. */
  plainMember: 'member-plain',
  /** Serves grid B1. */
  memberB: 'member-b',
  staffA: 'staff-a',
  secretaryA: 'secretary-a',
  staffB: 'staff-b',
  secretaryB: 'secretary-b',
  streetOfficial: 'official-street',
  countyOfficial: 'official-county',
};

/** Inserts the shared directory rows straight into the directory tables. */
export async function seedDirectory(dataSource: DataSource): Promise<void> {
  const w = world;
  await dataSource.query(`INSERT INTO directory_street (id, code, name) VALUES ($1, 'st-1', '城关街道')`, [
    w.street,
  ]);
  await dataSource.query(
    `INSERT INTO directory_community (id, code, name, district_code, street_id, auto_dispatch)
     VALUES ($1, 'c-a', '幸福社区', '130111', $3, true), ($2, 'c-b', '和平社区', '130111', $3, false)`,
    [w.communityA, w.communityB, w.street],
  );
  await dataSource.query(
    `INSERT INTO directory_grid (id, code, community_id, name) VALUES
       ($1, 'g-a1', $4, '第一网格'), ($2, 'g-a2', $4, '第二网格'), ($3, 'g-b1', $5, '第一网格')`,
    [w.gridA1, w.gridA2, w.gridB1, w.communityA, w.communityB],
  );
  await dataSource.query(
    `INSERT INTO directory_property_company (id, code, name) VALUES ($1, 'pc-a', '红色物业'), ($2, 'pc-b', '和美物业')`,
    [w.propertyCompany, w.otherPropertyCompany],
  );
  await dataSource.query(
    `INSERT INTO directory_compound (id, code, community_id, name, property_company_id) VALUES ($1, 'cp-a', $2, '幸福里', $3)`,
    [w.compoundA, w.communityA, w.propertyCompany],
  );
  await dataSource.query(
    `INSERT INTO directory_building (id, code, compound_id, name) VALUES ($1, 'b-a', $2, '1号楼')`,
    [w.buildingA, w.compoundA],
  );
  await dataSource.query(
    `INSERT INTO directory_household (id, code, community_id, grid_id, compound_id, building_id, address_label)
     VALUES ($1, 'h-a', $2, $3, $4, $5, '幸福里 1号楼 101')`,
    [w.householdA, w.communityA, w.gridA1, w.compoundA, w.buildingA],
  );
  await dataSource.query(`INSERT INTO directory_unit (id, code, name) VALUES ($1, 'u-1', '区财政局')`, [
    w.unit,
  ]);
  await dataSource.query(
    `INSERT INTO directory_member (id, name, unit_id, community_id, grid_id, skills) VALUES
       ($1, '张一', $5, $6, $8, '{}'), ($2, '李二', $5, $6, $9, '{repair,plumbing}'),
       ($3, '王三', $5, $6, $9, '{}'), ($4, '赵四', $5, $7, $10, '{repair}')`,
    [
      w.linkedMember,
      w.repairMember,
      w.plainMember,
      w.memberB,
      w.unit,
      w.communityA,
      w.communityB,
      w.gridA2,
      w.gridA1,
      w.gridB1,
    ],
  );
  await dataSource.query(`INSERT INTO directory_member_household (member_id, household_id) VALUES ($1, $2)`, [
    w.linkedMember,
    w.householdA,
  ]);
  await dataSource.query(
    `INSERT INTO directory_staff (id, name, role, community_id) VALUES
       ($1, '周社工', 'staff', $5), ($2, '吴书记', 'secretary', $5), ($3, '郑社工', 'staff', $6), ($4, '钱书记', 'secretary', $6)`,
    [w.staffA, w.secretaryA, w.staffB, w.secretaryB, w.communityA, w.communityB],
  );
  await dataSource.query(
    `INSERT INTO directory_official (id, name, escalation_level, community_ids) VALUES
       ($1, '孙主任', 2, $3), ($2, '陈县长', 3, $3)`,
    [w.streetOfficial, w.countyOfficial, [w.communityA, w.communityB]],
  );
}

/** A ticket.submitted payload for the world, with a fresh ticket id. */
export function aSubmittedTicket(overrides: Partial<TicketSubmittedV1> = {}): TicketSubmittedV1 {
  const ticketId = randomUUID();
  return {
    ticketId,
    ticketNumber: `LC-TEST-${ticketId.slice(0, 8).toUpperCase()}`,
    residentId: 'resident-1',
    filedBy: { role: 'resident', id: 'resident-1' },
    source: 'app',
    categoryCode: 'property.repair',
    urgency: 'normal',
    communityId: world.communityA,
    gridId: world.gridA1,
    householdId: world.householdA,
    compoundId: world.compoundA,
    submittedAt: new Date().toISOString(),
    ...overrides,
  };
}

/**
 * What a suite uses to talk to the service under test from the outside: a producer of the requests
 * service's ticket events, and a reader of everything dispatch publishes on its assignment topic.
 */
export class AssignmentHarness {
  private constructor(
    /** Publishes the requests service's ticket events onto the suite's topics, as requests would. */
    readonly feed: EventFeed,
    private readonly assignmentTopic: TopicRecorder,
  ) {}

  /** Connects the producer and starts reading the assignment topic of `service` from the beginning. */
  static async start(service: TestService): Promise<AssignmentHarness> {
    const feed = await EventFeed.connect(service);
    try {
      return new AssignmentHarness(feed, await TopicRecorder.start(service, Topics.dispatchAssignment));
    } catch (error) {
      await feed.close();
      throw error;
    }
  }

  /** Everything dispatch published on its assignment topic so far, in arrival order. */
  get published(): EventEnvelope[] {
    return this.assignmentTopic.envelopes;
  }

  /** Stops reading and disconnects the producer. */
  async stop(): Promise<void> {
    await this.assignmentTopic.stop();
    await this.feed.close();
  }

  /** Publishes ticket.submitted for the payload; returns the envelope. */
  submit(ticket: TicketSubmittedV1): Promise<EventEnvelope> {
    return this.feed.publish(ticketSubmittedV1, ticket, { actor: ticket.filedBy });
  }

  /** Publishes ticket.cancelled for the ticket. */
  async cancel(ticketId: string): Promise<void> {
    await this.feed.publish(
      ticketCancelledV1,
      { ticketId, reasonCode: 'withdrawn', cancelledAt: new Date().toISOString() },
      { actor: { role: 'resident', id: 'resident-1' } },
    );
  }

  /** Publishes ticket.confirmed: the resident rates the assignment's work 5 stars; returns the envelope. */
  confirm(ticketId: string, assignmentId: string): Promise<EventEnvelope> {
    return this.feed.publish(
      ticketConfirmedV1,
      { ticketId, assignmentId, rating: 5, auto: false, confirmedAt: new Date().toISOString() },
      { actor: { role: 'resident', id: 'resident-1' } },
    );
  }

  /** The ticket's events (of a type, when given) published so far. */
  eventsOf<P = Record<string, unknown>>(ticketId: string, type?: string): Array<EventEnvelope<P & object>> {
    if (type !== undefined) return this.assignmentTopic.about<P>(type, ticketId);
    return this.published.filter((envelope) => envelope.aggregateId === ticketId) as Array<
      EventEnvelope<P & object>
    >;
  }

  /** Waits until the ticket has `count` published events of the type, and returns them. */
  waitForEvents<P = Record<string, unknown>>(
    ticketId: string,
    type: string,
    count = 1,
    timeoutMs = 30_000,
  ): Promise<Array<EventEnvelope<P & object>>> {
    return this.assignmentTopic.waitForEvents<P>(type, ticketId, count, timeoutMs);
  }
}

/** A bearer header for the claims. */
export async function bearer(
  service: TestService,
  claims: Parameters<TestService['tokenFor']>[0],
): Promise<string> {
  return `Bearer ${await service.tokenFor(claims)}`;
}

/** Tokens of the world's people. */
export async function tokensOf(service: TestService) {
  const w = world;
  return {
    linkedMember: await bearer(service, {
      sub: w.linkedMember,
      roles: ['member'],
      community_ids: [w.communityA],
    }),
    repairMember: await bearer(service, {
      sub: w.repairMember,
      roles: ['member'],
      community_ids: [w.communityA],
    }),
    plainMember: await bearer(service, {
      sub: w.plainMember,
      roles: ['member'],
      community_ids: [w.communityA],
    }),
    memberB: await bearer(service, { sub: w.memberB, roles: ['member'], community_ids: [w.communityB] }),
    propertyCompany: await bearer(service, {
      sub: w.propertyCompany,
      roles: ['property_company'],
      community_ids: [w.communityA],
    }),
    staffA: await bearer(service, { sub: w.staffA, roles: ['staff'], community_ids: [w.communityA] }),
    secretaryA: await bearer(service, {
      sub: w.secretaryA,
      roles: ['secretary'],
      community_ids: [w.communityA],
      escalation_level: 1,
    }),
    staffB: await bearer(service, { sub: w.staffB, roles: ['staff'], community_ids: [w.communityB] }),
    streetOfficial: await bearer(service, {
      sub: w.streetOfficial,
      roles: ['official'],
      community_ids: [w.communityA, w.communityB],
      escalation_level: 2,
    }),
    countyOfficial: await bearer(service, {
      sub: w.countyOfficial,
      roles: ['official'],
      community_ids: [w.communityA, w.communityB],
      escalation_level: 3,
    }),
    resident: await bearer(service, {
      sub: 'resident-1',
      roles: ['resident'],
      community_ids: [w.communityA],
    }),
  };
}

/** Waits until the ticket's dispatch case exists, as staff of its community see it. */
export async function waitForCase(
  app: NestExpressApplication,
  ticketId: string,
  staffToken: string,
  until: (body: Record<string, unknown>) => boolean = () => true,
  timeoutMs = 30_000,
): Promise<Record<string, unknown>> {
  return waitFor(
    async () => {
      const response = await request(app.getHttpServer())
        .get(`/dispatch-cases/${ticketId}`)
        .set('Authorization', staffToken);
      return response.status === 200 && until(response.body)
        ? (response.body as Record<string, unknown>)
        : undefined;
    },
    { timeoutMs, intervalMs: 100, description: `the dispatch case of ticket ${ticketId}` },
  );
}

/** The running service and the world around it that an assignment suite acts on. */
export interface AssignmentSuite {
  service: TestService;
  harness: AssignmentHarness;
  tokens: Awaited<ReturnType<typeof tokensOf>>;
  dataSource: DataSource;
}

/** What a suite changes about the service: extra environment, SLA policies, and whether to listen up front. */
export interface AssignmentSuiteOptions {
  env?: Record<string, string>;
  policies: object[];
  /** Listen once before any request (see `listenOnLoopback`). */
  listen?: boolean;
  /** What non-emergency deadlines count: wall-clock minutes (the default) or the service calendar. */
  workingTime?: 'wall_clock' | 'calendar';
}

/**
 * Starts dispatch with wall-clock SLA deadlines (or calendar ones when asked), seeds the shared
 * directory, starts the harness and signs the world's tokens.
 */
export async function startAssignmentSuite(options: AssignmentSuiteOptions): Promise<AssignmentSuite> {
  const service = await startTestService(AppModule, dispatchServiceOptions, {
    env: {
      ...options.env,
      SLA_WORKING_TIME: options.workingTime ?? 'wall_clock',
      SLA_POLICY_OVERRIDES: JSON.stringify(options.policies),
    },
  });
  if (options.listen) await listenOnLoopback(service.app);
  const dataSource = service.app.get(DataSource);
  await seedDirectory(dataSource);
  const harness = await AssignmentHarness.start(service);
  const tokens = await tokensOf(service);
  return { service, harness, tokens, dataSource };
}
