// tsx compiles with esbuild, which emits no decorator metadata; Nest reads constructor parameter types
// from it to wire providers, and Swagger reads property types from it to describe DTOs. The service
// sources are therefore loaded through SWC with the same settings as the test suites (jest.preset.cjs),
// so the document built here is the one the running service serves.
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { transformSync, type Options } from '@swc/core';

type CompileHook = (module: { _compile(code: string, filename: string): void }, filename: string) => void;

const loadFromHere = createRequire(__filename);
const workspaceRoot = path.resolve(__dirname, '../..');
const [, jestSwcOptions] = loadFromHere(path.join(workspaceRoot, 'jest.preset.cjs')).swcTransform as [
  string,
  Options,
];

/** Compiles every TypeScript file required from now on with SWC, decorator metadata included. */
export function compileTypeScriptWithDecoratorMetadata(): void {
  const extensions = (Module as unknown as { _extensions: Record<string, CompileHook> })._extensions;
  extensions['.ts'] = (module, filename) => {
    const { code } = transformSync(readFileSync(filename, 'utf8'), { ...jestSwcOptions, filename });
    module._compile(code, filename);
  };
}

/** Requires a module by path after `compileTypeScriptWithDecoratorMetadata` (import() would bypass it). */
export function loadCompiled<T>(modulePath: string): T {
  return loadFromHere(modulePath) as T;
}
