// What every benchmark does at its ends: write its results file in the repository's Markdown style, and
// run as a command whose exit code says whether it completed. Only the runners import this (prettier
// cannot load inside jest), never the report renderers.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';

/** Writes `markdown` to `out`, formatted as the repository's prettier check expects (so `npm test` stays green). */
export async function writeMarkdownResults(out: string, markdown: string, root: string): Promise<void> {
  writeFileSync(out, await format(markdown, { ...(await resolveConfig(out)), parser: 'markdown' }));
  console.log(`\nwritten to ${path.relative(root, out)}`);
}

/** Runs a benchmark's main function as the process: exit 0 when it completed, 1 with the error otherwise. */
export function runAsCommand(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    },
  );
}
