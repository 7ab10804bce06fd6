import { randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  DeadLetterHeaders,
  deadLetterTopicName,
  hoursCreditedV1,
  resolveTopicName,
  Topics,
} from '@loop/contracts';
import {
  EventFeed,
  startTestService,
  testKafkaBrokers,
  TestService,
  TopicRecorder,
  waitFor,
} from '@loop/testing';
import { Kafka, logLevel } from 'kafkajs';
import { AppModule } from '../../src/app.module';
import { volunteerHoursServiceOptions } from '../../src/service-options';
import { aMemberId, memberRegistered, minutesAgo, TicketLoop } from './support/loop-events';
import { handledEventCount, ledgerOf, outboxEvents, queryDatabase } from './support/ledger-database';

const communityId = randomUUID();
const unitId = randomUUID();
const settle = { timeoutMs: 30_000 };

describe('crediting ticket work from the loop events on real Kafka and PostgreSQL', () => {
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

  const http = () => service.app.getHttpServer();

  it('credits the minutes spent once the resident confirms, and publishes hours.credited', async () => {
    const memberId = aMemberId();
    const loop = new TicketLoop(memberId);
    const assignmentId = randomUUID();
    const observer = await TopicRecorder.start(service, hoursCreditedV1.topic);
    try {
      await events.send(memberRegistered(memberId, communityId, unitId));
      await events.send(loop.completed(assignmentId, 45, minutesAgo(10)));
      await waitFor(async () => (await handledEventCount(service)) >= 2, {
        ...settle,
        description: 'the completion to be handled',
      });
      expect(await ledgerOf(service, memberId)).toEqual([]);

      const confirmation = loop.confirmed(assignmentId, minutesAgo(5));
      await events.send(confirmation);
      const entries = await waitFor(
        async () => {
          const rows = await ledgerOf(service, memberId);
          return rows.length === 1 && rows;
        },
        { ...settle, description: 'the credit' },
      );
      expect(entries[0]).toMatchObject({
        kind: 'credit',
        minutes: 45,
        caused_by_event_id: confirmation.eventId,
      });
      const message = await waitFor(
        () =>
          observer
            .about<{ memberId: string; minutes: number }>(hoursCreditedV1.type)
            .find((envelope) => envelope.payload.memberId === memberId)?.payload,
        { ...settle, description: 'hours.credited on Kafka' },
      );
      expect(message).toMatchObject({ minutes: 45, source: { kind: 'ticket', id: loop.ticketId } });
      const [row] = await queryDatabase<{ unit_id: string; community_id: string }>(
        service,
        `SELECT unit_id, community_id FROM ledger_entry WHERE id = $1`,
        [entries[0].id],
      );
      expect(row).toEqual({ unit_id: unitId, community_id: communityId });
    } finally {
      await observer.stop();
    }
  });

  it('credits the same when the confirmation arrives before the completion', async () => {
    const memberId = aMemberId();
    const loop = new TicketLoop(memberId);
    const assignmentId = randomUUID();
    const confirmation = loop.confirmed(assignmentId, minutesAgo(5), true);
    await events.send(confirmation);
    await waitFor(
      async () =>
        (
          await queryDatabase(service, `SELECT 1 FROM ticket_loop_fact WHERE event_id = $1`, [
            confirmation.eventId,
          ])
        ).length === 1,
      {
        ...settle,
        description: 'the confirmation to be remembered',
      },
    );
    expect(await ledgerOf(service, memberId)).toEqual([]);

    await events.send(loop.completed(assignmentId, 30, minutesAgo(8)));
    const [credit] = await waitFor(
      async () => {
        const rows = await ledgerOf(service, memberId);
        return rows.length === 1 && rows;
      },
      { ...settle, description: 'the credit after the late completion' },
    );
    expect(credit).toMatchObject({ kind: 'credit', minutes: 30, caused_by_event_id: confirmation.eventId });
    const [verifier] = await queryDatabase(
      service,
      `SELECT verified_by_role, verified_by_id FROM ledger_entry WHERE id = $1`,
      [credit.id],
    );
    expect(verifier).toEqual({ verified_by_role: 'system', verified_by_id: 'auto-confirmation' });
  });

  it('credits once however often the events are redelivered', async () => {
    const memberId = aMemberId();
    const loop = new TicketLoop(memberId);
    const assignmentId = randomUUID();
    const completion = loop.completed(assignmentId, 60, minutesAgo(20));
    const confirmation = loop.confirmed(assignmentId, minutesAgo(15));
    const before = await handledEventCount(service);
    await Promise.all([
      events.send(completion, confirmation),
      events.send(confirmation, completion),
      events.send(completion, confirmation),
    ]);
    await waitFor(
      async () =>
        (await handledEventCount(service)) >= before + 2 && (await ledgerOf(service, memberId)).length === 1,
      {
        ...settle,
        description: 'the credit',
      },
    );
    // A later event on the same partitions proves every duplicate before it was consumed too.
    const probe = loop.reopened(randomUUID(), minutesAgo(1));
    await events.send(probe);
    await waitFor(
      async () =>
        (await queryDatabase(service, `SELECT 1 FROM inbox WHERE event_id = $1`, [probe.eventId])).length ===
        1,
      {
        ...settle,
        description: 'the probe',
      },
    );
    expect((await ledgerOf(service, memberId)).map((row) => [row.kind, row.minutes])).toEqual([
      ['credit', 60],
    ]);
  });

  it('reverses the credit once when the ticket is reopened, and credits the redo without doubling', async () => {
    const memberId = aMemberId();
    const loop = new TicketLoop(memberId);
    const first = randomUUID();
    const redo = randomUUID();
    const reopen = loop.reopened(first, minutesAgo(30));
    await events.send(loop.completed(first, 40, minutesAgo(50)), loop.confirmed(first, minutesAgo(40)));
    await waitFor(async () => (await ledgerOf(service, memberId)).length === 1, {
      ...settle,
      description: 'the first credit',
    });
    await events.send(reopen, reopen);
    await waitFor(async () => (await ledgerOf(service, memberId)).length === 2, {
      ...settle,
      description: 'the reversal',
    });
    await events.send(loop.completed(redo, 25, minutesAgo(20)), loop.confirmed(redo, minutesAgo(10)), reopen);
    await waitFor(async () => (await ledgerOf(service, memberId)).length === 3, {
      ...settle,
      description: 'the redo credit',
    });

    const entries = await ledgerOf(service, memberId);
    expect(entries.map((row) => [row.kind, row.minutes])).toEqual([
      ['credit', 40],
      ['reversal', -40],
      ['credit', 25],
    ]);
    expect(entries[1].reverses_entry_id).toBe(entries[0].id);
    expect(entries[1].caused_by_event_id).toBe(reopen.eventId);
    const reversed = await outboxEvents(service, 'hours.reversed');
    expect(reversed.filter((event) => event.payload.memberId === memberId)).toHaveLength(1);
  });

  it('credits nobody for work done by a property company', async () => {
    const memberId = aMemberId();
    const loop = new TicketLoop(memberId);
    const assignmentId = randomUUID();
    const confirmation = loop.confirmed(assignmentId, minutesAgo(1));
    await events.send(loop.completed(assignmentId, 90, minutesAgo(2), true), confirmation);
    await waitFor(
      async () =>
        (await queryDatabase(service, `SELECT 1 FROM inbox WHERE event_id = $1`, [confirmation.eventId]))
          .length === 1,
      {
        ...settle,
        description: 'the confirmation',
      },
    );
    expect(
      await queryDatabase(service, `SELECT 1 FROM ledger_entry WHERE assignment_id = $1`, [assignmentId]),
    ).toEqual([]);
  });

  it('keeps one member’s chain intact when many of their tickets are credited at once across partitions', async () => {
    const memberId = aMemberId();
    const loops = Array.from({ length: 16 }, () => ({
      loop: new TicketLoop(memberId),
      assignmentId: randomUUID(),
    }));
    await Promise.all(
      loops.map(({ loop, assignmentId }, index) =>
        events.send(
          loop.completed(assignmentId, 10 + index, minutesAgo(60)),
          loop.confirmed(assignmentId, minutesAgo(59)),
        ),
      ),
    );
    await waitFor(async () => (await ledgerOf(service, memberId)).length === 16, {
      ...settle,
      description: 'sixteen credits',
    });
    const sequences = await queryDatabase<{ sequence: number }>(
      service,
      `SELECT sequence FROM ledger_entry WHERE member_id = $1 ORDER BY sequence`,
      [memberId],
    );
    expect(sequences.map((row) => row.sequence)).toEqual(Array.from({ length: 16 }, (_, index) => index + 1));
    const token = await service.tokenFor({ sub: memberId, roles: ['member'] });
    const verification = await request(http())
      .get(`/members/${memberId}/ledger/verification`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(verification.body).toMatchObject({ intact: true, entriesChecked: 16 });
    const statement = await request(http())
      .get(`/members/${memberId}/statement`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(statement.body.closingMinutes).toBe(loops.reduce((sum, _, index) => sum + 10 + index, 0));
  });

  it('parks a work.completed that breaks its contract on the dead-letter topic and keeps crediting', async () => {
    const memberId = aMemberId();
    const loop = new TicketLoop(memberId);
    const assignmentId = randomUUID();
    const broken = loop.completed(assignmentId, 30, minutesAgo(5)) as unknown as {
      payload: Record<string, unknown>;
    };
    broken.payload.minutesSpent = 5000;
    await events.sendRaw(Topics.dispatchAssignment, loop.ticketId, JSON.stringify(broken));
    const deadLetters = await TopicRecorder.start(service, deadLetterTopicName(Topics.dispatchAssignment));
    try {
      await waitFor(
        () =>
          deadLetters.messages.some(
            (message) => message.headers[DeadLetterHeaders.reason] === 'invalid_payload',
          ),
        { ...settle, description: 'the dead letter' },
      );
    } finally {
      await deadLetters.stop();
    }
    await events.send(
      loop.completed(assignmentId, 30, minutesAgo(4)),
      loop.confirmed(assignmentId, minutesAgo(3)),
    );
    await waitFor(async () => (await ledgerOf(service, memberId)).length === 1, {
      ...settle,
      description: 'the valid credit',
    });
    expect((await ledgerOf(service, memberId))[0]).toMatchObject({ minutes: 30 });
  });

  it('appends nothing new when every event is replayed from offset zero after a restart with the inbox forgotten', async () => {
    const before = await queryDatabase<{ id: string; hash: string }>(
      service,
      `SELECT id, hash FROM ledger_entry ORDER BY member_id, sequence`,
    );
    const handledBefore = await handledEventCount(service);
    expect(before.length).toBeGreaterThan(0);

    // Stop the consumers, rewind the group to the start of its topics and forget every handled event:
    // the worst replay there is — only the ledger's own exactly-once guard stands.
    await service.restart(async () => {
      const admin = new Kafka({
        brokers: testKafkaBrokers(),
        clientId: `${service.namespace.clientId}-admin`,
        logLevel: logLevel.NOTHING,
      }).admin();
      await admin.connect();
      try {
        const groupId = `${service.namespace.groupPrefix}volunteer-hours`;
        for (const topic of [
          'requests.ticket.v1',
          'dispatch.assignment.v1',
          'dispatch.directory.v1',
          'hours.activity.v1',
        ]) {
          await admin.resetOffsets({
            groupId,
            topic: resolveTopicName(topic, service.namespace.topicPrefix),
            earliest: true,
          });
        }
      } finally {
        await admin.disconnect();
      }
      await queryDatabase(service, `DELETE FROM inbox`);
    });
    await waitFor(async () => (await handledEventCount(service)) >= handledBefore, {
      timeoutMs: 60_000,
      description: 'the replay',
    });

    const after = await queryDatabase<{ id: string; hash: string }>(
      service,
      `SELECT id, hash FROM ledger_entry ORDER BY member_id, sequence`,
    );
    expect(after).toEqual(before);
    const verification = await request(http())
      .get('/ledger/verification')
      .set('Authorization', `Bearer ${await service.tokenFor({ sub: 'admin-1', roles: ['admin'] })}`)
      .expect(200);
    expect(verification.body).toMatchObject({ intact: true, entriesChecked: before.length });
  });
});
