import { Module } from '@nestjs/common';
import { DeferredEvents } from './application/deferred-events.port';
import { DirectoryFacts } from './application/directory-facts.port';
import { TicketFacts } from './application/ticket-facts.port';
import { TicketFollowers } from './application/ticket-followers.port';
import { DeferredEventsRepository } from './infrastructure/deferred-events.typeorm-repository';
import { DirectoryFactsRepository } from './infrastructure/directory-facts.typeorm-repository';
import { TicketFactsRepository } from './infrastructure/ticket-facts.typeorm-repository';
import { TicketFollowersRepository } from './infrastructure/ticket-followers.typeorm-repository';
import { DirectoryEventsKafkaConsumer } from './interface/kafka/directory-events.kafka-consumer';

const repositories = [
  TicketFactsRepository,
  TicketFollowersRepository,
  DirectoryFactsRepository,
  DeferredEventsRepository,
];
const ports = [
  { provide: TicketFacts, useExisting: TicketFactsRepository },
  { provide: TicketFollowers, useExisting: TicketFollowersRepository },
  { provide: DirectoryFacts, useExisting: DirectoryFactsRepository },
  { provide: DeferredEvents, useExisting: DeferredEventsRepository },
];
const kafkaConsumers = [DirectoryEventsKafkaConsumer];

/**
 * What this service knows about tickets, staff and officials, learnt from events. Other slices inject
 * {@link TicketFacts}, {@link TicketFollowers}, {@link DirectoryFacts} and {@link DeferredEvents}.
 */
@Module({
  providers: [...repositories, ...ports, ...kafkaConsumers],
  exports: [TicketFacts, TicketFollowers, DirectoryFacts, DeferredEvents],
})
export class FactsModule {}
