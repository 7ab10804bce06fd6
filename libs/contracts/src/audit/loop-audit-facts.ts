// The HTTP contract of the loop auditor. The requests service reconciles the loop; it asks each other
// service for the facts only that service owns, by ticket id, through these shapes (`POST /audit/…`,
// role admin). They are plain interfaces: the auditor's peers answer with JSON, never with events.

/** At most this many ids in one facts request; the auditor pages through larger sets. */
export const LOOP_AUDIT_BATCH_SIZE = 500;

/** Body of every facts request: the tickets (or events) the auditor asks about. */
export interface LoopAuditFactsRequest {
  /** Ticket ids (for dispatch and volunteer-hours) or event ids (for notifications). */
  ids: string[];
}

/** Who must act next on an open dispatch case. */
export interface DispatchCaseOwner {
  /** member, property_company (an offer or an assignment), community (the staff's dispatch queue), or the escalation role. */
  kind: 'member' | 'property_company' | 'community' | 'secretary' | 'official';
  /** The member, company, community or official id. */
  id: string;
}

/** What dispatch knows about one ticket's case (`POST /audit/dispatch-cases`). */
export interface DispatchCaseFacts {
  /** The ticket the case belongs to. */
  ticketId: string;
  /** The case's status in dispatch: awaiting_dispatch, offered, accepted, in_progress, resolved, closed, cancelled. */
  status: string;
  /** Who must act next; null when the case is not open or nobody owns it. */
  owner: DispatchCaseOwner | null;
  /** The earliest pending durable timer (offer expiry, accept or completion deadline), ISO 8601; null when none. */
  nextDeadlineAt: string | null;
  /** Minutes the latest completed assignment recorded; null when none completed. */
  minutesSpent: number | null;
  /** Kind of the assignee who completed the work (member, property_company, …); null when none completed. */
  completedByKind: string | null;
  /** The departments summoned to the ticket (吹哨报到) that have not reported or been released; absent from older peers. */
  openSummonses?: SummonsFacts[];
}

/** One department summoned to a ticket, as the loop auditor judges it: an owner with an arrival deadline. */
export interface SummonsFacts {
  /** The summons. */
  summonsId: string;
  /** The summoned department (a directory unit). */
  departmentId: string;
  /** issued (not yet on site) or checked_in (on site, not yet reported). */
  status: string;
  /** When the department had to check in, ISO 8601. */
  arriveDueAt: string;
  /** 0 until the late department was escalated; then 1 secretary, 2 town/street, 3 county. */
  escalationLevel: number;
}

/** Answer of dispatch: one entry per known ticket; a ticket dispatch never heard of is absent. */
export interface DispatchCaseFactsResponse {
  /** The cases found. */
  cases: DispatchCaseFacts[];
}

/** The hours ledger's view of one ticket (`POST /audit/ticket-hours`). */
export interface TicketHoursFacts {
  /** The ticket the entries name as their source. */
  ticketId: string;
  /** Number of credit entries for the ticket. */
  credits: number;
  /** Number of reversal entries for the ticket. */
  reversals: number;
  /** Credits minus reversals: 1 when the ticket's hours stand, 0 when none, more when doubled. */
  standingCredits: number;
  /** Sum of the minutes of every entry (reversals negative). */
  netMinutes: number;
  /** Events of this ticket that volunteer-hours parked and has not handled since. */
  parked?: ParkedEvent[];
}

/** Answer of volunteer-hours: one entry per ticket asked about, zeros when the ledger has none. */
export interface TicketHoursFactsResponse {
  /** One entry per requested ticket id. */
  tickets: TicketHoursFacts[];
}

/** A record a service's consumer parked on a dead-letter topic and has not handled since. */
export interface ParkedEvent {
  /** The event id from the record's envelope or headers; null when the record was too broken to say. */
  eventId: string | null;
  /** The event type, when known. */
  eventType: string | null;
  /** The record's key (the ticket id for the loop's events). */
  key: string | null;
  /** Why it was parked: handler_failed, retries_exhausted, invalid_payload, … */
  reason: string;
  /** The dead-letter topic holding the record, prefix included. */
  deadLetterTopic: string;
  /** Partition of the dead-letter record. */
  partition: number;
  /** Offset of the dead-letter record, as a decimal string. */
  offset: string;
  /** When it was parked, ISO 8601. */
  parkedAt: string;
}

/** What the notifications service made of one event (`POST /audit/event-notifications`). */
export interface EventNotificationFacts {
  /** The event id asked about. */
  eventId: string;
  /**
   * True when the notifications service has handled the event — its consumer's inbox holds the event id
   * and the event is not waiting for its ticket — whether or not anybody was to be told.
   */
  handled: boolean;
  /** How many notifications (inbox entries) the event caused; 0 when none. */
  notifications: number;
  /** Where the event is parked, when notifications dead-lettered it and has not handled it since. */
  parked?: ParkedEvent;
}

/** Answer of notifications: one entry per event id asked about. */
export interface EventNotificationFactsResponse {
  /** One entry per requested event id. */
  events: EventNotificationFacts[];
}
