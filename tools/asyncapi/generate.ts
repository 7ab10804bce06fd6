// Writes docs/asyncapi/asyncapi.yaml from the contracts, or with `check` fails when it is out of date.
//   npx tsx tools/asyncapi/generate.ts          write the file
//   npx tsx tools/asyncapi/generate.ts check    exit 1 if the committed file differs from a fresh generation
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { asyncApiPath, renderAsyncApiYaml } from './render-asyncapi';

function committedCatalogue(): string | undefined {
  try {
    return readFileSync(asyncApiPath, 'utf8');
  } catch {
    return undefined;
  }
}

function main(mode: string | undefined): number {
  const fresh = renderAsyncApiYaml();
  const relative = path.relative(process.cwd(), asyncApiPath);
  if (mode === 'check') {
    if (committedCatalogue() === fresh) {
      console.log(`${relative} is up to date`);
      return 0;
    }
    console.error(`${relative} is out of date with libs/contracts; run: npx tsx tools/asyncapi/generate.ts`);
    return 1;
  }
  if (mode !== undefined) {
    console.error(`unknown mode "${mode}"; use no argument to write or "check" to verify`);
    return 2;
  }
  writeFileSync(asyncApiPath, fresh);
  console.log(`wrote ${relative}`);
  return 0;
}

process.exitCode = main(process.argv[2]);
