// Typed calls of the loop's public HTTP APIs for the demo (and anyone scripting the loop): one function
// per request, the caller's token passed in, problem+json turned into errors.
import { randomUUID } from 'node:crypto';

const maxRetries = 2;

/** Base URLs of the four services. */
export interface LoopUrls {
  requests: string;
  dispatch: string;
  volunteerHours: string;
  notifications: string;
}

/** A failed request, with the problem's status and code when the service sent one. */
export class LoopApiError extends Error {
  override readonly name = 'LoopApiError';

  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** An offer or assignment as dispatch returns it. */
export interface Assignment {
  id: string;
  ticketId: string;
  assignee: { kind: 'member' | 'property_company'; id: string };
  status: string;
  attempt: number;
}

/** A ticket's dispatch case with every offer made. */
export interface DispatchCase {
  ticketId: string;
  status: string;
  escalation: { level: number } | null;
  offers: Assignment[];
}

/** Ranked candidates for a ticket, and the property company where the category allows one. */
export interface Suggestion {
  candidates: Array<{ memberId: string; score: number }>;
  propertyCompany: { id: string } | null;
}

/** A ticket as requests returns it. */
export interface Ticket {
  id: string;
  number: string;
  status: string;
}

/** What a ticket submission carries. */
export interface TicketSubmission {
  categoryCode: string;
  urgency: string;
  title: string;
  description: string;
  location: {
    communityId: string;
    gridId: string;
    compoundId?: string;
    buildingId?: string;
    householdId?: string;
    address?: string;
  };
  source?: 'app' | 'grid_patrol';
}

/** A community as the directory lists it; the detail adds its grids. */
export interface DirectoryCommunity {
  id: string;
  code: string;
  name: string;
  autoDispatch: boolean;
  active: boolean;
  grids?: Array<{ id: string; code: string; active: boolean }>;
}

/** A staff member, secretary or grid worker of a community. */
export interface DirectoryStaff {
  id: string;
  role: 'staff' | 'secretary' | 'grid_worker';
  gridIds: string[];
  active: boolean;
}

/** A household of a community (an address only). */
export interface DirectoryHousehold {
  id: string;
  gridId: string;
  compoundId: string;
  buildingId: string;
  addressLabel: string;
}

/** One entry of a member's hours ledger. */
export interface LedgerEntry {
  kind: string;
  minutes: number;
  source: { kind: string; id: string };
}

/** The loop report's figures (受理率, 办结率, 满意率 …). */
export interface LoopReport {
  counts: Record<string, number>;
  rates: Record<string, number | null>;
  open: { total: number; byDeadline: Record<string, number> };
}

/** The HTTP client of the loop's APIs. */
export class LoopClient {
  /** Requests answered 5xx and sent again; printed in the summary so a struggling service shows. */
  serverErrorsRetried = 0;

  constructor(private readonly urls: LoopUrls) {}

  /** Submits a ticket (群众点单) with an idempotency key. */
  submitTicket(token: string, submission: TicketSubmission): Promise<Ticket> {
    return this.call(token, 'POST', `${this.urls.requests}/tickets`, submission, {
      'Idempotency-Key': randomUUID(),
    });
  }

  /** A ticket as its filer or a community reader sees it. */
  ticket(token: string, ticketId: string): Promise<Ticket> {
    return this.call(token, 'GET', `${this.urls.requests}/tickets/${ticketId}`);
  }

  /** Confirms a resolved ticket with a rating. */
  confirm(token: string, ticketId: string, rating: number, comment: string): Promise<Ticket> {
    return this.call(token, 'POST', `${this.urls.requests}/tickets/${ticketId}/confirm`, { rating, comment });
  }

  /** Staff record the resident's rating taken on a callback (回访). */
  callback(token: string, ticketId: string, rating: number, comment: string): Promise<Ticket> {
    return this.call(token, 'POST', `${this.urls.requests}/tickets/${ticketId}/callback`, {
      rating,
      comment,
    });
  }

  /** The loop report of the caller's scope for the last 30 days. */
  loopReport(token: string): Promise<LoopReport> {
    return this.call(token, 'GET', `${this.urls.requests}/reports/loop`);
  }

  /** The dispatch case of a ticket with its offers (staff, secretaries, escalated officials, admins). */
  dispatchCase(token: string, ticketId: string): Promise<DispatchCase> {
    return this.call(token, 'GET', `${this.urls.dispatch}/dispatch-cases/${ticketId}`);
  }

  /** Ranked candidates for a ticket. */
  suggestion(token: string, ticketId: string): Promise<Suggestion> {
    return this.call(token, 'GET', `${this.urls.dispatch}/dispatch-cases/${ticketId}/suggestion`);
  }

  /** Offers a waiting ticket to a member or property company by hand (社区派单). */
  dispatch(token: string, ticketId: string, assignee: Assignment['assignee']): Promise<Assignment> {
    return this.call(token, 'POST', `${this.urls.dispatch}/dispatch-cases/${ticketId}/dispatch`, {
      assignee,
    });
  }

  /** Accepts an offer (党员接单). */
  accept(token: string, assignmentId: string): Promise<Assignment> {
    return this.call(token, 'POST', `${this.urls.dispatch}/assignments/${assignmentId}/accept`);
  }

  /** Declines an offer with a reason. */
  decline(token: string, assignmentId: string, reasonCode: string): Promise<Assignment> {
    return this.call(token, 'POST', `${this.urls.dispatch}/assignments/${assignmentId}/decline`, {
      reasonCode,
    });
  }

  /** Starts accepted work. */
  start(token: string, assignmentId: string): Promise<Assignment> {
    return this.call(token, 'POST', `${this.urls.dispatch}/assignments/${assignmentId}/start`);
  }

  /** Reports the work done with the minutes spent. */
  complete(token: string, assignmentId: string, minutesSpent: number, note: string): Promise<Assignment> {
    return this.call(token, 'POST', `${this.urls.dispatch}/assignments/${assignmentId}/complete`, {
      minutesSpent,
      note,
    });
  }

  /** Communities the caller manages (all for admins). */
  communities(token: string): Promise<DirectoryCommunity[]> {
    return this.call(token, 'GET', `${this.urls.dispatch}/directory/communities`);
  }

  /** A community with its grids. */
  community(token: string, communityId: string): Promise<DirectoryCommunity> {
    return this.call(token, 'GET', `${this.urls.dispatch}/directory/communities/${communityId}`);
  }

  /** A community's staff, secretaries and grid workers. */
  staffOf(token: string, communityId: string): Promise<DirectoryStaff[]> {
    return this.call(token, 'GET', `${this.urls.dispatch}/directory/communities/${communityId}/staff`);
  }

  /** A page of a grid's households. */
  /** The residents registered to a household (居民住户登记). */
  async residentsOf(token: string, householdId: string): Promise<string[]> {
    const found = await this.call<{ residentIds: string[] }>(
      token,
      'GET',
      `${this.urls.dispatch}/directory/households/${householdId}/residents`,
    );
    return found.residentIds;
  }

  householdsOf(
    token: string,
    communityId: string,
    gridId: string,
    limit: number,
  ): Promise<DirectoryHousehold[]> {
    const query = new URLSearchParams({ gridId, limit: String(limit) });
    return this.call(
      token,
      'GET',
      `${this.urls.dispatch}/directory/communities/${communityId}/households?${query}`,
    );
  }

  /** The caller's unread notifications. */
  async unreadCount(token: string): Promise<number> {
    const body = await this.call<{ unread: number }>(
      token,
      'GET',
      `${this.urls.notifications}/me/notifications/unread-count`,
    );
    return body.unread;
  }

  /** A member's ledger entries (credits, reversals, adjustments) with their sources. */
  async statementEntries(token: string, memberId: string): Promise<LedgerEntry[]> {
    const body = await this.call<{ entries: LedgerEntry[] }>(
      token,
      'GET',
      `${this.urls.volunteerHours}/members/${memberId}/statement`,
    );
    return body.entries;
  }

  // A 5xx rolled its transaction back (a deadlock, a broker hiccup), so sending the same request again is
  // safe: submissions carry the same Idempotency-Key, and a step that did happen answers 409.
  private async call<T>(
    token: string,
    method: 'GET' | 'POST',
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.once<T>(token, method, url, body, headers);
      } catch (error) {
        if (!(error instanceof LoopApiError && error.status >= 500) || attempt > maxRetries) throw error;
        this.serverErrorsRetried += 1;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  }

  private async once<T>(
    token: string,
    method: 'GET' | 'POST',
    url: string,
    body: unknown,
    headers: Record<string, string>,
  ): Promise<T> {
    const response = await fetch(url, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (!response.ok) {
      const problem = (parsed ?? {}) as { code?: string; detail?: string; title?: string };
      throw new LoopApiError(
        response.status,
        problem.code,
        `${method} ${url} → ${response.status} ${problem.code ?? ''} ${problem.detail ?? problem.title ?? ''}`.trim(),
      );
    }
    return parsed as T;
  }
}
