import { ticketMergedV1, ticketUnmergedV1 } from '@loop/contracts';
import { TestService, waitFor } from '@loop/testing';
import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  aSubmittedTicket,
  AssignmentHarness,
  startAssignmentSuite,
  tokensOf,
  waitForCase,
} from './assignment-world';

describe('a ticket merged into another report of the same problem', () => {
  let service: TestService;
  let harness: AssignmentHarness;
  let tokens: Awaited<ReturnType<typeof tokensOf>>;
  let dataSource: DataSource;
  const http = () => request(service.app.getHttpServer());

  beforeAll(async () => {
    ({ service, harness, tokens, dataSource } = await startAssignmentSuite({
      policies: [{ offerMinutes: 60, acceptMinutes: 120, completeMinutes: 600 }],
    }));
  }, 60_000);

  afterAll(async () => {
    await harness?.stop();
    await service?.close();
  });

  const merge = (ticketId: string, masterTicketId = randomUUID()) =>
    harness.feed.publish(
      ticketMergedV1,
      {
        ticketId,
        ticketNumber: 'LC-2026-000124',
        masterTicketId,
        masterTicketNumber: 'LC-2026-000123',
        auto: false,
        mergedAt: new Date().toISOString(),
      },
      { actor: { role: 'staff', id: 'staff-a' } },
    );
  const unmerge = (ticketId: string, masterTicketId: string) =>
    harness.feed.publish(
      ticketUnmergedV1,
      { ticketId, masterTicketId, reason: '不是同一问题', unmergedAt: new Date().toISOString() },
      { actor: { role: 'staff', id: 'staff-a' } },
    );

  async function timersOf(ticketId: string, assignmentIds: string[]): Promise<number> {
    const rows: Array<{ count: string }> = await dataSource.query(
      `SELECT count(*) AS count FROM durable_timer WHERE key = ANY($1)`,
      [[ticketId, ...assignmentIds]],
    );
    return Number(rows[0].count);
  }

  it('withdraws the duplicate’s offer and stops every timer, as for a withdrawn ticket', async () => {
    const ticket = aSubmittedTicket();
    await harness.submit(ticket);
    const [offer] = await harness.waitForEvents<{ assignmentId: string }>(
      ticket.ticketId,
      'ticket.dispatched',
    );

    await merge(ticket.ticketId);

    await waitForCase(service.app, ticket.ticketId, tokens.staffA, (body) => body.status === 'cancelled');
    expect(await timersOf(ticket.ticketId, [offer.payload.assignmentId])).toBe(0);
    const offers = await http().get('/me/offers').set('Authorization', tokens.linkedMember).expect(200);
    expect(offers.body.map((entry: { id: string }) => entry.id)).not.toContain(offer.payload.assignmentId);
  });

  it('dispatches an unmerged ticket again on its own, from scratch, with fresh deadlines', async () => {
    const ticket = aSubmittedTicket();
    await harness.submit(ticket);
    const [first] = await harness.waitForEvents<{ assignmentId: string }>(
      ticket.ticketId,
      'ticket.dispatched',
    );
    const masterTicketId = randomUUID();
    await merge(ticket.ticketId, masterTicketId);
    await waitForCase(service.app, ticket.ticketId, tokens.staffA, (body) => body.status === 'cancelled');

    await unmerge(ticket.ticketId, masterTicketId);

    const [, again] = await harness.waitForEvents<{ assignmentId: string; attempt: number }>(
      ticket.ticketId,
      'ticket.dispatched',
      2,
    );
    expect(again.payload.assignmentId).not.toBe(first.payload.assignmentId);
    expect(again.payload.attempt).toBe(1);
    const reopened = await waitForCase(
      service.app,
      ticket.ticketId,
      tokens.staffA,
      (body) => body.status === 'offered',
    );
    expect(reopened).toMatchObject({ attempts: 1, returns: 0 });
    expect(await timersOf(ticket.ticketId, [])).toBeGreaterThan(0);
  });

  it('ignores an unmerge of a case that was never withdrawn', async () => {
    const ticket = aSubmittedTicket();
    await harness.submit(ticket);
    await harness.waitForEvents(ticket.ticketId, 'ticket.dispatched');

    await unmerge(ticket.ticketId, randomUUID());
    // Facts of one ticket share its partition: once a later fact is applied, the unmerge was handled.
    await merge(ticket.ticketId);
    await waitForCase(service.app, ticket.ticketId, tokens.staffA, (body) => body.status === 'cancelled');

    expect(harness.eventsOf(ticket.ticketId, 'ticket.dispatched')).toHaveLength(1);
    await waitFor(async () => ((await timersOf(ticket.ticketId, [])) === 0 ? true : undefined), {
      description: 'no timers left',
    });
  });
});
