// The loop auditor's view of dispatch: per ticket, the case's status, who must act next, the next
// pending deadline and the latest completed work — read in one set-based query for a whole batch.
import { Injectable } from '@nestjs/common';
import type { DispatchCaseFacts, SummonsFacts } from '@loop/contracts';
import { DataSource } from 'typeorm';
import { SlaTimerKinds } from '../assignment/application/sla-timers';
import { dispatchCaseOwner } from './dispatch-case-owner.policy';

// Reminders before a deadline are nudges, not deadlines: the timers that count are those whose firing
// changes the case, and — past the top escalation level, where nothing is left to change — the recurring
// supervision (督办) that takes over from a breached deadline, so an open ticket always has a next one.
const ticketDeadlineKinds = [
  SlaTimerKinds.acceptDeadline,
  SlaTimerKinds.completionDeadline,
  SlaTimerKinds.acceptSupervision,
  SlaTimerKinds.completionSupervision,
];

interface CaseFactsRow {
  ticket_id: string;
  status: string;
  community_id: string;
  escalation_level: number;
  escalated_to_role: string | null;
  escalated_to_id: string | null;
  assignee_kind: string | null;
  assignee_id: string | null;
  next_deadline_at: Date | null;
  minutes_spent: number | null;
  completed_by_kind: string | null;
}

/** Reads the facts the loop auditor reconciles about dispatch cases. */
@Injectable()
export class DispatchCaseFactsQuery {
  constructor(private readonly dataSource: DataSource) {}

  /** The facts of every ticket in `ticketIds` that has a dispatch case; unknown tickets are absent. */
  async factsOf(ticketIds: readonly string[]): Promise<DispatchCaseFacts[]> {
    // Deadline timers are keyed by ticket id, offer expiries by assignment id (see sla-timers).
    const rows: CaseFactsRow[] = await this.dataSource.query(
      `SELECT c.ticket_id, c.status, c.community_id, c.escalation_level, c.escalated_to_role,
              c.escalated_to_id, cur.assignee_kind, cur.assignee_id,
              deadline.due_at AS next_deadline_at,
              done.minutes_spent, done.assignee_kind AS completed_by_kind
         FROM dispatch_case c
         LEFT JOIN assignment cur ON cur.id = c.current_assignment_id
         LEFT JOIN LATERAL (
           SELECT min(pending.due_at) AS due_at FROM (
             SELECT t.due_at FROM durable_timer t
              WHERE t.kind = ANY($2) AND t.key = c.ticket_id::text
             UNION ALL
             SELECT t.due_at FROM assignment a
               JOIN durable_timer t ON t.kind = $3 AND t.key = a.id::text
              WHERE a.ticket_id = c.ticket_id
           ) pending
         ) deadline ON true
         LEFT JOIN LATERAL (
           SELECT a.minutes_spent, a.assignee_kind FROM assignment a
            WHERE a.ticket_id = c.ticket_id AND a.completed_at IS NOT NULL
            ORDER BY a.completed_at DESC, a.attempt DESC
            LIMIT 1
         ) done ON true
        WHERE c.ticket_id = ANY($1::uuid[])
        ORDER BY c.ticket_id`,
      [ticketIds, ticketDeadlineKinds, SlaTimerKinds.offerExpiry],
    );
    const summonses = await this.openSummonsesOf(ticketIds);
    return rows.map((row) => ({
      ticketId: row.ticket_id,
      status: row.status,
      owner: dispatchCaseOwner({
        status: row.status,
        communityId: row.community_id,
        escalationLevel: Number(row.escalation_level),
        escalatedToRole: row.escalated_to_role,
        escalatedToId: row.escalated_to_id,
        assigneeKind: row.assignee_kind,
        assigneeId: row.assignee_id,
      }),
      nextDeadlineAt: row.next_deadline_at ? new Date(row.next_deadline_at).toISOString() : null,
      minutesSpent: row.minutes_spent,
      completedByKind: row.completed_by_kind,
      // Present only when the ticket has one: the facts of a ticket without summonses read as before.
      ...(summonses.has(row.ticket_id) ? { openSummonses: summonses.get(row.ticket_id) } : {}),
    }));
  }

  // Departments summoned to the tickets (吹哨报到) that have neither reported nor been released: each is an
  // owner with an arrival deadline until it checks in (ADR 0026).
  private async openSummonsesOf(ticketIds: readonly string[]): Promise<Map<string, SummonsFacts[]>> {
    const rows: Array<{
      id: string;
      ticket_id: string;
      department_id: string;
      status: string;
      arrive_due_at: Date;
      escalation_level: number;
    }> = await this.dataSource.query(
      `SELECT id, ticket_id, department_id, status, arrive_due_at, escalation_level FROM summons
        WHERE ticket_id = ANY($1::uuid[]) AND status IN ('issued', 'checked_in')
        ORDER BY ticket_id, arrive_due_at, id`,
      [ticketIds],
    );
    const byTicket = new Map<string, SummonsFacts[]>();
    for (const row of rows) {
      const list = byTicket.get(row.ticket_id) ?? [];
      list.push({
        summonsId: row.id,
        departmentId: row.department_id,
        status: row.status,
        arriveDueAt: new Date(row.arrive_due_at).toISOString(),
        escalationLevel: Number(row.escalation_level),
      });
      byTicket.set(row.ticket_id, list);
    }
    return byTicket;
  }
}
