// Loads each service's config schema by the layout convention services/<name>/src/config/<name>.config.ts.
// The tools project may not import a service (the module-boundary rule keeps services apart from
// everything else), and it should not need to: the deployment checks only read the schema class, the
// same file the service validates its environment with at start-up.
import { join } from 'node:path';
import { ConfigSchema, PlatformConfig } from '@loop/platform';

const repositoryRoot = join(__dirname, '..', '..', '..');

/** The config schema class of a service (a subclass of PlatformConfig). */
export function serviceConfigSchema(service: string): ConfigSchema<PlatformConfig> {
  const file = join(repositoryRoot, 'services', service, 'src', 'config', `${service}.config.ts`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded by path on purpose, see above
  const exported = require(file) as Record<string, unknown>;
  const schema = Object.values(exported).find(
    (value): value is ConfigSchema<PlatformConfig> =>
      typeof value === 'function' && value.prototype instanceof PlatformConfig,
  );
  if (!schema) throw new Error(`${file} exports no class extending PlatformConfig`);
  return schema;
}
