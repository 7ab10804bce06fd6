import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { typeNullableReferences } from './nullable-references';
import { operationIdOf } from './operation-ids';
import { documentProblemResponses, problemModels } from './problem-responses';

/** What the service's API document says about itself. */
export interface OpenApiOptions {
  /** Title, e.g. "Requests service". */
  title: string;
  /** API version, e.g. "1.0.0". */
  version: string;
  /** A paragraph on what the API is for. */
  description?: string;
}

/** Path of the Swagger UI; the JSON document is at `/docs-json`. */
export const OPENAPI_PATH = 'docs';

/**
 * The service's OpenAPI document, with a bearer-token scheme required by default (public endpoints are
 * the exception), readable operation ids and the problem+json errors every route can answer. Clients
 * reach a service through the Ingress at `/api/<service>`, which strips that prefix; a port-forward or
 * local run answers at the root.
 */
export function buildOpenApiDocument(
  app: INestApplication,
  serviceName: string,
  options: OpenApiOptions,
): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle(options.title)
    .setVersion(options.version)
    .addServer(`/api/${serviceName}`, 'Through the Ingress, as the web console calls it')
    .addServer('/', 'The service itself (local run or port-forward)')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .addSecurityRequirements('bearer');
  if (options.description) builder.setDescription(options.description);
  const document = SwaggerModule.createDocument(app, builder.build(), {
    operationIdFactory: operationIdOf,
    extraModels: problemModels,
  });
  documentProblemResponses(document);
  typeNullableReferences(document);
  return document;
}

/**
 * Serves Swagger UI at `/docs` and the OpenAPI JSON at `/docs-json`. Swagger mounts its routes outside
 * Nest's router, so the authentication guard never sees them: the docs are public.
 */
export function setupOpenApi(app: INestApplication, serviceName: string, options: OpenApiOptions): void {
  const document = buildOpenApiDocument(app, serviceName, options);
  SwaggerModule.setup(OPENAPI_PATH, app, document, { jsonDocumentUrl: `${OPENAPI_PATH}-json` });
}
