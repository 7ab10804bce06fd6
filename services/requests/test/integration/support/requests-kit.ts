// What the requests service's integration suites share: a booted service with its consumers and timers,
// the suite's places in its directory, request bodies, tokens for each role, dispatch's story of a ticket.
import { communityRegisteredV1, compoundRegisteredV1 } from '@loop/contracts';
import {
  EventFeed,
  ServiceWithRestartablePostgres,
  startTestService,
  startTestServiceWithRestartablePostgres,
  TestService,
  waitFor,
} from '@loop/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { v4 as uuidv4, v5 as uuidv5, v7 as uuidv7 } from 'uuid';
import { AppModule } from '../../../src/app.module';
import { requestsServiceOptions } from '../../../src/service-options';

// Resolved tickets wait an hour for the resident, so no auto-confirmation races a suite's own steps.
const testTimings = { AUTO_CONFIRM_AFTER: '3600', TIMERS_POLL_INTERVAL_MS: '200' };

/**
 * Boots the requests service with short timings for tests, with the suite's places (see `place`) in
 * its directory projection.
 */
export async function startRequestsService(env: Record<string, string> = {}): Promise<TestService> {
  const service = await startTestService(AppModule, requestsServiceOptions, {
    env: { ...testTimings, ...env },
  });
  return withSuiteDirectory(service);
}

/** Boots the requests service as `startRequestsService` does, with a PostgreSQL the test can restart. */
export async function startRequestsServiceWithRestartablePostgres(
  env: Record<string, string> = {},
): Promise<ServiceWithRestartablePostgres> {
  const outage = await startTestServiceWithRestartablePostgres(AppModule, requestsServiceOptions, {
    env: { ...testTimings, ...env },
  });
  await withSuiteDirectory(outage.service);
  return outage;
}

/**
 * A community with two grids, a compound with a building and a household in the first grid, and
 * another community the callers do not belong to.
 */
export const place = {
  community: uuidv4(),
  grid: uuidv4(),
  otherGrid: uuidv4(),
  compound: uuidv4(),
  building: uuidv4(),
  household: uuidv4(),
  otherCommunity: uuidv4(),
  otherCommunityGrid: uuidv4(),
};

// Names the compound that holds one resident's own household, so registering them twice is one compound.
const residentCompoundNamespace = '4a0f3c52-6d3b-4f0e-9a57-0c1d2e3f4a5b';

/**
 * The suite's directory, published on the directory topic as dispatch publishes it, so the service
 * learns the places through its own consumer: the suite's communities and compound at start, and a
 * household for each resident the suite uses.
 */
class SuiteDirectory {
  private readonly registered = new Set<string>();

  private constructor(
    private readonly service: TestService,
    private readonly feed: EventFeed,
  ) {}

  /** Publishes the suite's places and waits until the service knows them. */
  static async open(service: TestService): Promise<SuiteDirectory> {
    const directory = new SuiteDirectory(service, await EventFeed.connect(service));
    const now = new Date();
    const entry = { active: true, revision: 1, changedAt: now.toISOString() };
    await directory.feed.send(
      directory.feed.envelope(
        communityRegisteredV1,
        {
          ...entry,
          communityId: place.community,
          streetId: uuidv4(),
          gridIds: [place.grid, place.otherGrid],
        },
        now,
      ),
      directory.feed.envelope(
        communityRegisteredV1,
        {
          ...entry,
          communityId: place.otherCommunity,
          streetId: uuidv4(),
          gridIds: [place.otherCommunityGrid],
        },
        now,
      ),
      directory.feed.envelope(
        compoundRegisteredV1,
        {
          ...entry,
          compoundId: place.compound,
          communityId: place.community,
          buildingIds: [place.building],
          households: [
            { householdId: place.household, gridId: place.grid, buildingId: place.building, residentIds: [] },
          ],
        },
        now,
      ),
    );
    await directory.known(
      'SELECT count(*)::int AS n FROM known_community WHERE id = ANY ($1::uuid[])',
      [[place.community, place.otherCommunity]],
      2,
      'the suite’s communities',
    );
    return directory;
  }

  /**
   * Registers the resident to a household of their own in the community and grid (a compound per
   * resident, so registrations never overwrite each other) and waits until the service knows it.
   */
  async registerResident(residentId: string, communityId: string, gridId: string): Promise<void> {
    const key = `${residentId}@${communityId}`;
    if (this.registered.has(key)) return;
    const now = new Date();
    await this.feed.send(
      this.feed.envelope(
        compoundRegisteredV1,
        {
          active: true,
          revision: 1,
          changedAt: now.toISOString(),
          compoundId: uuidv5(key, residentCompoundNamespace),
          communityId,
          buildingIds: [],
          households: [
            {
              householdId: uuidv5(`household:${key}`, residentCompoundNamespace),
              gridId,
              buildingId: null,
              residentIds: [residentId],
            },
          ],
        },
        now,
      ),
    );
    await this.known(
      'SELECT count(*)::int AS n FROM known_household WHERE community_id = $1 AND resident_ids @> ARRAY[$2::varchar]',
      [communityId, residentId],
      1,
      `${residentId} registered`,
    );
    this.registered.add(key);
  }

  close(): Promise<void> {
    return this.feed.close();
  }

  private known(sql: string, parameters: unknown[], count: number, description: string): Promise<unknown> {
    const dataSource = this.service.app.get(DataSource);
    return waitFor(
      async () => {
        const [{ n }]: Array<{ n: number }> = await dataSource.query(sql, parameters);
        return n >= count || undefined;
      },
      { description, timeoutMs: 20_000 },
    );
  }
}

const suiteDirectories = new WeakMap<TestService, SuiteDirectory>();

async function withSuiteDirectory(service: TestService): Promise<TestService> {
  const directory = await SuiteDirectory.open(service);
  suiteDirectories.set(service, directory);
  const close = service.close.bind(service);
  service.close = async () => {
    await directory.close();
    await close();
  };
  return service;
}

/** A valid ticket body in the given place. */
export function ticketBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    categoryCode: 'property.repair',
    urgency: 'normal',
    title: '楼道灯不亮',
    description: '3 号楼 2 单元 4 楼楼道灯坏了一周，晚上老人上下楼不方便。',
    location: { communityId: place.community, gridId: place.grid, address: '幸福小区 3 号楼' },
    contact: { name: '王阿姨', phone: '13800138000' },
    ...overrides,
  };
}

/** Tokens for the people of the suite. */
export class People {
  constructor(private readonly service: TestService) {}

  /**
   * A resident's token; the resident is registered to a household of `communityId` (the suite's
   * community unless given) first, as a resident must be to file there.
   */
  async resident(id: string, communityId = place.community, gridId = place.grid): Promise<string> {
    await suiteDirectories.get(this.service)?.registerResident(id, communityId, gridId);
    return this.service.tokenFor({ sub: id, roles: ['resident'] });
  }

  /** A grid worker of `place.grid`. */
  gridWorker(id = 'grid-worker-1', gridIds = [place.grid]): Promise<string> {
    return this.service.tokenFor({
      sub: id,
      roles: ['grid_worker'],
      grid_ids: gridIds,
      community_ids: [place.community],
    });
  }

  /** Staff of `place.community` (or of the given communities). */
  staff(id = 'staff-1', communityIds = [place.community]): Promise<string> {
    return this.service.tokenFor({ sub: id, roles: ['staff'], community_ids: communityIds });
  }

  /** An official linked to the given communities. */
  official(id = 'official-1', communityIds = [place.community]): Promise<string> {
    return this.service.tokenFor({
      sub: id,
      roles: ['official'],
      community_ids: communityIds,
      escalation_level: 2,
    });
  }

  /** A party member (may not use the requests API beyond reading what they can see). */
  member(id = 'member-1'): Promise<string> {
    return this.service.tokenFor({ sub: id, roles: ['member'], community_ids: [place.community] });
  }
}

/** The bytes of a small JPEG (its signature and a little more): what the photo checks look at. */
export function jpegBytes(seed = 'photo'): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from(`JFIF ${seed}`)]);
}

/** Uploads a photo as `token`; returns the attachment reference a ticket names it by. */
export async function uploadPhoto(service: TestService, token: string, name = 'light.jpg', seed = name) {
  const response = await request(service.app.getHttpServer())
    .post('/attachments')
    .set('Authorization', `Bearer ${token}`)
    .set('Content-Type', 'image/jpeg')
    .send(jpegBytes(seed))
    .expect(201);
  return { name, ...(response.body as { sha256: string; type: string; size: number }) };
}

/** Submits a ticket as `token` and returns the response body. */
export async function submitTicket(
  service: TestService,
  token: string,
  overrides: Record<string, unknown> = {},
) {
  const response = await request(service.app.getHttpServer())
    .post('/tickets')
    .set('Authorization', `Bearer ${token}`)
    .send(ticketBody(overrides))
    .expect(201);
  return response.body as { id: string; number: string; status: string; submittedAt: string };
}

/** Reads a ticket as `token`. */
export async function readTicket(service: TestService, token: string, id: string) {
  const response = await request(service.app.getHttpServer())
    .get(`/tickets/${id}`)
    .set('Authorization', `Bearer ${token}`)
    .expect(200);
  return response.body as {
    status: string;
    escalationLevel: number;
    assignmentId: string | null;
    timeline: Array<{ eventId: string; type: string; outcome: string; summary: string; told: string[] }>;
    [field: string]: unknown;
  };
}

/** Waits until the ticket reads as `predicate` says. */
export function waitForTicket(
  service: TestService,
  token: string,
  id: string,
  predicate: (ticket: Awaited<ReturnType<typeof readTicket>>) => boolean,
  description: string,
) {
  return waitFor(
    async () => {
      const ticket = await readTicket(service, token, id);
      return predicate(ticket) ? ticket : undefined;
    },
    { description, timeoutMs: 20_000 },
  );
}

/**
 * Dispatch's events about one ticket, for building a story. Step n happens n milliseconds after
 * `start` (the submission), so the story is newer than the submission and older than anything the
 * resident does afterwards; deadlines lie 30 minutes and a day after each step.
 */
export function dispatchStory(ticketId: string, start: Date) {
  const assignmentId = uuidv7();
  const assignee = { kind: 'member' as const, id: 'member-77' };
  const at = (step: number) => new Date(start.getTime() + step);
  const iso = (step: number, plusMinutes = 0) =>
    new Date(at(step).getTime() + plusMinutes * 60_000).toISOString();
  return {
    assignmentId,
    assignee,
    at,
    dispatched: (minute: number, attempt = 1, id = assignmentId) => ({
      ticketId,
      assignmentId: id,
      assignee,
      mode: 'auto' as const,
      dispatchedBy: { role: 'system' as const, id: 'auto-dispatch' },
      attempt,
      offerExpiresAt: iso(minute, 30),
      completionDueAt: iso(minute, 24 * 60),
      dispatchedAt: iso(minute),
    }),
    accepted: (minute: number, id = assignmentId) => ({
      ticketId,
      assignmentId: id,
      assignee,
      completionDueAt: iso(minute, 24 * 60),
      acceptedAt: iso(minute),
    }),
    declined: (minute: number, id = assignmentId) => ({
      ticketId,
      assignmentId: id,
      assignee,
      reasonCode: 'busy' as const,
      declinedAt: iso(minute),
    }),
    started: (minute: number, id = assignmentId) => ({
      ticketId,
      assignmentId: id,
      assignee,
      startedAt: iso(minute),
    }),
    completed: (minute: number, id = assignmentId) => ({
      ticketId,
      assignmentId: id,
      assignee,
      minutesSpent: 45,
      note: '已更换灯泡',
      completedAt: iso(minute),
    }),
    escalated: (minute: number, level: 1 | 2 | 3) => ({
      ticketId,
      assignmentId: null,
      level,
      reason: 'accept_deadline' as const,
      escalatedTo: { role: 'secretary' as const, id: 'secretary-1' },
      escalatedAt: iso(minute),
    }),
  };
}
