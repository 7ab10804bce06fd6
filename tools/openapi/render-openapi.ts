// Renders the committed forms of the API documents: docs/openapi/<service>.json and the web console's
// types at services/console/src/api/generated/<service>.ts, both deterministic and Prettier-formatted
// so a diff shows exactly the route or field that changed.
import path from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { withSortedKeys } from './sorted-keys';

const workspaceRoot = path.resolve(__dirname, '../..');

/** A file the generator writes, and what it should hold. */
export interface GeneratedFile {
  /** Absolute path. */
  path: string;
  content: string;
}

const documentsDir = path.join(workspaceRoot, 'docs/openapi');
const clientTypesDir = path.join(workspaceRoot, 'services/console/src/api/generated');

/** The folders that hold nothing but generated files. */
export const generatedDirs = [documentsDir, clientTypesDir];

/** Where a service's document is committed. */
export function documentPath(service: string): string {
  return path.join(documentsDir, `${service}.json`);
}

/** Where the web console's types for a service are committed. */
export function clientTypesPath(service: string): string {
  return path.join(clientTypesDir, `${service}.ts`);
}

async function prettierFormatted(text: string, filepath: string): Promise<string> {
  return format(text, { ...(await resolveConfig(filepath)), filepath });
}

function clientTypesBanner(service: string): string {
  return [
    `// Generated from docs/openapi/${service}.json by tools/openapi/generate.ts — do not edit by hand.`,
    '// Regenerate: npm run openapi:generate; check: npm run openapi:check',
    '',
  ].join('\n');
}

/** The committed document and console types of one service. */
export async function renderServiceFiles(service: string, document: OpenAPIObject): Promise<GeneratedFile[]> {
  const sorted = withSortedKeys(document);
  const json = await prettierFormatted(JSON.stringify(sorted, null, 2), documentPath(service));
  const types = astToString(await openapiTS(sorted as unknown as OpenAPI3, { silent: true }));
  const client = await prettierFormatted(clientTypesBanner(service) + types, clientTypesPath(service));
  return [
    { path: documentPath(service), content: json },
    { path: clientTypesPath(service), content: client },
  ];
}
