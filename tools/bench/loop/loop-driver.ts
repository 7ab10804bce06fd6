// The people of the loop, over the services' public HTTP APIs only: an admin turns auto-dispatch on,
// residents submit (群众点单), the offered member accepts, starts and completes (党员接单), and the
// resident confirms. What the services publish in between is seen by the observer, never polled.
import { DevTokenClaims } from '@loop/platform';
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { generateDemoDistrictFacts } from '../../start/demo-district';
import { LoopTrace, LoopTraces } from './loop-traces';

/** Where a ticket is filed: a household of an auto-dispatch community, and the resident registered to it. */
export interface Household {
  communityId: string;
  gridId: string;
  householdId: string;
  residentId: string;
}

/** The parts of the cluster the driver talks to. */
export interface LoopEndpoints {
  /** Every replica of requests' API; calls go round them in turn, as a load balancer spreads them. */
  requestsUrls: readonly string[];
  /** Every replica of dispatch's API, likewise. */
  dispatchUrls: readonly string[];
  token(claims: DevTokenClaims): Promise<string>;
}

/** Hands out a list's entries in turn. */
class RoundRobin {
  private next = 0;

  constructor(private readonly entries: readonly string[]) {}

  /** The next entry. */
  take(): string {
    const entry = this.entries[this.next % this.entries.length];
    this.next++;
    return entry;
  }
}

/** A failed HTTP call, with the answer the service gave. */
export class HttpStepError extends Error {
  constructor(
    readonly step: string,
    readonly status: number,
    body: string,
  ) {
    super(`${step} answered ${status}: ${body.slice(0, 300)}`);
  }
}

// Answers a person's app waits out and tries again, as `Retry-After` asks: a service shedding load (503)
// or a per-person limit (429). Nothing else is retried here.
const waitedOut = new Set([429, 503]);
// How long a person keeps trying one step before giving up.
const patienceMs = 120_000;

/** Requests tried again after a 503 or 429, over the whole run. */
export const overloadRetries = { count: 0 };
/** Requests tried again because the connection failed (a service restarting), over the whole run. */
export const networkRetries = { count: 0 };
// A phone whose request found no server (a replica restarting) tries again after this pause.
const networkRetryMs = 1_000;

/** The pause `Retry-After` asks for (seconds), at most 10 s; 1 s when it says nothing usable. */
export function retryAfterMs(header: string | null): number {
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 10) * 1_000 : 1_000;
}

async function call<T>(
  step: string,
  url: string,
  token: string,
  method: string,
  body?: unknown,
  idempotencyKey?: string,
): Promise<T> {
  const giveUpAt = Date.now() + patienceMs;
  for (;;) {
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      text = await response.text();
    } catch (error) {
      // No answer at all (refused, reset): the command may or may not have run, which is why every
      // step is safe to repeat — submissions and confirmations carry their Idempotency-Key, and a
      // repeated member command answers 200.
      if (Date.now() >= giveUpAt) throw error;
      networkRetries.count += 1;
      await delay(networkRetryMs);
      continue;
    }
    if (waitedOut.has(response.status) && Date.now() < giveUpAt) {
      overloadRetries.count += 1;
      await delay(retryAfterMs(response.headers.get('retry-after')));
      continue;
    }
    if (!response.ok) throw new HttpStepError(step, response.status, text);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

/**
 * Turns auto-dispatch on for up to `count` communities (the admin API) and returns a page of households
 * of each, so tickets spread over communities, grids and the members linked to the households.
 */
export async function prepareDistrict(endpoints: LoopEndpoints, count: number): Promise<Household[]> {
  const admin = await endpoints.token({ sub: 'bench-admin', roles: ['admin'] });
  // The demo seed registers one resident to every household; only they may file for it.
  const registeredResidents = new Map(
    generateDemoDistrictFacts().households.map((household) => [household.id, household.residentId]),
  );
  const communities = await call<Array<{ id: string; code: string; active: boolean }>>(
    'list communities',
    `${endpoints.dispatchUrls[0]}/directory/communities`,
    admin,
    'GET',
  );
  const chosen = communities
    .filter((community) => community.active)
    .sort((a, b) => a.code.localeCompare(b.code))
    .slice(0, count);
  const households: Household[] = [];
  for (const community of chosen) {
    await call(
      'turn auto-dispatch on',
      `${endpoints.dispatchUrls[0]}/directory/communities/${community.id}/dispatch-policy`,
      admin,
      'PUT',
      {
        autoDispatch: true,
      },
    );
    const page = await call<Array<{ id: string; communityId: string; gridId: string }>>(
      'list households',
      `${endpoints.dispatchUrls[0]}/directory/communities/${community.id}/households?limit=1000`,
      admin,
      'GET',
    );
    households.push(
      ...page.flatMap((h) => {
        const residentId = registeredResidents.get(h.id);
        return residentId
          ? [{ communityId: h.communityId, gridId: h.gridId, householdId: h.id, residentId }]
          : [];
      }),
    );
  }
  if (households.length === 0) throw new Error('the district has no households to file tickets for');
  // Interleave communities so consecutive tickets land in different communities and grids.
  return households
    .map((household, index) => ({ household, order: (index * 7919) % households.length }))
    .sort((a, b) => a.order - b.order)
    .map(({ household }) => household);
}

/** Tokens by account, minted once: signing is not what is being measured. */
class TokenBook {
  private readonly tokens = new Map<string, Promise<string>>();
  constructor(private readonly endpoints: LoopEndpoints) {}

  /** The token of an account with one role. */
  of(sub: string, role: 'resident' | 'member'): Promise<string> {
    const key = `${role}:${sub}`;
    let token = this.tokens.get(key);
    if (!token) {
      token = this.endpoints.token({ sub, roles: [role] });
      this.tokens.set(key, token);
    }
    return token;
  }
}

/** How long a driver waits for the next fact before it gives the loop up. */
const factTimeoutMs = 180_000;

/** Drives tickets round the loop, one call of `drive` per ticket. */
export class LoopDriver {
  private readonly tokens: TokenBook;
  private readonly requests: RoundRobin;
  private readonly dispatch: RoundRobin;
  /** Confirm requests refused with 409 because requests had not yet seen the completion. */
  confirmRetries = 0;

  constructor(
    private readonly endpoints: LoopEndpoints,
    private readonly households: readonly Household[],
    private readonly traces: LoopTraces,
    /** Distinct households (and so residents) the tickets are filed from. */
    private readonly residents = 500,
  ) {
    this.tokens = new TokenBook(endpoints);
    this.requests = new RoundRobin(endpoints.requestsUrls);
    this.dispatch = new RoundRobin(endpoints.dispatchUrls);
  }

  /** Mints the residents' tokens up front. */
  async warmTokens(): Promise<void> {
    for (const household of this.households.slice(0, this.residents))
      await this.tokens.of(household.residentId, 'resident');
  }

  /** Ticket `index` from submission to credited hours; resolves with its trace once the loop closed. */
  async drive(index: number): Promise<LoopTrace> {
    const { residentId, ...household } =
      this.households[index % Math.min(this.residents, this.households.length)];
    const resident = await this.tokens.of(residentId, 'resident');
    const submitSentAt = Date.now();
    // One key per submission, so a retry after an overload files once, as the console does.
    const ticket = await call<{ id: string }>(
      'submit',
      `${this.requests.take()}/tickets`,
      resident,
      'POST',
      {
        categoryCode: 'elderly.disabled.help',
        urgency: 'normal',
        title: '楼道灯坏了',
        description: '三楼楼道灯不亮，老人晚上出行不便。',
        location: household,
      },
      randomUUID(),
    );
    const trace = this.traces.submitted(ticket.id, { submitSentAt, submitAnsweredAt: Date.now() });

    await this.traces.until(ticket.id, 'offered', factTimeoutMs);
    const member = await this.tokens.of(trace.memberId!, 'member');
    const assignment = () => `${this.dispatch.take()}/assignments/${trace.assignmentId}`;
    await call('accept', `${assignment()}/accept`, member, 'POST');
    trace.acceptAnsweredAt = Date.now();
    await call('start', `${assignment()}/start`, member, 'POST');
    await call('complete', `${assignment()}/complete`, member, 'POST', {
      minutesSpent: 30,
      note: '已更换楼道灯泡',
    });

    // The resident confirms once told the work is done, as a person does: their notification of the
    // completion. Requests marks the ticket resolved when its own consumer has the completion, which may
    // come a moment later, so a 409 (not resolved yet) is tried again with a growing pause — a fixed
    // short one would bury a lagging requests service under retries.
    await this.traces.until(ticket.id, 'resident told', factTimeoutMs);
    const confirmKey = randomUUID();
    for (let attempt = 0, pauseMs = 250; ; attempt++, pauseMs = Math.min(pauseMs * 2, 5_000)) {
      try {
        await call(
          'confirm',
          `${this.requests.take()}/tickets/${ticket.id}/confirm`,
          resident,
          'POST',
          { rating: 5 },
          confirmKey,
        );
        break;
      } catch (error) {
        if (!(error instanceof HttpStepError) || error.status !== 409 || attempt >= 100) throw error;
        this.confirmRetries++;
        await delay(pauseMs);
      }
    }
    return this.traces.until(ticket.id, 'credited', factTimeoutMs);
  }
}
