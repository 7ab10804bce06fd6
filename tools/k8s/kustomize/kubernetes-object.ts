// The shape every rendered manifest has, and the helpers the renderer and the checks share to read it.

/** Any Kubernetes object as parsed from YAML. */
export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [field: string]: unknown;
  };
  [field: string]: unknown;
}

/** A plain JSON-like object (a YAML mapping). */
export type Mapping = Record<string, unknown>;

/** Whether a value is a YAML mapping (not null, not a list). */
export function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a parsed YAML document looks like a Kubernetes object (apiVersion, kind and a name). */
export function isKubernetesObject(value: unknown): value is KubernetesObject {
  return (
    isMapping(value) &&
    typeof value.apiVersion === 'string' &&
    typeof value.kind === 'string' &&
    isMapping(value.metadata) &&
    typeof value.metadata.name === 'string'
  );
}

/** `apiVersion/kind/namespace/name`: what identifies an object in a rendered set. */
export function objectId(object: KubernetesObject): string {
  return `${object.apiVersion}/${object.kind}/${object.metadata.namespace ?? ''}/${object.metadata.name}`;
}

/** The API group of an apiVersion (`apps` for `apps/v1`, empty for the core `v1`). */
export function apiGroup(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
}

/** A deep copy of a JSON-like value (plain objects, so copies compare equal to parsed YAML). */
export function deepCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Whether two JSON-like values are equal, regardless of key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isMapping(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Objects sorted by their identity, so two renders of the same manifests compare equal. */
export function sortedObjects(objects: readonly KubernetesObject[]): KubernetesObject[] {
  return [...objects].sort((a, b) => (objectId(a) < objectId(b) ? -1 : objectId(a) > objectId(b) ? 1 : 0));
}
