import { Module } from '@nestjs/common';
import { ClockModule } from '@loop/platform';
import { ID_GENERATOR, uuidV7Generator } from '../shared/id-generator';
import { TicketModule } from '../ticket/ticket.module';
import { ApiKeys } from './application/api-keys.handler';
import { FileRequestHandler } from './application/file-request.handler';
import { GeoReportQueries } from './application/georeport.queries';
import { Open311Repository } from './infrastructure/open311.typeorm-repository';
import { ApiKeysHttpController } from './interface/http/api-keys.http-controller';
import { GeoReportHttpController } from './interface/http/georeport.http-controller';

const httpControllers = [GeoReportHttpController, ApiKeysHttpController];
const handlers = [ApiKeys, FileRequestHandler, GeoReportQueries];

/**
 * The Open311 GeoReport v2 facade: civic clients file and follow tickets with an api_key the district
 * admin issues; filing goes through the ticket slice's own creation.
 */
@Module({
  imports: [TicketModule, ClockModule],
  controllers: httpControllers,
  providers: [...handlers, Open311Repository, { provide: ID_GENERATOR, useValue: uuidV7Generator }],
})
export class Open311Module {}
