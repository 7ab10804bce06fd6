// What the volunteer-hours outage suites (a PostgreSQL restart, a Redis restart) share: the phases of
// the outage their streams note their work in, the district they work in, and what the HTTP clients
// may have been told meanwhile.
import { randomUUID } from 'node:crypto';
import {
  EventFeed,
  listenOnLoopback,
  PatientAnswer,
  PatientHttpClient,
  TestService,
  waitFor,
} from '@loop/testing';
import { memberRegistered } from './loop-events';
import { queryDatabase } from './ledger-database';

/** Where the outage stands: the streams note in which phase each piece of work was started. */
export type Phase = 'before' | 'down' | 'after';

/** Work started in each phase of the outage. */
export type PhaseCounts = Record<Phase, number>;

/** No work started yet in any phase. */
export const noWork = (): PhaseCounts => ({ before: 0, down: 0, after: 0 });

/** How long the suites wait for the service to catch up. */
export const settle = { timeoutMs: 45_000 };

/** The outage's phases as the streams follow them: they read `phase`, and await the strike or the recovery. */
export class OutagePhases {
  /** The phase now. */
  phase: Phase = 'before';
  /** Resolves when the outage strikes. */
  readonly struck: Promise<void>;
  /** Resolves when the dependency is back. */
  readonly recovered: Promise<void>;
  private markStruck!: () => void;
  private markRecovered!: () => void;

  constructor() {
    this.struck = new Promise<void>((resolve) => (this.markStruck = resolve));
    this.recovered = new Promise<void>((resolve) => (this.markRecovered = resolve));
  }

  /** The dependency goes away now. */
  strike(): void {
    this.phase = 'down';
    this.markStruck();
  }

  /** The dependency is back. */
  recover(): void {
    this.phase = 'after';
    this.markRecovered();
  }
}

/** The Authorization header for `token`. */
export const bearer = (token: string): string => `Bearer ${token}`;

/** What a suite needs to reach the service from outside: its HTTP API and the events it consumes. */
export interface ServiceClients {
  events: EventFeed;
  client: PatientHttpClient;
}

/** Makes the service listen for the whole suite, and connects the event producer and the patient client. */
export async function connectClients(service: TestService): Promise<ServiceClients> {
  await listenOnLoopback(service.app);
  const events = await EventFeed.connect(service);
  return { events, client: new PatientHttpClient(() => service.app.getHttpServer()) };
}

/** One community and unit, its members registered, and the tokens of its staff, unit admin and members. */
export interface District {
  communityId: string;
  unitId: string;
  staff: string;
  unitAdmin: string;
  /** Each member's token, in the order of the members. */
  memberTokens: string[];
}

/**
 * Registers `members` with a fresh community and unit and waits until the service knows them
 * (`database`: the service as direct queries reach it, when its own connection may be cut).
 */
export async function registerDistrict(
  service: TestService,
  events: EventFeed,
  members: string[],
  database: TestService = service,
): Promise<District> {
  const communityId = randomUUID();
  const unitId = randomUUID();
  await events.send(...members.map((memberId) => memberRegistered(memberId, communityId, unitId)));
  await waitFor(
    async () => (await queryDatabase(database, `SELECT 1 FROM member_profile`)).length === members.length,
    { ...settle, description: 'the members from the directory' },
  );
  const staff = await service.tokenFor({ sub: 'staff-1', roles: ['staff'], community_ids: [communityId] });
  const unitAdmin = await service.tokenFor({ sub: 'unit-admin-1', roles: ['admin'], unit_id: unitId });
  const memberTokens = await Promise.all(
    members.map((memberId) =>
      service.tokenFor({ sub: memberId, roles: ['member'], community_ids: [communityId], unit_id: unitId }),
    ),
  );
  return { communityId, unitId, staff, unitAdmin, memberTokens };
}

/** Answers that were no HTTP answer at all, or a server error other than 503. */
export function failedAnswers(client: PatientHttpClient): PatientAnswer[] {
  return client.answers.filter(
    (answer) => answer.status === 0 || (answer.status >= 500 && answer.status !== 503),
  );
}

/** 503s without a Retry-After in seconds or without a problem+json body. */
export function malformedUnavailableAnswers(client: PatientHttpClient): PatientAnswer[] {
  return client
    .answered(503)
    .filter(
      (answer) =>
        !/^\d+$/.test(answer.retryAfter ?? '') || !answer.contentType?.startsWith('application/problem+json'),
    );
}
