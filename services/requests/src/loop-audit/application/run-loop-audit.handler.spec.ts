import { LOOP_AUDIT_BATCH_SIZE } from '@loop/contracts';
import { register } from 'prom-client';
import { RequestsConfig } from '../../config/requests.config';
import { AuditedEvent, AuditedTicket } from '../domain/loop-reconciliation';
import { LoopAuditFactsTypeormRepository } from '../infrastructure/loop-audit-facts.typeorm-repository';
import { LoopAuditPeerError, LoopAuditPeersHttpClient } from '../infrastructure/loop-audit-peers.http-client';
import { RunLoopAuditHandler } from './run-loop-audit.handler';

const now = new Date('2026-04-01T08:00:00.000Z');
const hourAgo = new Date(now.getTime() - 3600_000);

// Tickets t-0000 … sorted by id, every one submitted and owned; each with three events.
function ticketsAndEvents(count: number) {
  const tickets: AuditedTicket[] = Array.from({ length: count }, (_, index) => ({
    id: `t-${String(index).padStart(4, '0')}`,
    number: `LC-2026-${String(index).padStart(6, '0')}`,
    status: 'submitted',
    statusChangedAt: hourAgo,
    autoConfirmTimerDueAt: null,
  }));
  const events: AuditedEvent[] = tickets.flatMap((ticket) =>
    [0, 1, 2].map((n) => ({
      eventId: `${ticket.id}-e${n}`,
      ticketId: ticket.id,
      type: 'ticket.submitted',
      occurredAt: hourAgo,
      recordedAt: hourAgo,
    })),
  );
  return { tickets, events };
}

function handlerOver(count: number, peersOverride: Partial<LoopAuditPeersHttpClient> = {}) {
  const { tickets, events } = ticketsAndEvents(count);
  const pages: Array<{ afterId: string | null; limit: number }> = [];
  const facts = {
    ticketPage: async (_since: Date, afterId: string | null, limit: number) => {
      pages.push({ afterId, limit });
      return tickets.filter((ticket) => afterId === null || ticket.id > afterId).slice(0, limit);
    },
    eventsOf: async (ids: readonly string[]) => events.filter((event) => ids.includes(event.ticketId)),
  } as unknown as LoopAuditFactsTypeormRepository;
  const asked = { dispatch: [] as string[][], hours: [] as string[][], notifications: [] as string[][] };
  const peers = {
    dispatchCases: async (ids: string[]) => {
      asked.dispatch.push(ids);
      return ids.map((ticketId) => ({
        ticketId,
        status: 'awaiting_dispatch',
        owner: { kind: 'community' as const, id: 'c-01' },
        nextDeadlineAt: new Date(now.getTime() + 3600_000).toISOString(),
        minutesSpent: null,
        completedByKind: null,
      }));
    },
    ticketHours: async (ids: string[]) => {
      asked.hours.push(ids);
      return [];
    },
    eventNotifications: async (ids: string[]) => {
      asked.notifications.push(ids);
      return ids.map((eventId) =>
        eventId === 't-0001-e2'
          ? { eventId, handled: false, notifications: 0 }
          : { eventId, handled: true, notifications: 1 },
      );
    },
    ...peersOverride,
  } as unknown as LoopAuditPeersHttpClient;
  const config = Object.assign(new RequestsConfig(), { LOOP_AUDIT_SETTLE_SECONDS: 60 });
  const handler = new RunLoopAuditHandler(facts, peers, config, { now: () => now });
  return { handler, pages, asked };
}

async function metricValue(name: string, labels: Record<string, string>): Promise<number | undefined> {
  const metric = await register.getSingleMetric(name)?.get();
  return metric?.values.find((value) =>
    Object.entries(labels).every(([key, expected]) => value.labels[key] === expected),
  )?.value;
}

describe('running the loop audit', () => {
  it('pages through the tickets by id, asking each peer once per page and notifications in batches of 500', async () => {
    const count = LOOP_AUDIT_BATCH_SIZE + 20;
    const { handler, pages, asked } = handlerOver(count);
    const report = await handler.execute('token-1');
    expect(pages.map((page) => page.afterId)).toEqual([
      null,
      `t-${String(LOOP_AUDIT_BATCH_SIZE - 1).padStart(4, '0')}`,
    ]);
    expect(asked.dispatch.map((ids) => ids.length)).toEqual([LOOP_AUDIT_BATCH_SIZE, 20]);
    expect(asked.hours.map((ids) => ids.length)).toEqual([LOOP_AUDIT_BATCH_SIZE, 20]);
    // 1500 events on the first page, 60 on the second.
    expect(asked.notifications.map((ids) => ids.length)).toEqual([500, 500, 500, 60]);
    expect(report).toMatchObject({
      checkedAt: now.toISOString(),
      closedSince: new Date(now.getTime() - 7 * 24 * 3600_000).toISOString(),
      ticketsChecked: count,
      eventsChecked: count * 3,
      findings: [expect.objectContaining({ kind: 'notification-missing', ticketId: 't-0001' })],
    });
    expect(report.counts['notification-missing']).toBe(1);
    expect(await metricValue('loop_audit_findings', { kind: 'notification-missing' })).toBe(1);
    expect(await metricValue('loop_audit_findings', { kind: 'open-without-owner' })).toBe(0);
    expect(await metricValue('loop_audit_last_completed_timestamp_seconds', {})).toBe(now.getTime() / 1000);
  });

  it('audits closed tickets from the instant the caller gives', async () => {
    const { handler } = handlerOver(1);
    const since = new Date('2026-03-01T00:00:00.000Z');
    expect((await handler.execute('token-1', since)).closedSince).toBe(since.toISOString());
  });

  it('fails the whole audit when a peer fails, and counts the run as failed', async () => {
    const before = (await metricValue('loop_audit_runs_total', { outcome: 'failed' })) ?? 0;
    const { handler } = handlerOver(3, {
      ticketHours: async () => {
        throw new LoopAuditPeerError('volunteer-hours', 'answered 500');
      },
    });
    const completedBefore = await metricValue('loop_audit_last_completed_timestamp_seconds', {});
    await expect(handler.execute('token-1')).rejects.toThrow(LoopAuditPeerError);
    expect(await metricValue('loop_audit_runs_total', { outcome: 'failed' })).toBe(before + 1);
    expect(await metricValue('loop_audit_last_completed_timestamp_seconds', {})).toBe(completedBefore);
  });
});
