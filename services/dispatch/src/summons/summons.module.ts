import { Module } from '@nestjs/common';
import { OutboxModule } from '@loop/messaging';
import { ClockModule, ConfigModule } from '@loop/platform';
import { AssignmentDirectory } from '../assignment/application/assignment-directory';
import { DispatchCasesModule } from '../assignment/dispatch-cases.module';
import { DispatchConfig } from '../config/dispatch.config';
import { DirectoryModule } from '../directory/directory.module';
import { SummonsCommandsHandler } from './application/summons-commands.handler';
import { SummonsCompletionGate } from './application/summons-completion-gate';
import { SummonsQuery } from './application/summons.query';
import { SummonsTimersHandler } from './application/summons-timers.handler';
import { DepartmentsRepository } from './infrastructure/departments.typeorm-repository';
import { SummonsRepository } from './infrastructure/summons.typeorm-repository';
import { SummonsHttpController } from './interface/http/summons.http-controller';

const httpControllers = [SummonsHttpController];
const timerHandlers = [SummonsTimersHandler];
const handlers = [SummonsCommandsHandler, SummonsCompletionGate];
const queries = [SummonsQuery];
// The directory is read as the assignment slice reads it; the provider is stateless, so this module keeps
// its own instance. Dispatch cases come from DispatchCasesModule (the assignment module imports this one).
const infrastructure = [SummonsRepository, DepartmentsRepository, AssignmentDirectory];

/**
 * 吹哨报到: functional departments summoned to a ticket, their arrival deadlines on durable timers, their
 * check-in and report, and the gate that holds the ticket's completion until every one is done (ADR 0026).
 */
@Module({
  imports: [
    ConfigModule.forRoot(DispatchConfig),
    ClockModule,
    OutboxModule,
    DirectoryModule,
    DispatchCasesModule,
  ],
  controllers: httpControllers,
  providers: [...timerHandlers, ...handlers, ...queries, ...infrastructure],
  exports: [SummonsCompletionGate, SummonsQuery],
})
export class SummonsModule {}
