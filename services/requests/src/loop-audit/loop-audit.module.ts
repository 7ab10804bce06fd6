import { Module } from '@nestjs/common';
import { ClockModule, ConfigModule } from '@loop/platform';
import { RequestsConfig } from '../config/requests.config';
import { RunLoopAuditHandler } from './application/run-loop-audit.handler';
import { LoopAuditFactsTypeormRepository } from './infrastructure/loop-audit-facts.typeorm-repository';
import { LoopAuditPeersHttpClient } from './infrastructure/loop-audit-peers.http-client';
import { LoopAuditHttpController } from './interface/http/loop-audit.http-controller';

/** The loop auditor: GET /audit/loop and its metrics. */
@Module({
  imports: [ConfigModule.forRoot(RequestsConfig), ClockModule],
  controllers: [LoopAuditHttpController],
  providers: [RunLoopAuditHandler, LoopAuditFactsTypeormRepository, LoopAuditPeersHttpClient],
})
export class LoopAuditModule {}
