// Validates rendered objects against the schemas of what they will be applied to:
// - Kubernetes 1.31 kinds against the JSON Schemas extracted from the official Kubernetes Java client
//   (tools/k8s/schemas/kubernetes-1.31.schema.json), refusing unknown fields as `kubectl apply` does;
// - Strimzi resources against the openAPIV3Schema of Strimzi's own CRDs (strimzi-1.2.0.schema.json),
//   made strict the same way (an API server prunes unknown fields; strict field validation refuses them);
// - prometheus-operator and KEDA resources with the @kubernetes-models validators
//   (validate-custom-resources.mjs), which check types, formats and required fields.
// Custom resources' metadata is checked against the Kubernetes ObjectMeta schema.
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KubernetesObject, Mapping, isMapping } from '../kustomize/kubernetes-object';
import {
  kubernetesKinds,
  kubernetesSchemaFile,
  strimziKinds,
  strimziSchemaFile,
} from '../schemas/schema-sources';

/** Why one object is invalid. */
export interface ValidationIssue {
  /** `Kind name` of the object. */
  object: string;
  /** What is wrong, with the path of the offending field. */
  message: string;
}

const customResourceGroups = ['monitoring.coreos.com/', 'keda.sh/'];
const customResourceValidator = join(__dirname, 'validate-custom-resources.mjs');

/** Checks objects against the Kubernetes, Strimzi, prometheus-operator and KEDA schemas. */
export class ObjectValidator {
  private readonly ajv = new Ajv({ allErrors: true, strict: false });
  private readonly byKind = new Map<string, ValidateFunction>();
  private readonly objectMeta: ValidateFunction;

  constructor() {
    const kubernetes = JSON.parse(readFileSync(kubernetesSchemaFile, 'utf8')) as { definitions: Mapping };
    this.ajv.addSchema({ $id: 'kubernetes', definitions: kubernetes.definitions });
    for (const [kind, model] of Object.entries(kubernetesKinds)) {
      this.byKind.set(kind, this.ajv.getSchema(`kubernetes#/definitions/${model}`)!);
    }
    this.objectMeta = this.ajv.getSchema('kubernetes#/definitions/V1ObjectMeta')!;
    const strimzi = JSON.parse(readFileSync(strimziSchemaFile, 'utf8')) as Record<string, unknown>;
    for (const kind of Object.keys(strimziKinds))
      this.byKind.set(kind, this.ajv.compile(strictStructuralSchema(strimzi[kind]) as object));
  }

  /** Every way the objects fail their schemas; empty when all are valid. */
  validate(objects: readonly KubernetesObject[]): ValidationIssue[] {
    return this.validateSets({ objects }).objects;
  }

  /**
   * Validates several sets of objects (say, every overlay) at once: the custom resources of all sets go
   * to one child process instead of one per set.
   */
  validateSets<K extends string>(sets: Record<K, readonly KubernetesObject[]>): Record<K, ValidationIssue[]> {
    const issues = Object.fromEntries(
      Object.keys(sets).map((key) => [key, [] as ValidationIssue[]]),
    ) as Record<K, ValidationIssue[]>;
    const delegated: { set: K; object: KubernetesObject }[] = [];
    for (const set of Object.keys(sets) as K[]) {
      for (const object of sets[set]) {
        const kind = `${object.apiVersion}/${object.kind}`;
        const validator = this.byKind.get(kind);
        if (validator) {
          issues[set].push(...this.check(validator, object, object));
        } else if (customResourceGroups.some((group) => object.apiVersion.startsWith(group))) {
          delegated.push({ set, object });
        } else {
          issues[set].push({
            object: describe(object),
            message: `no schema for ${kind}: add it to tools/k8s/schemas/schema-sources.ts`,
          });
        }
        if (!kubernetesKinds[kind])
          issues[set].push(...this.check(this.objectMeta, object.metadata, object, '/metadata'));
      }
    }
    for (const { index, message } of validateCustomResources(delegated.map(({ object }) => object))) {
      const { set, object } = delegated[index];
      issues[set].push({ object: describe(object), message });
    }
    return issues;
  }

  private check(
    validator: ValidateFunction,
    value: unknown,
    object: KubernetesObject,
    prefix = '',
  ): ValidationIssue[] {
    if (validator(value)) return [];
    return (validator.errors ?? []).map((error) => ({
      object: describe(object),
      message: `${prefix}${explain(error)}`,
    }));
  }
}

function describe(object: KubernetesObject): string {
  return `${object.kind} ${object.metadata.name}`;
}

function explain(error: ErrorObject): string {
  const where = error.instancePath || '/';
  if (error.keyword === 'additionalProperties')
    return `${where}: unknown field "${String(error.params.additionalProperty)}"`;
  return `${where}: ${error.message ?? error.keyword}`;
}

/**
 * A CRD's structural schema made strict: an object schema with declared properties refuses others,
 * unless it is marked `x-kubernetes-preserve-unknown-fields` (or declares additionalProperties itself).
 */
export function strictStructuralSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strictStructuralSchema);
  if (!isMapping(schema)) return schema;
  const strict: Mapping = {};
  for (const [key, value] of Object.entries(schema)) {
    strict[key] =
      key === 'properties' && isMapping(value)
        ? mapValues(value, strictStructuralSchema)
        : strictStructuralSchema(value);
  }
  if (
    schema.type === 'object' &&
    isMapping(schema.properties) &&
    schema.additionalProperties === undefined &&
    !schema['x-kubernetes-preserve-unknown-fields']
  ) {
    strict.additionalProperties = false;
  }
  return strict;
}

function mapValues(mapping: Mapping, transform: (value: unknown) => unknown): Mapping {
  return Object.fromEntries(Object.entries(mapping).map(([key, value]) => [key, transform(value)]));
}

function validateCustomResources(objects: KubernetesObject[]): { index: number; message: string }[] {
  if (objects.length === 0) return [];
  const result = spawnSync(process.execPath, [customResourceValidator], {
    input: JSON.stringify(objects),
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`${customResourceValidator} failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as { index: number; message: string }[];
}
