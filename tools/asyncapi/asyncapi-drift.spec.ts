import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { buildAsyncApiDocument, eventCatalogue, eventLabel } from '@loop/contracts';
import { asyncApiPath, renderAsyncApiYaml } from './render-asyncapi';

describe('the committed AsyncAPI catalogue', () => {
  it('matches a fresh generation from libs/contracts (run `npx tsx tools/asyncapi/generate.ts` when it does not)', () => {
    expect(readFileSync(asyncApiPath, 'utf8')).toBe(renderAsyncApiYaml());
  });

  it('reads back as the document the contracts build', () => {
    expect(parse(renderAsyncApiYaml())).toEqual(buildAsyncApiDocument());
  });
});

describe('the event catalogue for people', () => {
  it('names every declared event', () => {
    const catalogue = readFileSync(path.resolve(__dirname, '../../docs/events.md'), 'utf8');

    expect(eventCatalogue.map(eventLabel).filter((label) => !catalogue.includes(`\`${label}\``))).toEqual([]);
  });
});
