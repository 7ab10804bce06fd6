import { randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  EventFeed,
  itGuardsTheAuditFactsEndpoint,
  startTestService,
  TestService,
  waitFor,
} from '@loop/testing';
import { AppModule } from '../../src/app.module';
import { volunteerHoursServiceOptions } from '../../src/service-options';
import { ledgerOf, queryDatabase } from './support/ledger-database';
import { aMemberId, memberRegistered, minutesAgo, TicketLoop } from './support/loop-events';

const communityId = randomUUID();
const unitId = randomUUID();
const settle = { timeoutMs: 30_000 };

describe('the loop auditor asking the hours ledger for its ticket facts', () => {
  let service: TestService;
  let events: EventFeed;
  let admin: string;
  let staff: string;
  const http = () => request(service.app.getHttpServer());
  const factsOf = async (ids: string[]) =>
    (await http().post('/audit/ticket-hours').set('Authorization', admin).send({ ids }).expect(200)).body as {
      tickets: Array<Record<string, unknown>>;
    };

  beforeAll(async () => {
    service = await startTestService(AppModule, volunteerHoursServiceOptions);
    events = await EventFeed.connect(service);
    admin = `Bearer ${await service.tokenFor({ sub: 'admin-1', roles: ['admin'] })}`;
    staff = `Bearer ${await service.tokenFor({ sub: 'staff-1', roles: ['staff'], community_ids: [communityId] })}`;
  });

  afterAll(async () => {
    await events?.close();
    await service?.close();
  });

  it('counts the credits and the reversal of a reopened and redone ticket, with the minutes that stand', async () => {
    const memberId = aMemberId();
    const loop = new TicketLoop(memberId);
    const first = randomUUID();
    const redo = randomUUID();
    await events.send(memberRegistered(memberId, communityId, unitId));
    await waitFor(
      async () =>
        (await queryDatabase(service, `SELECT 1 FROM member_profile WHERE member_id = $1`, [memberId]))
          .length === 1,
      { ...settle, description: 'the member profile' },
    );
    await events.send(
      loop.completed(first, 40, minutesAgo(50)),
      loop.confirmed(first, minutesAgo(40)),
      loop.reopened(first, minutesAgo(30)),
      loop.completed(redo, 25, minutesAgo(20)),
      loop.confirmed(redo, minutesAgo(10)),
    );
    await waitFor(async () => (await ledgerOf(service, memberId)).length === 3, {
      ...settle,
      description: 'credit, reversal and redo credit',
    });

    expect((await factsOf([loop.ticketId])).tickets).toEqual([
      { ticketId: loop.ticketId, credits: 2, reversals: 1, standingCredits: 1, netMinutes: 25 },
    ]);

    // A staff correction naming the ticket moves its minutes but is neither a credit nor a reversal;
    // one naming no source says nothing about any ticket.
    for (const body of [
      { minutes: 5, reason: '补录路途时间', source: { kind: 'ticket', id: loop.ticketId } },
      { minutes: 15, reason: '补录活动签到' },
    ])
      await http()
        .post(`/members/${memberId}/adjustments`)
        .set('Authorization', staff)
        .send(body)
        .expect(201);
    expect((await factsOf([loop.ticketId])).tickets).toEqual([
      { ticketId: loop.ticketId, credits: 2, reversals: 1, standingCredits: 1, netMinutes: 30 },
    ]);
  });

  it('answers zeros for a ticket the ledger has nothing for', async () => {
    const unknown = randomUUID();
    expect((await factsOf([unknown, unknown])).tickets).toEqual([
      { ticketId: unknown, credits: 0, reversals: 0, standingCredits: 0, netMinutes: 0 },
    ]);
  });

  itGuardsTheAuditFactsEndpoint({
    path: '/audit/ticket-hours',
    responseSchema: 'TicketHoursFactsResponseDto',
    service: () => service,
  });
});
