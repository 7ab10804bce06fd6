import { Module } from '@nestjs/common';
import { TicketReader } from './application/ticket-reader.port';
import { TypeOrmTicketReader } from './infrastructure/ticket-reader.typeorm-repository';

/**
 * Tickets as other slices read them, in a module of its own: the ticket module imports the attachment
 * and duplicate modules, which read tickets through this one. Other slices inject {@link TicketReader}.
 */
@Module({
  providers: [{ provide: TicketReader, useClass: TypeOrmTicketReader }],
  exports: [TicketReader],
})
export class TicketReaderModule {}
