// Renders the AsyncAPI document built by @loop/contracts as the YAML committed at docs/asyncapi/.
import path from 'node:path';
import { stringify } from 'yaml';
import { buildAsyncApiDocument } from '@loop/contracts';

/** Where the generated catalogue is committed. */
export const asyncApiPath = path.resolve(__dirname, '../../docs/asyncapi/asyncapi.yaml');

const banner = [
  '# Generated from libs/contracts by tools/asyncapi/generate.ts — do not edit by hand.',
  '# Regenerate: npx tsx tools/asyncapi/generate.ts (npm run asyncapi:generate); check: … generate.ts check',
  '',
].join('\n');

/** The committed form of the catalogue: a banner and deterministic YAML. */
export function renderAsyncApiYaml(): string {
  // No anchors/aliases (every repeated object is written out) and no line folding, so a diff of the
  // file shows exactly the contract that changed.
  return banner + stringify(buildAsyncApiDocument(), { aliasDuplicateObjects: false, lineWidth: 0 });
}
