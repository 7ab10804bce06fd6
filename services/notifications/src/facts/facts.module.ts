import { Module } from '@nestjs/common';
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
const kafkaConsumers = [DirectoryEventsKafkaConsumer];

/** What this service knows about tickets, staff and officials, learnt from events. */
@Module({ providers: [...repositories, ...kafkaConsumers], exports: repositories })
export class FactsModule {}
