import { Module } from '@nestjs/common';
import { OutboxModule } from '@loop/messaging';
import { ClockModule, ConfigModule, RedisModule } from '@loop/platform';
import { RequestsConfig } from '../config/requests.config';
import { AttachmentModule } from '../attachment/attachment.module';
import { DuplicateModule } from '../duplicate/duplicate.module';
import { PlaceModule } from '../place/place.module';
import { ID_GENERATOR, uuidV7Generator } from '../shared/id-generator';
import { AutoConfirmTimerHandler } from './application/auto-confirm.timer-handler';
import { CancelTicketHandler } from './application/cancel-ticket.handler';
import { ConfirmTicketHandler } from './application/confirm-ticket.handler';
import { CreateTicketHandler } from './application/create-ticket.handler';
import { IdempotentRequests } from './application/idempotent-requests';
import { ProjectDispatchFactHandler } from './application/project-dispatch-fact.handler';
import { ReopenTicketHandler } from './application/reopen-ticket.handler';
import { TicketQueries } from './application/ticket.queries';
import { TicketsHttpController } from './interface/http/tickets.http-controller';
import { TicketProjectionKafkaConsumer } from './interface/kafka/ticket-projection.kafka-consumer';

const httpControllers = [TicketsHttpController];
const kafkaConsumers = [TicketProjectionKafkaConsumer];
const timerHandlers = [AutoConfirmTimerHandler];
const handlers = [
  CreateTicketHandler,
  CancelTicketHandler,
  ConfirmTicketHandler,
  ReopenTicketHandler,
  ProjectDispatchFactHandler,
  IdempotentRequests,
  TicketQueries,
];

/** Tickets: intake, the resident's and staff's APIs, the projection of dispatch events, auto-confirmation. */
@Module({
  imports: [
    ConfigModule.forRoot(RequestsConfig),
    RedisModule.forRoot(RequestsConfig),
    ClockModule,
    OutboxModule,
    PlaceModule,
    AttachmentModule,
    DuplicateModule,
  ],
  controllers: httpControllers,
  providers: [
    ...handlers,
    ...kafkaConsumers,
    ...timerHandlers,
    { provide: ID_GENERATOR, useValue: uuidV7Generator },
  ],
  // The Open311 facade files through the same creation and idempotency as the tickets API.
  exports: [CreateTicketHandler, IdempotentRequests],
})
export class TicketModule {}
