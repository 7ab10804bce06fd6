import { Module } from '@nestjs/common';
import { OutboxWriter } from '../outbox/outbox-writer';

/** Provides OutboxWriter to a feature module whose handlers add events in their transactions. */
@Module({ providers: [OutboxWriter], exports: [OutboxWriter] })
export class OutboxModule {}
