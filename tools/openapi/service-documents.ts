// Builds each service's OpenAPI document from its AppModule without starting it: Nest's preview mode
// scans modules and controllers but instantiates no provider, so nothing connects to Kafka, PostgreSQL
// or Redis. Load this module through `loadCompiled` (see decorator-metadata-loader.ts).
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { buildOpenApiDocument, type ServiceOptions } from '@loop/platform';
import { loadCompiled } from './decorator-metadata-loader';

/** Where the services live; every one with a `src/service-options.ts` is documented. */
const servicesDir = path.resolve(__dirname, '../../services');

/** A service's name and the document its code describes. */
export interface ServiceDocument {
  service: string;
  document: OpenAPIObject;
}

/** The services that publish an API document, in name order. */
export function documentedServices(): string[] {
  return readdirSync(servicesDir)
    .filter((service) => existsSync(path.join(servicesDir, service, 'src/service-options.ts')))
    .sort();
}

function serviceOptionsOf(service: string): ServiceOptions {
  const exported = loadCompiled<Record<string, unknown>>(
    path.join(servicesDir, service, 'src/service-options'),
  );
  const options = Object.values(exported).find(
    (value): value is ServiceOptions => (value as ServiceOptions | undefined)?.name === service,
  );
  if (!options)
    throw new Error(`services/${service}/src/service-options.ts exports no options named "${service}"`);
  return options;
}

/** Builds one service's document, or undefined when the service publishes none. */
export async function buildServiceDocument(service: string): Promise<OpenAPIObject | undefined> {
  const options = serviceOptionsOf(service);
  if (!options.openapi) return undefined;
  const { AppModule } = loadCompiled<{ AppModule: Type<unknown> }>(
    path.join(servicesDir, service, 'src/app.module'),
  );
  const app = await NestFactory.create(AppModule, { preview: true, logger: false, abortOnError: false });
  try {
    return buildOpenApiDocument(app, options.name, options.openapi);
  } finally {
    await app.close();
  }
}

/** The documents of every service that publishes one. */
export async function buildServiceDocuments(): Promise<ServiceDocument[]> {
  const documents: ServiceDocument[] = [];
  for (const service of documentedServices()) {
    const document = await buildServiceDocument(service);
    if (document) documents.push({ service, document });
  }
  return documents;
}
