import { Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { InjectDataSource, TypeOrmModule } from '@nestjs/typeorm';
import { EventEnvelope, TicketSubmittedV1, ticketSubmittedV1 } from '@loop/contracts';
import { testKafkaBrokers } from '@loop/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  EventHandler,
  HandlingContext,
  MessagingLifecycle,
  messagingMigrations,
  MessagingModule,
  OutboxModule,
  OutboxWriter,
} from '../../src';
import {
  BackboneHarness,
  HandledTicketsMigration,
  quickConsumer,
  quickRelay,
  silentLogger,
} from './support/backbone-harness';

// Set here too: the workspace-wide run (jest.int.config.cjs with projects) ignores the preset's testTimeout.
jest.setTimeout(60_000);

/** A consumer as a service writes one: a provider method per handled event. */
@Injectable()
class TicketSubmittedKafkaConsumer {
  @EventHandler(ticketSubmittedV1)
  async onTicketSubmitted(
    envelope: EventEnvelope<TicketSubmittedV1>,
    { manager }: HandlingContext,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO handled_tickets (consumer, event_id, ticket_id, ticket_number) VALUES ('nest', $1, $2, $3)`,
      [envelope.eventId, envelope.payload.ticketId, envelope.payload.ticketNumber],
    );
  }
}

/** A command handler that changes state and adds the event in one transaction. */
@Injectable()
class SubmitTicketHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async submit(envelope: EventEnvelope<TicketSubmittedV1>): Promise<void> {
    await this.dataSource.transaction((manager) => this.outbox.add(manager, envelope));
  }
}

@Module({ imports: [OutboxModule], providers: [TicketSubmittedKafkaConsumer, SubmitTicketHandler] })
class TicketModule {}

describe('MessagingModule in a NestJS service', () => {
  let harness: BackboneHarness;

  beforeAll(async () => {
    harness = await BackboneHarness.create('messaging module');
  });

  afterAll(async () => {
    await harness.dispose();
  });

  it('hands events added through OutboxWriter to the @EventHandler methods of the application, and leaves the group on close', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: harness.database.url,
          migrations: [...messagingMigrations, HandledTicketsMigration],
          migrationsRun: true,
        }),
        MessagingModule.forRootAsync({
          useFactory: () => ({
            service: 'requests',
            brokers: testKafkaBrokers(),
            clientId: harness.namespace.clientId,
            topicPrefix: harness.namespace.topicPrefix,
            groupPrefix: harness.namespace.groupPrefix,
            relay: quickRelay,
            consumer: quickConsumer,
            logger: silentLogger,
          }),
        }),
        TicketModule,
      ],
    }).compile();
    const app = moduleRef.createNestApplication();
    await app.init();
    const ticketId = randomUUID();

    try {
      await app.get(SubmitTicketHandler).submit(harness.ticketSubmitted(ticketId));
      await harness.waitForSteps('nest', [ticketId], 1);
      expect(app.get(MessagingLifecycle).current?.consumer?.subscribedTopics).toEqual([harness.ticketTopic]);
    } finally {
      await app.close();
    }
    const { groups } = await harness.admin.describeGroups([harness.group('requests')]);

    expect((await harness.handled('nest')).map((row) => row.ticketId)).toEqual([ticketId]);
    expect(groups[0].state).toBe('Empty');
  });
});
