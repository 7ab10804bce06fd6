import { Module } from '@nestjs/common';
import { OutboxModule } from '@loop/messaging';
import { ClockModule, ConfigModule } from '@loop/platform';
import { DispatchConfig } from '../config/dispatch.config';
import { DirectoryModule } from '../directory/directory.module';
import { SummonsCompletionGate } from '../summons/application/summons-completion-gate';
import { SummonsModule } from '../summons/summons.module';
import { AssigneeCommandsHandler } from './application/assignee-commands.handler';
import { AssignmentDirectory } from './application/assignment-directory';
import { CompletionGate } from './application/completion-gate';
import { DispatchBoardQuery } from './application/dispatch-board.query';
import { DispatchTicketHandler } from './application/dispatch-ticket.handler';
import { TaskBriefQuery } from './application/task-brief.query';
import { MyAssignmentsQuery } from './application/my-assignments.query';
import { OfferWorkflow } from './application/offer-workflow';
import { OpenDispatchCaseHandler } from './application/open-dispatch-case.handler';
import { SlaTimersHandler } from './application/sla-timers.handler';
import { slaPolicyProvider } from './application/sla-policy.provider';
import { SuggestionQuery } from './application/suggestion.query';
import { TicketLifecycleHandler } from './application/ticket-lifecycle.handler';
import { DispatchCasesModule } from './dispatch-cases.module';
import { AssignmentRepository } from './infrastructure/assignment.typeorm-repository';
import { AssigneeHttpController } from './interface/http/assignee.http-controller';
import { DispatchHttpController } from './interface/http/dispatch.http-controller';
import { EscalationsHttpController } from './interface/http/escalations.http-controller';
import { TicketEventsKafkaConsumer } from './interface/kafka/ticket-events.kafka-consumer';

const httpControllers = [AssigneeHttpController, DispatchHttpController, EscalationsHttpController];
const kafkaConsumers = [TicketEventsKafkaConsumer];
const timerHandlers = [SlaTimersHandler];
const handlers = [
  OpenDispatchCaseHandler,
  TicketLifecycleHandler,
  AssigneeCommandsHandler,
  DispatchTicketHandler,
  OfferWorkflow,
];
const queries = [MyAssignmentsQuery, TaskBriefQuery, DispatchBoardQuery, SuggestionQuery];
const infrastructure = [
  AssignmentRepository,
  AssignmentDirectory,
  slaPolicyProvider,
  { provide: CompletionGate, useExisting: SummonsCompletionGate },
];

/**
 * Dispatch cases, offers and assignments (社区派单 · 党员接单): intake of ticket events, suggestion,
 * the offer lifecycle, deadlines on durable timers, escalation, and the member/staff/official APIs.
 */
@Module({
  imports: [
    ConfigModule.forRoot(DispatchConfig),
    ClockModule,
    OutboxModule,
    DirectoryModule,
    DispatchCasesModule,
    SummonsModule,
  ],
  controllers: httpControllers,
  providers: [...kafkaConsumers, ...timerHandlers, ...handlers, ...queries, ...infrastructure],
})
export class AssignmentModule {}
