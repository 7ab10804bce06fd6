// Writes each service's OpenAPI document to docs/openapi/ and the web console's types generated from it
// to services/console/src/api/generated/, or with `check` fails when a committed file is out of date.
// No infrastructure is needed: the documents come from the services' modules, not running services.
//   npx tsx tools/openapi/generate.ts          write the files (and remove those no service produces)
//   npx tsx tools/openapi/generate.ts check    exit 1 naming every committed file that differs
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compileTypeScriptWithDecoratorMetadata, loadCompiled } from './decorator-metadata-loader';
import type { GeneratedFile } from './render-openapi';

// Before anything loads a service or a library: see decorator-metadata-loader.ts.
compileTypeScriptWithDecoratorMetadata();
const { buildServiceDocuments } = loadCompiled<typeof import('./service-documents')>('./service-documents');
const { generatedDirs, renderServiceFiles } =
  loadCompiled<typeof import('./render-openapi')>('./render-openapi');

function committed(file: GeneratedFile): string | undefined {
  try {
    return readFileSync(file.path, 'utf8');
  } catch {
    return undefined;
  }
}

// A file left from a service that no longer publishes a document (or was renamed).
function leftovers(files: GeneratedFile[]): string[] {
  const expected = new Set(files.map((file) => file.path));
  return generatedDirs
    .filter((dir) => existsSync(dir))
    .flatMap((dir) => readdirSync(dir).map((name) => path.join(dir, name)))
    .filter((file) => !expected.has(file));
}

async function freshFiles(): Promise<GeneratedFile[]> {
  const files: GeneratedFile[] = [];
  for (const { service, document } of await buildServiceDocuments()) {
    files.push(...(await renderServiceFiles(service, document)));
  }
  return files;
}

async function main(mode: string | undefined): Promise<number> {
  if (mode !== undefined && mode !== 'check') {
    console.error(`unknown mode "${mode}"; use no argument to write or "check" to verify`);
    return 2;
  }
  const files = await freshFiles();
  const relative = (file: string) => path.relative(process.cwd(), file);
  if (mode === 'check') {
    const stale = files.filter((file) => committed(file) !== file.content).map((file) => file.path);
    for (const file of stale) {
      console.error(`${relative(file)} is out of date with the code; run: npm run openapi:generate`);
    }
    const orphans = leftovers(files);
    for (const file of orphans) {
      console.error(`${relative(file)} is produced by no service any more; run: npm run openapi:generate`);
    }
    if (stale.length + orphans.length > 0) return 1;
    console.log(`${files.length} API files are up to date`);
    return 0;
  }
  for (const file of leftovers(files)) {
    rmSync(file);
    console.log(`removed ${relative(file)}`);
  }
  for (const file of files) {
    mkdirSync(path.dirname(file.path), { recursive: true });
    writeFileSync(file.path, file.content);
    console.log(`wrote ${relative(file.path)}`);
  }
  return 0;
}

main(process.argv[2]).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  },
);
