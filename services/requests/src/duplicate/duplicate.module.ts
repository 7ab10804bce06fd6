import { Module } from '@nestjs/common';
import { OutboxModule } from '@loop/messaging';
import { ClockModule, ConfigModule } from '@loop/platform';
import { RequestsConfig } from '../config/requests.config';
import { TicketReaderModule } from '../ticket/ticket-reader.module';
import { DuplicateCommandsHandler } from './application/duplicate-commands.handler';
import { DuplicateFollowers } from './application/duplicate-followers';
import { DuplicateProposals } from './application/duplicate-proposals';
import { DuplicateQueries } from './application/duplicate.queries';
import { TicketMerges } from './application/ticket-merges';
import { DuplicatesHttpController } from './interface/http/duplicates.http-controller';

const httpControllers = [DuplicatesHttpController];
const handlers = [
  DuplicateCommandsHandler,
  DuplicateQueries,
  DuplicateProposals,
  DuplicateFollowers,
  TicketMerges,
];

/**
 * Duplicate reports (ADR 0016): proposals when a ticket is filed, merging and unmerging, keeping apart,
 * community settings, and keeping merged duplicates in step with their master. The ticket slice uses
 * `DuplicateProposals` when a ticket is filed and `DuplicateFollowers` whenever a ticket changes.
 */
@Module({
  imports: [ConfigModule.forRoot(RequestsConfig), ClockModule, OutboxModule, TicketReaderModule],
  controllers: httpControllers,
  providers: handlers,
  exports: [DuplicateProposals, DuplicateFollowers],
})
export class DuplicateModule {}
