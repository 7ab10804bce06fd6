// Checks that docker-compose.yml runs a service the way its validated configuration expects, so the
// compose stack (which cannot run on machines without a Docker engine) cannot silently drift.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ConfigError, ConfigSchema, configVariableNames, loadConfig } from '@loop/platform';

/** The repository root, where docker-compose.yml lives. */
export const repositoryRoot = join(__dirname, '..', '..', '..', '..');

interface ComposeService {
  build?: { args?: Record<string, string> };
  ports?: string[];
  environment?: Record<string, string | number | boolean>;
  depends_on?: Record<string, { condition?: string }>;
  healthcheck?: { test?: string[] };
}

/** The services of docker-compose.yml with YAML anchors and merge keys resolved. */
export function composeServices(
  file = join(repositoryRoot, 'docker-compose.yml'),
): Record<string, ComposeService> {
  return (parse(readFileSync(file, 'utf8'), { merge: true }) as { services: Record<string, ComposeService> })
    .services;
}

/** What the check needs to know about the service. */
export interface ComposeExpectation<T extends object> {
  /** Service name in compose and the Nx project name. */
  name: string;
  /** The service's config schema. */
  config: ConfigSchema<T>;
  /** The port the service listens on. */
  port: number;
}

/** Every way the compose definition of a service disagrees with its config schema; empty when none. */
export function composeServiceProblems<T extends object>(expected: ComposeExpectation<T>): string[] {
  const service = composeServices()[expected.name];
  if (!service) return [`docker-compose.yml has no service "${expected.name}"`];
  const problems: string[] = [];
  const environment = Object.fromEntries(
    Object.entries(service.environment ?? {}).map(([key, value]) => [key, String(value)]),
  );

  if (service.build?.args?.SERVICE !== expected.name) {
    problems.push(`build arg SERVICE is "${service.build?.args?.SERVICE}", expected "${expected.name}"`);
  }
  if (!(service.ports ?? []).includes(`${expected.port}:${expected.port}`)) {
    problems.push(`ports must publish ${expected.port}:${expected.port}`);
  }
  if (environment.PORT !== String(expected.port))
    problems.push(`PORT is ${environment.PORT}, expected ${expected.port}`);

  const declared = new Set(configVariableNames(expected.config));
  for (const variable of Object.keys(environment)) {
    if (!declared.has(variable)) problems.push(`${variable} is set but the config schema does not read it`);
  }
  try {
    loadConfig(expected.config, environment);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(`the environment is not a valid configuration: ${error.message}`);
  }

  for (const dependency of ['kafka', 'postgres', 'redis']) {
    if (service.depends_on?.[dependency]?.condition !== 'service_healthy') {
      problems.push(`must depend on a healthy ${dependency}`);
    }
  }
  if (!(service.healthcheck?.test ?? []).join(' ').includes('/health/ready')) {
    problems.push('the health check must probe /health/ready');
  }
  return problems;
}
