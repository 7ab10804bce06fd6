import { Module } from '@nestjs/common';
import { OutboxModule } from '@loop/messaging';
import { DirectoryModule } from '../directory/directory.module';
import { LeaderboardModule } from '../leaderboard/leaderboard.module';
import { AdjustHoursHandler } from './application/adjust-hours.handler';
import { CreditActivityAttendanceHandler } from './application/credit-activity-attendance.handler';
import { CreditTicketWorkHandler } from './application/credit-ticket-work.handler';
import { HoursTotalsQuery } from './application/hours-totals.query';
import { LedgerAppender } from './application/ledger-appender';
import { MemberPlacementQuery } from './application/member-placement.query';
import { MemberStatementQuery } from './application/member-statement.query';
import { VerifyLedgerQuery } from './application/verify-ledger.query';
import { LedgerTypeormRepository } from './infrastructure/ledger.typeorm-repository';
import { TicketLoopFactTypeormRepository } from './infrastructure/ticket-loop-fact.typeorm-repository';
import { LedgerHttpController } from './interface/http/ledger.http-controller';
import { ActivityCheckedOutKafkaConsumer } from './interface/kafka/activity-checked-out.kafka-consumer';
import { TicketLoopKafkaConsumer } from './interface/kafka/ticket-loop.kafka-consumer';

const httpControllers = [LedgerHttpController];
const kafkaConsumers = [TicketLoopKafkaConsumer, ActivityCheckedOutKafkaConsumer];
const handlers = [
  LedgerAppender,
  CreditTicketWorkHandler,
  CreditActivityAttendanceHandler,
  AdjustHoursHandler,
];
const queries = [MemberPlacementQuery, MemberStatementQuery, HoursTotalsQuery, VerifyLedgerQuery];
const repositories = [LedgerTypeormRepository, TicketLoopFactTypeormRepository];

/** The append-only, hash-chained hours ledger: crediting from events, statements, totals, verification. */
@Module({
  imports: [OutboxModule, DirectoryModule, LeaderboardModule],
  controllers: httpControllers,
  providers: [...kafkaConsumers, ...handlers, ...queries, ...repositories],
})
export class LedgerModule {}
