import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { CLOCK, Clock, Language, RateLimits } from '@loop/platform';
import { DataSource } from 'typeorm';
import { CreateTicketHandler } from '../../ticket/application/create-ticket.handler';
import { IdempotentRequests } from '../../ticket/application/idempotent-requests';
import { OPEN311_CLIENT_ROLE } from '../../ticket/domain/ticket-filing.policy';
import type { Viewer } from '../../ticket/domain/ticket-visibility.policy';
import { ApiKeyRecord, clientAccountId } from '../domain/api-key.policy';
import { GeoReportFiling, readFiling, titleFrom } from '../domain/georeport-filing.policy';
import { placeFiling } from '../domain/georeport-place.policy';
import type { GeoReportFiled } from '../domain/georeport-request.mapper';
import { activeCategory, serviceName, serviceNotice } from '../domain/georeport-services.mapper';
import { Open311Error } from '../domain/open311.errors';
import { Open311Repository } from '../infrastructure/open311.typeorm-repository';

/** The rate-limit bucket of Open311 filings, counted per api_key. */
export const OPEN311_FILINGS_BUCKET = 'open311-filings';

/**
 * Files a GeoReport v2 service request as a ticket through the same ticket creation as every other
 * filing (numbering, the place checks, the outbox): the key's client files as `system` with no
 * resident, through the key's channel, in the key's communities.
 */
@Injectable()
export class FileRequestHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: Open311Repository,
    private readonly createTicket: CreateTicketHandler,
    private readonly idempotency: IdempotentRequests,
    private readonly moduleRef: ModuleRef,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  // The platform's limiter, as its module registered it once for the app (importing that module again
  // would register its global guard a second time and count every limited request twice).
  private get rateLimits(): RateLimits {
    return this.moduleRef.get(RateLimits, { strict: false });
  }

  /**
   * Files the request unless the key has filed too much in the window; with an Idempotency-Key, a
   * retried request files once and answers the same id.
   */
  async execute(
    key: ApiKeyRecord,
    body: Record<string, unknown>,
    idempotencyKey: string | undefined,
    language: Language,
  ): Promise<GeoReportFiled> {
    const verdict = await this.rateLimits.consume(OPEN311_FILINGS_BUCKET, `open311-key:${key.id}`);
    if (!verdict.allowed) {
      throw new Open311Error(
        429,
        {
          'zh-CN': `此 api_key 提交过于频繁，请 ${verdict.retryAfterSeconds} 秒后再试。`,
          en: `This api_key has filed too many requests; try again in ${verdict.retryAfterSeconds} seconds.`,
        },
        verdict.retryAfterSeconds,
      );
    }
    const { api_key: _apiKey, ...fields } = body;
    const filing = readFiling(fields);
    const category = activeCategory(filing.serviceCode);
    const place = await this.placeOf(key, filing);
    const viewer: Viewer = {
      id: clientAccountId(key.clientId),
      roles: [OPEN311_CLIENT_ROLE],
      communityIds: key.communityIds,
      gridIds: [],
    };
    const command = {
      source: key.channel,
      categoryCode: category.code,
      urgency: filing.urgency,
      title: titleFrom(filing.description, serviceName(category, 'zh-CN')),
      description: filing.description,
      location: {
        ...place,
        ...(filing.location.addressString ? { address: filing.location.addressString } : {}),
        ...(filing.location.lat !== undefined ? { latitude: filing.location.lat } : {}),
        ...(filing.location.long !== undefined ? { longitude: filing.location.long } : {}),
      },
      ...(filing.contact ? { contact: filing.contact } : {}),
    };
    const ticketId = idempotencyKey
      ? (
          await this.idempotency.once(viewer.id, idempotencyKey, fields, async (reservedId) => {
            return (await this.createTicket.execute(viewer, command, reservedId)).outcome;
          })
        ).reservedId
      : (await this.createTicket.execute(viewer, command)).ticketId;
    await this.repository.recordFiling(this.dataSource.manager, {
      ticketId,
      clientId: key.clientId,
      keyId: key.id,
      addressId: filing.location.addressId ?? null,
      mediaUrl: filing.mediaUrl ?? null,
      filedAt: this.clock.now(),
    });
    const number = await this.repository.ticketNumber(this.dataSource.manager, ticketId);
    return {
      service_request_id: number ?? ticketId,
      service_notice: serviceNotice(language),
      account_id: filing.accountId ?? null,
    };
  }

  private async placeOf(key: ApiKeyRecord, filing: GeoReportFiling) {
    const manager = this.dataSource.manager;
    const addressId = filing.location.addressId;
    const found = addressId ? await this.repository.directoryPlace(manager, addressId) : null;
    const gridsByCommunity = addressId
      ? {}
      : await this.repository.gridsByCommunity(manager, key.communityIds);
    return placeFiling(addressId, found, { communityIds: key.communityIds, gridsByCommunity });
  }
}
