import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

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
 * Serves Swagger UI at `/docs` and the OpenAPI JSON at `/docs-json`, with a bearer-token scheme
 * required by default (public endpoints are the exception). Swagger mounts its routes outside Nest's
 * router, so the authentication guard never sees them: the docs are public.
 */
export function setupOpenApi(app: INestApplication, options: OpenApiOptions): void {
  const builder = new DocumentBuilder()
    .setTitle(options.title)
    .setVersion(options.version)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .addSecurityRequirements('bearer');
  if (options.description) builder.setDescription(options.description);
  const document = SwaggerModule.createDocument(app, builder.build());
  SwaggerModule.setup(OPENAPI_PATH, app, document, { jsonDocumentUrl: `${OPENAPI_PATH}-json` });
}
