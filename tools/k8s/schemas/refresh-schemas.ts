// `npx tsx tools/k8s/schemas/refresh-schemas.ts`: re-extracts the committed schemas that validate k8s/
// from their sources on Maven Central (pom.xml beside this file). Run it after changing a version in the
// pom or adding a kind to schema-sources.ts, and commit the result. Needs Maven and Java 21 or newer
// (Strimzi's generator is built for 21); the tests never run it.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { parse } from 'yaml';
import { isMapping } from '../kustomize/kubernetes-object';
import { kubernetesKinds, kubernetesSchemaFile, strimziKinds, strimziSchemaFile } from './schema-sources';

const here = __dirname;
const workDirectory = join(here, '..', '..', '..', '.local', 'k8s-schemas');

function javaMajorVersion(java: string): number {
  // `java -version` writes to stderr.
  const { stdout, stderr } = spawnSync(java, ['-version'], { encoding: 'utf8' });
  const match = /version "(\d+)/.exec(`${stdout ?? ''}${stderr ?? ''}`);
  return match ? Number(match[1]) : 0;
}

function java21(): string {
  const candidates = [
    process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : undefined,
    'java',
    ...(existsSync('/usr/lib/jvm')
      ? readdirSync('/usr/lib/jvm').map((jdk) => join('/usr/lib/jvm', jdk, 'bin', 'java'))
      : []),
  ].filter((candidate): candidate is string => candidate !== undefined);
  const found = candidates.find((candidate) => javaMajorVersion(candidate) >= 21);
  if (!found) throw new Error('Java 21 or newer is needed (set JAVA_HOME)');
  return found;
}

function classpath(): string {
  const file = join(workDirectory, 'classpath.txt');
  execFileSync(
    'mvn',
    ['-q', '-f', join(here, 'pom.xml'), 'dependency:build-classpath', `-Dmdep.outputFile=${file}`],
    { stdio: 'inherit' },
  );
  return readFileSync(file, 'utf8').trim();
}

// Descriptions are documentation, not rules; dropping them keeps the committed files small and diffable.
function withoutDescriptions(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutDescriptions);
  if (!isMapping(schema)) return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key, value]) => !(key === 'description' && typeof value === 'string'))
      .map(([key, value]) => [key, key === 'properties' ? mapValues(value) : withoutDescriptions(value)]),
  );
}

// Inside `properties` a key is a field name (a field may be called "description"), never a keyword.
function mapValues(properties: unknown): unknown {
  if (!isMapping(properties)) return properties;
  return Object.fromEntries(
    Object.entries(properties).map(([field, schema]) => [field, withoutDescriptions(schema)]),
  );
}

function strimziSchemas(java: string, cp: string): Record<string, unknown> {
  const crdDirectory = join(workDirectory, 'strimzi');
  mkdirSync(crdDirectory, { recursive: true });
  const targets = Object.values(strimziKinds).map(
    ({ crdClass, file }) => `${crdClass}=${join(crdDirectory, file)}`,
  );
  execFileSync(
    java,
    [
      '-cp',
      cp,
      'io.strimzi.crdgenerator.CrdGenerator',
      '--crd-api-version',
      'v1',
      '--api-versions',
      'v1',
      '--storage-version',
      'v1',
      '--target-kube',
      '1.16+',
      '--yaml',
      ...targets,
    ],
    { stdio: 'inherit' },
  );
  return Object.fromEntries(
    Object.entries(strimziKinds).map(([kind, { file }]) => {
      const crd = parse(readFileSync(join(crdDirectory, file), 'utf8')) as {
        spec: { versions: { name: string; schema: { openAPIV3Schema: unknown } }[] };
      };
      const version = kind.split('/')[1];
      const served = crd.spec.versions.find((candidate) => candidate.name === version);
      if (!served) throw new Error(`the ${file} CRD does not serve ${version}`);
      return [kind, withoutDescriptions(served.schema.openAPIV3Schema)];
    }),
  );
}

// Written as the repository's formatter would write them, so `prettier --check` passes untouched.
async function writeJson(file: string, text: string): Promise<void> {
  const options = (await resolveConfig(file)) ?? {};
  writeFileSync(file, await format(text, { ...options, parser: 'json' }));
}

async function main(): Promise<void> {
  mkdirSync(workDirectory, { recursive: true });
  const java = java21();
  const cp = classpath();
  const kinds = Object.entries(kubernetesKinds).map(([kind, model]) => `${kind}=${model}`);
  execFileSync(java, ['-cp', cp, join(here, 'ExtractSchemas.java'), kubernetesSchemaFile, ...kinds], {
    stdio: 'inherit',
  });
  await writeJson(kubernetesSchemaFile, readFileSync(kubernetesSchemaFile, 'utf8'));
  await writeJson(strimziSchemaFile, JSON.stringify(strimziSchemas(java, cp)));
  console.log(`wrote ${kubernetesSchemaFile} and ${strimziSchemaFile}`);
}

void main();
