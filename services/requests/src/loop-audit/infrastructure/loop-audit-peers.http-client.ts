// Asks the other services for the facts only they own, over their `POST /audit/…` endpoints
// (libs/contracts/src/audit/loop-audit-facts.ts). Any failure is the audit's failure: a peer that
// cannot answer must never look like a clean loop.
import { Inject, Injectable } from '@nestjs/common';
import type {
  DispatchCaseFacts,
  DispatchCaseFactsResponse,
  EventNotificationFacts,
  EventNotificationFactsResponse,
  LoopAuditFactsRequest,
  TicketHoursFacts,
  TicketHoursFactsResponse,
} from '@loop/contracts';
import { RequestsConfig } from '../../config/requests.config';

/** The services the audit asks. */
export type LoopAuditPeer = 'dispatch' | 'volunteer-hours' | 'notifications';

/** A peer did not answer, answered non-2xx, or answered something that is not its contract. */
export class LoopAuditPeerError extends Error {
  override readonly name = 'LoopAuditPeerError';
  constructor(
    readonly peer: LoopAuditPeer,
    reason: string,
  ) {
    super(`${peer} could not give its audit facts: ${reason}`);
  }
}

/** How long one facts request may take before the audit gives up on the peer. */
export const PEER_TIMEOUT_MS = 10_000;

/** The facts endpoints of the audit's peers. */
@Injectable()
export class LoopAuditPeersHttpClient {
  constructor(@Inject(RequestsConfig) private readonly config: RequestsConfig) {}

  /** Dispatch's cases of the tickets (a ticket dispatch never heard of is absent). */
  async dispatchCases(ticketIds: string[], token: string): Promise<DispatchCaseFacts[]> {
    const body: Partial<DispatchCaseFactsResponse> | undefined = await this.post(
      'dispatch',
      this.config.DISPATCH_URL,
      'audit/dispatch-cases',
      ticketIds,
      token,
    );
    return expectList('dispatch', body, body?.cases, 'cases');
  }

  /** The hours ledger's standing credits of the tickets. */
  async ticketHours(ticketIds: string[], token: string): Promise<TicketHoursFacts[]> {
    const body: Partial<TicketHoursFactsResponse> | undefined = await this.post(
      'volunteer-hours',
      this.config.VOLUNTEER_HOURS_URL,
      'audit/ticket-hours',
      ticketIds,
      token,
    );
    return expectList('volunteer-hours', body, body?.tickets, 'tickets');
  }

  /** How many notifications each event caused. */
  async eventNotifications(eventIds: string[], token: string): Promise<EventNotificationFacts[]> {
    const body: Partial<EventNotificationFactsResponse> | undefined = await this.post(
      'notifications',
      this.config.NOTIFICATIONS_URL,
      'audit/event-notifications',
      eventIds,
      token,
    );
    return expectList('notifications', body, body?.events, 'events');
  }

  private async post(
    peer: LoopAuditPeer,
    baseUrl: string,
    path: string,
    ids: string[],
    token: string,
  ): Promise<object | undefined> {
    // Nothing to ask about: no request, and nothing is missing.
    if (ids.length === 0) return undefined;
    let response: Response;
    try {
      response = await fetch(new URL(path, withTrailingSlash(baseUrl)), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          authorization: `Bearer ${token}`,
        },
        body: JSON.stringify({ ids } satisfies LoopAuditFactsRequest),
        signal: AbortSignal.timeout(PEER_TIMEOUT_MS),
      });
    } catch (error) {
      throw new LoopAuditPeerError(peer, describeFailure(error));
    }
    if (!response.ok) {
      // Drain the body so the connection can be reused; its text is the peer's business.
      await response.text().catch(() => undefined);
      throw new LoopAuditPeerError(peer, `answered ${response.status} to POST /${path}`);
    }
    try {
      return (await response.json()) as object;
    } catch (error) {
      throw new LoopAuditPeerError(
        peer,
        `answered POST /${path} with malformed JSON (${describeFailure(error)})`,
      );
    }
  }
}

// A base URL with a path prefix (an ingress route) keeps it when the endpoint path is resolved.
function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

// No body means nothing was asked; a body without the list is not the contract.
function expectList<T>(
  peer: LoopAuditPeer,
  body: object | undefined,
  list: T[] | undefined,
  field: string,
): T[] {
  if (body === undefined) return [];
  if (!Array.isArray(list)) throw new LoopAuditPeerError(peer, `answered without a "${field}" list`);
  return list;
}

// Duck-typed: errors from fetch may come from another realm (e.g. a test runner's), failing instanceof.
function describeFailure(error: unknown): string {
  const failure = error as { name?: unknown; message?: unknown; cause?: { message?: unknown } } | null;
  if (failure?.name === 'TimeoutError') return `no answer within ${PEER_TIMEOUT_MS} ms`;
  if (typeof failure?.message !== 'string') return String(error);
  const cause = typeof failure.cause?.message === 'string' ? ` (${failure.cause.message})` : '';
  return `${failure.message}${cause}`;
}
