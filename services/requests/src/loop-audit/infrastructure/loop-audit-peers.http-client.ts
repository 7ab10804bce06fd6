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
import { expectList, PeerCallError, PeerService, postJson } from '../../shared/peer-http';

/** The services the audit asks. */
export type LoopAuditPeer = PeerService;

/** A peer did not answer, answered non-2xx, or answered something that is not its contract. */
export class LoopAuditPeerError extends PeerCallError {
  override readonly name = 'LoopAuditPeerError';
  constructor(peer: LoopAuditPeer, reason: string) {
    super(peer, reason);
    this.message = `${peer} could not give its audit facts: ${reason}`;
  }
}

/** The facts endpoints of the audit's peers. */
@Injectable()
export class LoopAuditPeersHttpClient {
  constructor(@Inject(RequestsConfig) private readonly config: RequestsConfig) {}

  /** Dispatch's cases of the tickets (a ticket dispatch never heard of is absent). */
  async dispatchCases(ticketIds: string[], token: string): Promise<DispatchCaseFacts[]> {
    const body = await this.post<DispatchCaseFactsResponse>(
      'dispatch',
      this.config.DISPATCH_URL,
      'audit/dispatch-cases',
      ticketIds,
      token,
    );
    return body ? expectList('dispatch', body.cases, 'cases') : [];
  }

  /** The hours ledger's standing credits of the tickets. */
  async ticketHours(ticketIds: string[], token: string): Promise<TicketHoursFacts[]> {
    const body = await this.post<TicketHoursFactsResponse>(
      'volunteer-hours',
      this.config.VOLUNTEER_HOURS_URL,
      'audit/ticket-hours',
      ticketIds,
      token,
    );
    return body ? expectList('volunteer-hours', body.tickets, 'tickets') : [];
  }

  /** How many notifications each event caused. */
  async eventNotifications(eventIds: string[], token: string): Promise<EventNotificationFacts[]> {
    const body = await this.post<EventNotificationFactsResponse>(
      'notifications',
      this.config.NOTIFICATIONS_URL,
      'audit/event-notifications',
      eventIds,
      token,
    );
    return body ? expectList('notifications', body.events, 'events') : [];
  }

  // Nothing to ask about: no request, and nothing is missing. A peer's failure is the audit's failure.
  private async post<T>(
    peer: LoopAuditPeer,
    baseUrl: string,
    path: string,
    ids: string[],
    token: string,
  ): Promise<Partial<T> | undefined> {
    if (ids.length === 0) return undefined;
    try {
      return (await postJson(
        peer,
        baseUrl,
        path,
        { ids } satisfies LoopAuditFactsRequest,
        token,
      )) as Partial<T>;
    } catch (error) {
      if (error instanceof PeerCallError) throw new LoopAuditPeerError(peer, error.reason);
      throw error;
    }
  }
}
