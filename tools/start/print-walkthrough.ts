// Mints the walkthrough's tokens with the development issuer's key file, writes them to
// .local/tokens.env and prints them with the commands that walk one ticket around the loop.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DevIssuer } from '@loop/platform';
import { DEFAULT_KEY_FILE } from '../dev-issuer/cli-args';
import { generateDemoDistrictFacts } from './demo-district';
import type { LoopUrls } from '../demo/loop-client';
import { CastRole, tokenExportLines, walkthroughCast, walkthroughCommands } from './demo-walkthrough';

const root = join(__dirname, '..', '..');
/** Where the token exports are written, relative to the repository (git-ignored with all of .local/). */
export const TOKENS_ENV_FILE = join('.local', 'tokens.env');
// A working day: long enough to play with, short enough that a leaked development token dies soon.
const tokenLifetime = '8h';

/** Prints ready-made tokens and the walkthrough commands for services answering at `urls`. */
export async function printWalkthrough(urls: LoopUrls): Promise<void> {
  const cast = walkthroughCast(generateDemoDistrictFacts());
  const issuer = await DevIssuer.create({ keyFile: DEFAULT_KEY_FILE });
  const tokens = {} as Record<CastRole, string>;
  for (const person of cast.people) {
    tokens[person.variable] = await issuer.mintToken(person.claims, { expiresIn: tokenLifetime });
  }
  const exports = tokenExportLines(cast, tokens);
  mkdirSync(join(root, '.local'), { recursive: true });
  writeFileSync(
    join(root, TOKENS_ENV_FILE),
    [`# Development tokens from \`npm start\`, valid ${tokenLifetime}.`, ...exports, ''].join('\n'),
    { mode: 0o600 },
  );
  console.log(`\nTokens (${tokenLifetime}; also in ${TOKENS_ENV_FILE} — \`source ${TOKENS_ENV_FILE}\`):`);
  console.log(exports.join('\n'));
  console.log('\nOne ticket around the loop (paste line by line; needs jq):');
  console.log(walkthroughCommands(cast, urls).join('\n'));
  console.log('\nA day of traffic for the reports and inboxes: npm run demo');
}
