import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock, Language } from '@loop/platform';
import { DataSource } from 'typeorm';
import { ApiKeyRecord, clientAccountId } from '../domain/api-key.policy';
import { readQuery } from '../domain/georeport-query.policy';
import { GeoReportRequest, GeoReportToken, toGeoReportRequest } from '../domain/georeport-request.mapper';
import { unknownRequest, unknownToken } from '../domain/open311.errors';
import { Open311Repository } from '../infrastructure/open311.typeorm-repository';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What a client reads back: the requests its own keys filed, and nothing else — the district's other
 * tickets are residents' homes and needs, not open data.
 */
@Injectable()
export class GeoReportQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: Open311Repository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** `GET requests`: by id list, or by service, status and date window. */
  async requests(
    key: ApiKeyRecord,
    query: Record<string, unknown>,
    language: Language,
  ): Promise<GeoReportRequest[]> {
    const asked = readQuery(query, this.clock.now());
    const tickets = await this.repository.filedTickets(
      this.dataSource.manager,
      clientAccountId(key.clientId),
      asked.kind === 'ids' ? { kind: 'ids', numbers: asked.ids } : asked,
    );
    return tickets.map((ticket) => toGeoReportRequest(ticket, language));
  }

  /** `GET requests/{service_request_id}`: one request; 404 for a number this client did not file. */
  async request(key: ApiKeyRecord, number: string, language: Language): Promise<GeoReportRequest[]> {
    const [ticket] = await this.repository.filedTickets(
      this.dataSource.manager,
      clientAccountId(key.clientId),
      {
        kind: 'ids',
        numbers: [number],
      },
    );
    if (!ticket) throw unknownRequest(number);
    return [toGeoReportRequest(ticket, language)];
  }

  /** `GET tokens/{token}`: the token is the ticket's id; answers its service_request_id. */
  async token(key: ApiKeyRecord, token: string): Promise<GeoReportToken[]> {
    if (!uuidPattern.test(token)) throw unknownToken(token);
    const [ticket] = await this.repository.filedTickets(
      this.dataSource.manager,
      clientAccountId(key.clientId),
      {
        kind: 'ticket',
        ticketId: token,
      },
    );
    if (!ticket) throw unknownToken(token);
    return [{ service_request_id: ticket.number, token }];
  }
}
