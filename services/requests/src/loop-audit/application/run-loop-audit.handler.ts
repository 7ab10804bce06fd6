import { Inject, Injectable } from '@nestjs/common';
import { eventCatalogue, LOOP_AUDIT_BATCH_SIZE } from '@loop/contracts';
import { chunk, CLOCK, Clock } from '@loop/platform';
import { RequestsConfig } from '../../config/requests.config';
import {
  AuditedTicket,
  countFindings,
  LoopFinding,
  LoopFindingKind,
  loopFindingKinds,
  notifiedEventTypes,
  PeerFacts,
  reconcileLoop,
} from '../domain/loop-reconciliation';
import { LoopAuditFactsTypeormRepository } from '../infrastructure/loop-audit-facts.typeorm-repository';
import { LoopAuditPeersHttpClient } from '../infrastructure/loop-audit-peers.http-client';
import { loopAuditFindings, loopAuditLastCompleted, loopAuditRuns } from './loop-audit-metrics';

/** The audit's report: what was checked and what is broken. */
export interface LoopAuditReport {
  checkedAt: string;
  /** Closed and cancelled tickets changed since this instant were audited, with every open ticket. */
  closedSince: string;
  ticketsChecked: number;
  eventsChecked: number;
  findings: LoopFinding[];
  counts: Record<LoopFindingKind, number>;
}

/** How far back closed and cancelled tickets are audited unless the caller says. */
export const defaultClosedWindowMs = 7 * 24 * 3600 * 1000;

// Derived from the contracts: the events the notifications service consumes must each tell somebody.
const notifiedTypes = notifiedEventTypes(eventCatalogue);

/**
 * Reconciles the loop across the four services: pages through every open ticket and the recently
 * closed ones, asks dispatch, volunteer-hours and notifications for their facts about each page (all
 * three at once), and judges the page. A peer that cannot answer fails the whole audit.
 */
@Injectable()
export class RunLoopAuditHandler {
  constructor(
    private readonly facts: LoopAuditFactsTypeormRepository,
    private readonly peers: LoopAuditPeersHttpClient,
    @Inject(RequestsConfig) private readonly config: RequestsConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Runs the audit with the caller's token (forwarded to the peers); throws LoopAuditPeerError. */
  async execute(token: string, closedSince?: Date): Promise<LoopAuditReport> {
    const now = this.clock.now();
    const since = closedSince ?? new Date(now.getTime() - defaultClosedWindowMs);
    const settleMs = this.config.LOOP_AUDIT_SETTLE_SECONDS * 1000;
    const findings: LoopFinding[] = [];
    let ticketsChecked = 0;
    let eventsChecked = 0;
    try {
      let afterId: string | null = null;
      for (;;) {
        const tickets = await this.facts.ticketPage(since, afterId, LOOP_AUDIT_BATCH_SIZE);
        if (tickets.length === 0) break;
        const events = await this.facts.eventsOf(
          tickets.map((ticket) => ticket.id),
          notifiedTypes,
        );
        const peers = await this.askPeers(
          tickets,
          events.map((event) => event.eventId),
          token,
        );
        findings.push(...reconcileLoop({ tickets, events, peers, now, settleMs }));
        ticketsChecked += tickets.length;
        eventsChecked += events.length;
        if (tickets.length < LOOP_AUDIT_BATCH_SIZE) break;
        afterId = tickets[tickets.length - 1].id;
      }
    } catch (error) {
      loopAuditRuns().inc({ outcome: 'failed' });
      throw error;
    }
    const counts = countFindings(findings);
    for (const kind of loopFindingKinds) loopAuditFindings().set({ kind }, counts[kind]);
    loopAuditRuns().inc({ outcome: findings.length ? 'findings' : 'clean' });
    loopAuditLastCompleted().set(now.getTime() / 1000);
    return {
      checkedAt: now.toISOString(),
      closedSince: since.toISOString(),
      ticketsChecked,
      eventsChecked,
      findings,
      counts,
    };
  }

  private async askPeers(
    tickets: readonly AuditedTicket[],
    eventIds: readonly string[],
    token: string,
  ): Promise<PeerFacts> {
    const ticketIds = tickets.map((ticket) => ticket.id);
    // A page of tickets can carry more events than one facts request may name.
    const eventBatches = chunk(eventIds, LOOP_AUDIT_BATCH_SIZE);
    const [dispatchCases, ticketHours, notificationBatches] = await Promise.all([
      this.peers.dispatchCases(ticketIds, token),
      this.peers.ticketHours(ticketIds, token),
      Promise.all(eventBatches.map((batch) => this.peers.eventNotifications(batch, token))),
    ]);
    return { dispatchCases, ticketHours, eventNotifications: notificationBatches.flat() };
  }
}
