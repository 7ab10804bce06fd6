// A small typed client of the loop's public HTTP APIs — requests, dispatch, volunteer-hours and
// notifications — as the stories and the crash-and-restart proof drive them. Every call names its caller by
// token; a refused call throws HttpCallError with the status and problem body; anything eventual is
// polled with waitFor (the loop is asynchronous: a submitted ticket reaches dispatch through Kafka).
import { randomUUID } from 'node:crypto';
import { waitFor } from '@loop/testing';
import { callJson } from './http-json';

/** The four services by name, as LoopCluster names them. */
export type LoopServiceName = 'requests' | 'dispatch' | 'volunteer-hours' | 'notifications';

/** Anything that knows where the services listen (a LoopCluster does). */
export interface LoopServiceUrls {
  /** Base URL of one service's HTTP API. */
  url(service: LoopServiceName): string;
}

/** Where the need is: community and grid, and the household when a resident asks for their home. */
export interface TicketLocation {
  communityId: string;
  gridId: string;
  compoundId?: string;
  buildingId?: string;
  householdId?: string;
  address?: string;
}

/** A new ticket (群众点单), as POST /tickets takes it. */
export interface NewTicket {
  categoryCode: string;
  urgency: 'normal' | 'urgent' | 'emergency';
  title: string;
  description: string;
  location: TicketLocation;
  residentId?: string;
  source?: 'app' | 'grid_patrol' | 'hotline' | 'walk_in';
  contact?: { name?: string; phone?: string };
}

/** One entry of a ticket's timeline. */
export interface TimelineEntry {
  eventId: string;
  type: string;
  occurredAt: string;
  actor: Record<string, unknown> | null;
  summary: string;
  outcome: string;
  details: Record<string, unknown>;
}

/** A ticket as requests shows it, with its timeline. */
export interface Ticket {
  id: string;
  number: string;
  status:
    | 'submitted'
    | 'dispatched'
    | 'accepted'
    | 'in_progress'
    | 'resolved'
    | 'closed'
    | 'cancelled'
    | 'reopened';
  categoryCode: string;
  urgency: string;
  communityId: string;
  gridId: string;
  escalationLevel: number;
  rating: number | null;
  owner: { kind: string; id: string } | null;
  nextDeadlineAt: string | null;
  residentId: string | null;
  source: string;
  assignmentId: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  cancelledAt: string | null;
  autoConfirmed: boolean;
  reopenCount: number;
  timeline: TimelineEntry[];
}

/** The figures of the monthly report for one community or the district. */
export interface MonthlyFigures {
  received: number;
  acceptanceRate: number | null;
  completionRate: number | null;
  satisfactionRate: number | null;
  service: {
    activeMembers: number;
    minutesServed: number;
    activitiesHeld: number;
    activityAttendances: number;
  } | null;
  coverage: {
    households: number;
    householdsLinked: number;
    coverageRate: number | null;
    members: number;
  } | null;
}

/** The monthly community report (联席会月报). */
export interface MonthlyReport {
  month: string;
  district: MonthlyFigures;
  communities: Array<{ communityId: string; name: string | null; figures: MonthlyFigures }>;
  unavailable: string[];
}

/** Who an offer or assignment is for. */
export interface Assignee {
  kind: 'member' | 'property_company';
  id: string;
}

/** An offer or assignment as dispatch shows it. */
export interface Assignment {
  id: string;
  ticketId: string;
  communityId: string;
  gridId: string;
  assignee: Assignee;
  status: string;
  mode: string;
  attempt: number;
  offerExpiresAt: string;
  minutesSpent: number | null;
  note: string | null;
  reasonCode: string | null;
}

/** A ticket as dispatch sees it, with every offer made. */
export interface DispatchCase {
  ticketId: string;
  communityId: string;
  status: string;
  attempts: number;
  returns: number;
  currentAssignmentId: string | null;
  escalation: { level: number; reason: string; escalatedTo: { role: string; id: string } } | null;
  assignee: Assignee | null;
  nextDeadline: { kind: 'accept' | 'complete'; at: string } | null;
  offers?: Assignment[];
}

/** Ranked candidates for a ticket, and the property company where the category allows one. */
export interface Suggestion {
  ticketId: string;
  candidates: { memberId: string; score: number; reasons: { code?: string }[] }[];
  propertyCompany: { id: string } | null;
}

/** One line of a member's hours statement. */
export interface LedgerLine {
  entryId: string;
  kind: string;
  minutes: number;
  balanceMinutes: number;
  source: { kind: 'ticket' | 'activity'; id: string } | null;
  reversesEntryId: string | null;
}

/** A member's hours statement (服务时长明细). */
export interface Statement {
  memberId: string;
  closingMinutes: number;
  entries: LedgerLine[];
}

/** One notification in an inbox. */
export interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string;
  ticketId: string | null;
  causedByEventType: string;
}

/** The loop report (受理率, 办结率 …) of a scope. */
export interface LoopReport {
  counts: Record<string, number>;
  rates: Record<string, number | null>;
  open: { total: number } & Record<string, unknown>;
}

/** A volunteer activity to publish. */
export interface NewActivity {
  title: string;
  description?: string;
  place: string;
  communityId: string;
  categoryCode: string;
  skills: string[];
  startsAt: string;
  endsAt: string;
  capacity: number;
}

/** A published activity. */
export interface Activity extends NewActivity {
  activityId: string;
  signedUp: number;
  placesLeft: number;
}

/** A member's sign-up and attendance at an activity. */
export interface SignUp {
  activityId: string;
  memberId: string;
  status: string;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  creditedMinutes: number | null;
}

/** How long eventual outcomes are awaited (Kafka hops, timers). */
const eventualMs = 30_000;

/** The loop's public HTTP APIs, one method per call a person in a story makes. */
export class LoopApi {
  constructor(private readonly services: LoopServiceUrls) {}

  private url(service: LoopServiceName, path: string): string {
    return `${this.services.url(service)}${path}`;
  }

  // ── requests: 群众点单, follow, cancel, confirm, reopen, reports ──

  /** Submits a ticket (a fresh Idempotency-Key unless one is given). */
  submitTicket(token: string, ticket: NewTicket, idempotencyKey: string = randomUUID()): Promise<Ticket> {
    return callJson('POST', this.url('requests', '/tickets'), {
      token,
      body: ticket,
      headers: { 'Idempotency-Key': idempotencyKey },
    });
  }

  /** One ticket with its timeline. */
  readTicket(token: string, ticketId: string): Promise<Ticket> {
    return callJson('GET', this.url('requests', `/tickets/${ticketId}`), { token });
  }

  /** Polls a ticket until `condition` holds; resolves with that reading. */
  waitForTicket(
    token: string,
    ticketId: string,
    condition: (ticket: Ticket) => boolean,
    description: string,
    timeoutMs = eventualMs,
  ): Promise<Ticket> {
    return waitFor(
      async () => {
        const ticket = await this.readTicket(token, ticketId);
        return condition(ticket) ? ticket : undefined;
      },
      { timeoutMs, intervalMs: 100, description: `ticket ${ticketId}: ${description}` },
    );
  }

  /** Polls a ticket until it reaches `status`. */
  waitForStatus(
    token: string,
    ticketId: string,
    status: Ticket['status'],
    timeoutMs = eventualMs,
  ): Promise<Ticket> {
    return this.waitForTicket(
      token,
      ticketId,
      (ticket) => ticket.status === status,
      `status ${status}`,
      timeoutMs,
    );
  }

  /** Cancels a ticket that is not yet resolved. */
  cancel(token: string, ticketId: string, reasonCode = 'withdrawn', reasonText?: string): Promise<Ticket> {
    return callJson('POST', this.url('requests', `/tickets/${ticketId}/cancel`), {
      token,
      body: { reasonCode, ...(reasonText ? { reasonText } : {}) },
    });
  }

  /** Confirms a resolved ticket with a rating 1–5 (closes it). */
  confirm(token: string, ticketId: string, rating: number, comment?: string): Promise<Ticket> {
    return callJson('POST', this.url('requests', `/tickets/${ticketId}/confirm`), {
      token,
      body: { rating, ...(comment ? { comment } : {}) },
    });
  }

  /** Staff record the resident's rating taken on a callback (回访). */
  callback(token: string, ticketId: string, rating: number, comment?: string): Promise<Ticket> {
    return callJson('POST', this.url('requests', `/tickets/${ticketId}/callback`), {
      token,
      body: { rating, ...(comment ? { comment } : {}) },
    });
  }

  /** Reopens a resolved or closed ticket within the reopening window. */
  reopen(token: string, ticketId: string, reasonCode: string, reasonText: string): Promise<Ticket> {
    return callJson('POST', this.url('requests', `/tickets/${ticketId}/reopen`), {
      token,
      body: { reasonCode, reasonText },
    });
  }

  /** The loop report of the caller's scope (or a community of it). */
  loopReport(
    token: string,
    query: { communityId?: string; from?: string; to?: string } = {},
  ): Promise<LoopReport> {
    const search = new URLSearchParams(Object.entries(query).filter(([, value]) => value !== undefined));
    return callJson('GET', this.url('requests', `/reports/loop?${search}`), { token });
  }

  /** The monthly community report (联席会月报) of a month `YYYY-MM`, as JSON. */
  monthlyReport(token: string, month: string, communityId?: string): Promise<MonthlyReport> {
    const search = new URLSearchParams({ month, ...(communityId ? { communityId } : {}) });
    return callJson('GET', this.url('requests', `/reports/monthly?${search}`), { token });
  }

  /** The same report as the printable page. */
  async monthlyReportPage(token: string, month: string, communityId: string): Promise<string> {
    const search = new URLSearchParams({ month, communityId, format: 'html' });
    const response = await fetch(this.url('requests', `/reports/monthly?${search}`), {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!response.ok) throw new Error(`the monthly report page answered ${response.status}`);
    return response.text();
  }

  // ── dispatch: offers and work (党员接单), staff dispatch (社区派单), escalations ──

  /** Offers waiting for the member's (or property company's) answer. */
  offers(token: string): Promise<Assignment[]> {
    return callJson('GET', this.url('dispatch', '/me/offers'), { token });
  }

  /** Work the member accepted, started or not. */
  tasks(token: string): Promise<Assignment[]> {
    return callJson('GET', this.url('dispatch', '/me/tasks'), { token });
  }

  /** Waits until the ticket is on offer to the token's holder; resolves with the offer. */
  waitForOffer(token: string, ticketId: string, timeoutMs = eventualMs): Promise<Assignment> {
    return waitFor(async () => (await this.offers(token)).find((offer) => offer.ticketId === ticketId), {
      timeoutMs,
      description: `an offer of ticket ${ticketId}`,
    });
  }

  /** Accepts an offer. */
  accept(token: string, assignmentId: string): Promise<Assignment> {
    return callJson('POST', this.url('dispatch', `/assignments/${assignmentId}/accept`), { token });
  }

  /** Declines an offer with a reason; the work goes to the next candidate. */
  decline(
    token: string,
    assignmentId: string,
    reasonCode = 'busy',
    reasonText?: string,
  ): Promise<Assignment> {
    return callJson('POST', this.url('dispatch', `/assignments/${assignmentId}/decline`), {
      token,
      body: { reasonCode, ...(reasonText ? { reasonText } : {}) },
    });
  }

  /** Starts accepted work. */
  start(token: string, assignmentId: string): Promise<Assignment> {
    return callJson('POST', this.url('dispatch', `/assignments/${assignmentId}/start`), { token });
  }

  /** Reports the work done with the minutes spent. */
  complete(token: string, assignmentId: string, minutesSpent: number, note?: string): Promise<Assignment> {
    return callJson('POST', this.url('dispatch', `/assignments/${assignmentId}/complete`), {
      token,
      body: { minutesSpent, ...(note ? { note } : {}) },
    });
  }

  /** Accepts, starts and completes an offer: the member's whole part of one loop. */
  async doTheWork(
    token: string,
    assignmentId: string,
    minutesSpent: number,
    note?: string,
  ): Promise<Assignment> {
    await this.accept(token, assignmentId);
    await this.start(token, assignmentId);
    return this.complete(token, assignmentId, minutesSpent, note);
  }

  /** The ticket's dispatch case with every offer made (staff, secretary, official, admin). */
  dispatchCase(token: string, ticketId: string): Promise<DispatchCase> {
    return callJson('GET', this.url('dispatch', `/dispatch-cases/${ticketId}`), { token });
  }

  /** Polls the dispatch case until `condition` holds (the case appears once dispatch has the ticket). */
  waitForDispatchCase(
    token: string,
    ticketId: string,
    condition: (dispatchCase: DispatchCase) => boolean,
    description: string,
    timeoutMs = eventualMs,
  ): Promise<DispatchCase> {
    return waitFor(
      async () => {
        const found = await this.dispatchCase(token, ticketId);
        return condition(found) ? found : undefined;
      },
      { timeoutMs, description: `dispatch case ${ticketId}: ${description}` },
    );
  }

  /** Ranked candidates for a waiting ticket. */
  suggestion(token: string, ticketId: string): Promise<Suggestion> {
    return callJson('GET', this.url('dispatch', `/dispatch-cases/${ticketId}/suggestion`), { token });
  }

  /** Staff offer a waiting ticket to a member or a property company (社区派单). */
  dispatch(token: string, ticketId: string, assignee: Assignee): Promise<Assignment> {
    return callJson('POST', this.url('dispatch', `/dispatch-cases/${ticketId}/dispatch`), {
      token,
      body: { assignee },
    });
  }

  /** Open tickets escalated to the caller's level (officials, secretaries). */
  escalationsMine(token: string): Promise<DispatchCase[]> {
    return callJson('GET', this.url('dispatch', '/escalations/mine'), { token });
  }

  // ── volunteer-hours: the ledger and volunteer activities ──

  /** A member's hours statement. */
  statement(token: string, memberId: string): Promise<Statement> {
    return callJson('GET', this.url('volunteer-hours', `/members/${memberId}/statement`), { token });
  }

  /** Polls a member's statement until `condition` holds. */
  waitForStatement(
    token: string,
    memberId: string,
    condition: (statement: Statement) => boolean,
    description: string,
    timeoutMs = eventualMs,
  ): Promise<Statement> {
    return waitFor(
      async () => {
        const statement = await this.statement(token, memberId);
        return condition(statement) ? statement : undefined;
      },
      { timeoutMs, description: `statement of ${memberId}: ${description}` },
    );
  }

  /** Publishes a volunteer activity (staff of its community). */
  publishActivity(token: string, activity: NewActivity): Promise<Activity> {
    return callJson('POST', this.url('volunteer-hours', '/activities'), { token, body: activity });
  }

  /** The member signs up for an activity. */
  signUp(token: string, activityId: string): Promise<SignUp> {
    return callJson('POST', this.url('volunteer-hours', `/activities/${activityId}/sign-ups`), { token });
  }

  /** The organiser checks a member in. */
  checkIn(token: string, activityId: string, memberId: string): Promise<SignUp> {
    return callJson(
      'POST',
      this.url('volunteer-hours', `/activities/${activityId}/sign-ups/${memberId}/check-in`),
      {
        token,
      },
    );
  }

  /** The organiser checks a member out, optionally approving `minutes` (capped by the window). */
  checkOut(token: string, activityId: string, memberId: string, minutes?: number): Promise<SignUp> {
    return callJson(
      'POST',
      this.url('volunteer-hours', `/activities/${activityId}/sign-ups/${memberId}/check-out`),
      {
        token,
        body: minutes === undefined ? {} : { minutes },
      },
    );
  }

  // ── notifications: everyone told ──

  /** The newest notifications of the token's holder (up to 100). */
  async inbox(token: string): Promise<Notification[]> {
    const page = await callJson<{ items: Notification[] }>(
      'GET',
      this.url('notifications', '/me/notifications?limit=100'),
      {
        token,
      },
    );
    return page.items;
  }

  /** Waits until the token's holder has a notification of `kind` about `ticketId`; resolves with it. */
  waitForNotification(
    token: string,
    kind: string,
    ticketId: string | null,
    timeoutMs = eventualMs,
  ): Promise<Notification> {
    return waitFor(
      async () =>
        (await this.inbox(token)).find(
          (notification) =>
            notification.kind === kind && (ticketId === null || notification.ticketId === ticketId),
        ),
      { timeoutMs, description: `a ${kind} notification about ticket ${ticketId ?? '(any)'}` },
    );
  }

  // ── the loop auditor ──

  /** The loop audit report (admin). */
  loopAudit(token: string): Promise<LoopAuditReport> {
    return callJson('GET', this.url('requests', '/audit/loop'), { token });
  }
}

/** One broken loop the auditor found. */
export interface LoopFinding {
  kind: string;
  ticketId: string;
  ticketNumber: string;
  detail: string;
}

/** What GET /audit/loop answers. */
export interface LoopAuditReport {
  findings: LoopFinding[];
  counts: Record<string, number>;
  ticketsChecked: number;
  eventsChecked: number;
}
