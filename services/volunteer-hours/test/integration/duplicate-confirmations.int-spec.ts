import { randomUUID } from 'node:crypto';
import { buildEnvelope, EventEnvelope, ticketConfirmedV1 } from '@loop/contracts';
import { EventFeed, startTestService, TestService, waitFor } from '@loop/testing';
import { AppModule } from '../../src/app.module';
import { volunteerHoursServiceOptions } from '../../src/service-options';
import { aMemberId, memberRegistered, minutesAgo, TicketLoop } from './support/loop-events';
import { ledgerOf, queryDatabase } from './support/ledger-database';

const communityId = randomUUID();
const unitId = randomUUID();
const settle = { timeoutMs: 30_000 };

// A merged duplicate's own verdict on its master's work (ADR 0016): it names the master's assignment.
function duplicateConfirmed(masterTicketId: string, assignmentId: string, confirmedAt: Date): EventEnvelope {
  return buildEnvelope(
    ticketConfirmedV1,
    {
      ticketId: randomUUID(),
      assignmentId,
      rating: 4,
      auto: false,
      confirmedBy: 'resident',
      duplicateOf: masterTicketId,
      confirmedAt: confirmedAt.toISOString(),
    },
    { actor: { role: 'resident', id: 'resident-duplicate' } },
  );
}

describe('confirmations of merged duplicate reports', () => {
  let service: TestService;
  let events: EventFeed;

  beforeAll(async () => {
    service = await startTestService(AppModule, volunteerHoursServiceOptions);
    events = await EventFeed.connect(service);
  });

  afterAll(async () => {
    await events?.close();
    await service?.close();
  });

  const inboxHolds = async (eventId: string) =>
    (await queryDatabase(service, `SELECT 1 FROM inbox WHERE event_id = $1`, [eventId])).length > 0;

  it('credits the work once, for the master’s confirmation, when duplicates confirm before and after it', async () => {
    const memberId = aMemberId();
    const master = new TicketLoop(memberId);
    const assignmentId = randomUUID();
    await events.send(memberRegistered(memberId, communityId, unitId));
    await events.send(master.completed(assignmentId, 35, minutesAgo(10)));
    const early = duplicateConfirmed(master.ticketId, assignmentId, minutesAgo(8));
    await events.send(early);
    await waitFor(() => inboxHolds(early.eventId).then((held) => held || undefined), {
      ...settle,
      description: 'the early duplicate confirmation handled',
    });
    expect(await ledgerOf(service, memberId)).toEqual([]);

    const confirmation = master.confirmed(assignmentId, minutesAgo(5));
    const late = duplicateConfirmed(master.ticketId, assignmentId, minutesAgo(4));
    await events.send(confirmation, late);
    await waitFor(() => inboxHolds(late.eventId).then((held) => held || undefined), {
      ...settle,
      description: 'the late duplicate confirmation handled',
    });
    const ledger = await waitFor(
      async () => {
        const rows = await ledgerOf(service, memberId);
        return rows.length > 0 ? rows : undefined;
      },
      { ...settle, description: 'the credit' },
    );

    expect(ledger).toEqual([
      expect.objectContaining({ kind: 'credit', minutes: 35, caused_by_event_id: confirmation.eventId }),
    ]);
    const remembered = await queryDatabase(
      service,
      `SELECT 1 FROM ticket_loop_fact WHERE event_id = ANY($1)`,
      [[early.eventId, late.eventId]],
    );
    expect(remembered).toEqual([]);
  });

  it('never lets a duplicate’s confirmation take a completion its master has not confirmed', async () => {
    const memberId = aMemberId();
    const master = new TicketLoop(memberId);
    const assignmentId = randomUUID();
    await events.send(memberRegistered(memberId, communityId, unitId));
    const early = duplicateConfirmed(master.ticketId, assignmentId, minutesAgo(9));
    await events.send(early, master.completed(assignmentId, 20, minutesAgo(8)));
    await waitFor(() => inboxHolds(early.eventId).then((held) => held || undefined), {
      ...settle,
      description: 'the duplicate confirmation handled',
    });
    const completedHandled = await waitFor(
      async () =>
        (
          await queryDatabase(service, `SELECT 1 FROM ticket_loop_fact WHERE assignment_id = $1`, [
            assignmentId,
          ])
        ).length > 0 || undefined,
      { ...settle, description: 'the completion remembered' },
    );

    expect(completedHandled).toBe(true);
    expect(await ledgerOf(service, memberId)).toEqual([]);
  });
});
