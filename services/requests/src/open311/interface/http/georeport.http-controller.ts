import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
  UseFilters,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConsumes,
  ApiExtension,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { Language, preferredLanguage, Public } from '@loop/platform';
import type { Response } from 'express';
import { checkedIdempotencyKey } from '../../../shared/idempotency-key';
import { ApiKeys } from '../../application/api-keys.handler';
import { FileRequestHandler } from '../../application/file-request.handler';
import { GeoReportQueries } from '../../application/georeport.queries';
import { apiKeyOf } from '../../domain/georeport-filing.policy';
import { serviceDefinitionOf, servicesOf } from '../../domain/georeport-services.mapper';
import { serviceDefinitionXml, serviceRequestsXml, servicesXml } from '../../domain/georeport-xml.mapper';
import { unknownFormat } from '../../domain/open311.errors';
import { Open311ExceptionFilter } from './open311-exception.filter';

type Format = 'json' | 'xml';

const formatParam = { name: 'format', enum: ['json', 'xml'], description: 'Answer format' };
const apiKeyQuery = {
  name: 'api_key',
  required: true,
  description: 'The key the district admin issued to the client (403 when missing, unknown or revoked)',
};
const errorsDescription =
  'A GeoReport error list [{ code, description }] (<errors><error> in XML): 400 bad input, 403 bad api_key or a place outside its communities, 404 unknown service or request';

/**
 * The Open311 GeoReport v2 facade (http://wiki.open311.org/GeoReport_v2): the category catalogue as
 * services, and filing and following service requests, which are tickets. Authenticated by api_key,
 * not by a token; answers and errors in the specification's JSON or XML.
 */
@ApiTags('open311')
@Public()
@UseFilters(Open311ExceptionFilter)
@ApiProduces('application/json', 'text/xml')
@ApiExtension('x-error-format', 'georeport')
@ApiBadRequestResponse({ description: errorsDescription })
@Controller('open311/v2')
export class GeoReportHttpController {
  constructor(
    private readonly apiKeys: ApiKeys,
    private readonly fileRequest: FileRequestHandler,
    private readonly queries: GeoReportQueries,
  ) {}

  /** GET services: the active ticket categories. */
  @Get('services.:format')
  @ApiOperation({ summary: 'GeoReport v2 service list: the active ticket categories (no api_key needed)' })
  @ApiParam(formatParam)
  @ApiOkResponse({ description: 'A list of services (<services><service> in XML)' })
  services(
    @Param('format') format: string,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() response: Response,
  ): void {
    const services = servicesOf(preferredLanguage(acceptLanguage));
    send(response, formatOf(format), 200, services, () => servicesXml(services));
  }

  /** GET services/{service_code}: the attributes a filing of the service may carry. */
  @Get('services/:code.:format')
  @ApiOperation({
    summary: 'GeoReport v2 service definition: the urgency attribute and how the place is given',
  })
  @ApiParam({
    name: 'code',
    description: 'service_code (a ticket category code)',
    example: 'property.repair',
  })
  @ApiParam(formatParam)
  @ApiOkResponse({ description: 'The service definition (<service_definition> in XML)' })
  @ApiNotFoundResponse({ description: errorsDescription })
  definition(
    @Param('code') code: string,
    @Param('format') format: string,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() response: Response,
  ): void {
    const chosen = formatOf(format);
    const definition = serviceDefinitionOf(code, preferredLanguage(acceptLanguage));
    send(response, chosen, 200, definition, () => serviceDefinitionXml(definition));
  }

  /** POST requests: files a ticket. */
  @Post('requests.:format')
  @HttpCode(200)
  @ApiOperation({
    summary: 'GeoReport v2 POST service request: files a ticket',
    description:
      'Form-encoded as the specification sends it (JSON also accepted): api_key, service_code, address_id (a household or compound id of the district directory; address_string and lat/long are kept as given), description (10–2000 characters), attribute[urgency], first_name/last_name/phone (kept as the ticket contact, never returned), email/device_id (checked, not kept), account_id (echoed), media_url. Answers [{ service_request_id, service_notice, account_id }].',
  })
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiParam(formatParam)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Makes a retry safe: the same key and body file once and answer the same service_request_id',
  })
  @ApiOkResponse({ description: 'The filed request (<service_requests><request> in XML)' })
  @ApiForbiddenResponse({ description: errorsDescription })
  @ApiNotFoundResponse({ description: errorsDescription })
  @ApiTooManyRequestsResponse({
    description: 'Over RATE_LIMIT_OPEN311_FILINGS filings of the api_key in RATE_LIMIT_WINDOW_SECONDS',
  })
  async file(
    @Param('format') format: string,
    @Body() body: Record<string, unknown>,
    @Query() query: Record<string, unknown>,
    @Headers('idempotency-key') rawIdempotencyKey: string | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const chosen = formatOf(format);
    const language: Language = preferredLanguage(acceptLanguage);
    const key = await this.apiKeys.authenticate(apiKeyOf(body ?? {}, query));
    const filed = await this.fileRequest.execute(
      key,
      body ?? {},
      checkedIdempotencyKey(rawIdempotencyKey),
      language,
    );
    response.setHeader('Location', `/open311/v2/requests/${filed.service_request_id}.${chosen}`);
    send(response, chosen, 200, [filed], () => serviceRequestsXml([filed]));
  }

  /** GET requests: the client's requests by id list, or by service, status and date window. */
  @Get('requests.:format')
  @ApiOperation({
    summary: 'GeoReport v2 GET service requests: the requests this client filed',
    description:
      'service_request_id (comma list; overrides the rest), service_code, status (open, closed), start_date, end_date (w3 format; at most 90 days, the last 90 days by default); newest first, at most 1000.',
  })
  @ApiParam(formatParam)
  @ApiQuery(apiKeyQuery)
  @ApiOkResponse({ description: 'A list of requests (<service_requests><request> in XML)' })
  @ApiForbiddenResponse({ description: errorsDescription })
  async requests(
    @Param('format') format: string,
    @Query() query: Record<string, unknown>,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const chosen = formatOf(format);
    const key = await this.apiKeys.authenticate(apiKeyOf(query));
    const { api_key: _apiKey, jurisdiction_id: _jurisdiction, ...asked } = query;
    const requests = await this.queries.requests(key, asked, preferredLanguage(acceptLanguage));
    send(response, chosen, 200, requests, () => serviceRequestsXml(requests));
  }

  /** GET requests/{service_request_id}: one request. */
  @Get('requests/:id.:format')
  @ApiOperation({ summary: 'GeoReport v2 GET service request: one request this client filed' })
  @ApiParam({ name: 'id', description: 'service_request_id (the ticket number)', example: 'LC-2026-000123' })
  @ApiParam(formatParam)
  @ApiQuery(apiKeyQuery)
  @ApiOkResponse({ description: 'A list of one request (<service_requests><request> in XML)' })
  @ApiForbiddenResponse({ description: errorsDescription })
  @ApiNotFoundResponse({ description: errorsDescription })
  async request(
    @Param('id') id: string,
    @Param('format') format: string,
    @Query() query: Record<string, unknown>,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const chosen = formatOf(format);
    const key = await this.apiKeys.authenticate(apiKeyOf(query));
    const requests = await this.queries.request(key, id, preferredLanguage(acceptLanguage));
    send(response, chosen, 200, requests, () => serviceRequestsXml(requests));
  }

  /** GET tokens/{token}: the service_request_id of a ticket id. */
  @Get('tokens/:token.:format')
  @ApiOperation({
    summary: 'GeoReport v2 GET service_request_id from a token: the token is the ticket id',
  })
  @ApiParam({ name: 'token', description: 'The ticket id (UUID) of a request this client filed' })
  @ApiParam(formatParam)
  @ApiQuery(apiKeyQuery)
  @ApiOkResponse({ description: 'A list of one { service_request_id, token }' })
  @ApiForbiddenResponse({ description: errorsDescription })
  @ApiNotFoundResponse({ description: errorsDescription })
  async token(
    @Param('token') token: string,
    @Param('format') format: string,
    @Query() query: Record<string, unknown>,
    @Res() response: Response,
  ): Promise<void> {
    const chosen = formatOf(format);
    const key = await this.apiKeys.authenticate(apiKeyOf(query));
    const tokens = await this.queries.token(key, token);
    send(response, chosen, 200, tokens, () => serviceRequestsXml(tokens));
  }
}

function formatOf(format: string): Format {
  if (format === 'json' || format === 'xml') return format;
  throw unknownFormat(format);
}

function send(response: Response, format: Format, status: number, json: unknown, xml: () => string): void {
  if (format === 'xml') {
    response.status(status).type('text/xml; charset=utf-8').send(xml());
  } else {
    response.status(status).type('application/json; charset=utf-8').send(JSON.stringify(json));
  }
}
