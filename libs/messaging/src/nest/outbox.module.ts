import { Module } from '@nestjs/common';
import { ClockModule } from '@loop/platform';
import { OutboxWriter } from '../outbox/outbox-writer';
import { UnitsOfWork } from '../unit-of-work/units-of-work';

/** Provides units of work (and OutboxWriter) to a feature module whose code changes state and publishes events. */
@Module({
  imports: [ClockModule],
  providers: [OutboxWriter, UnitsOfWork],
  exports: [OutboxWriter, UnitsOfWork],
})
export class OutboxModule {}
