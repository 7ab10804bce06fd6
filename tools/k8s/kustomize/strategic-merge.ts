// Strategic merge patches, as far as k8s/ uses them. Maps merge key by key and `null` removes a key, as
// in kustomize. Lists are where strategic merge differs from a JSON merge: in built-in kinds a list with a
// patch merge key (containers by name, env by name…) merges item by item, other lists are replaced
// whole. Lists this module does not know, and any list inside a custom resource (where kustomize infers
// merge keys from the items), are refused, so the manifests stay inside what `kustomize build` is
// proven to render the same way (tools/k8s/kustomize-parity.spec.ts).
import { Mapping, deepCopy, isMapping } from './kubernetes-object';

/** The patch merge keys of the built-in list fields the manifests patch (from the Kubernetes API). */
const mergeKeys: Readonly<Record<string, string>> = {
  containers: 'name',
  initContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
};

/** Built-in list fields without a patch merge key: a patch replaces them whole. */
const atomicLists = new Set([
  'args',
  'command',
  'metrics',
  'policies',
  'ingress',
  'egress',
  'from',
  'to',
  'tls',
  'hosts',
  'rules',
  'paths',
]);

/** Thrown when a patch uses a strategic-merge feature the renderer does not implement. */
export class UnsupportedPatchError extends Error {
  override readonly name = 'UnsupportedPatchError';
}

/** How the object being patched is to be merged. */
export interface MergeContext {
  /** True for built-in kinds (apps/v1 Deployment…), false for custom resources. */
  builtIn: boolean;
}

/** `target` with `patch` applied as a strategic merge patch; neither argument is modified. */
export function strategicMerge(target: Mapping, patch: Mapping, context: MergeContext, path = ''): Mapping {
  const merged = deepCopy(target);
  for (const [key, value] of Object.entries(patch)) {
    const fieldPath = `${path}/${key}`;
    if (key.startsWith('$'))
      throw new UnsupportedPatchError(`directive ${key} at ${path || '/'} is not supported`);
    if (value === null) {
      delete merged[key];
    } else if (isMapping(value) && isMapping(merged[key])) {
      merged[key] = strategicMerge(merged[key] as Mapping, value, context, fieldPath);
    } else if (Array.isArray(value) && Array.isArray(merged[key])) {
      merged[key] = mergeList(key, merged[key] as unknown[], value, context, fieldPath);
    } else {
      merged[key] = deepCopy(value);
    }
  }
  return merged;
}

function mergeList(
  field: string,
  target: unknown[],
  patch: unknown[],
  context: MergeContext,
  path: string,
): unknown[] {
  if (!context.builtIn) {
    throw new UnsupportedPatchError(
      `${path}: lists in custom resources cannot be patched; patch the whole resource instead`,
    );
  }
  if (atomicLists.has(field)) return deepCopy(patch);
  const mergeKey = mergeKeys[field];
  if (!mergeKey)
    throw new UnsupportedPatchError(`${path}: strategic merge of the list "${field}" is not supported`);

  const merged = target.map((item) => deepCopy(item));
  for (const item of patch) {
    if (!isMapping(item) || item[mergeKey] === undefined) {
      throw new UnsupportedPatchError(`${path}: every item must be a mapping with "${mergeKey}"`);
    }
    const index = merged.findIndex(
      (existing) => isMapping(existing) && existing[mergeKey] === item[mergeKey],
    );
    if (index === -1) merged.push(deepCopy(item));
    else
      merged[index] = strategicMerge(
        merged[index] as Mapping,
        item,
        context,
        `${path}[${String(item[mergeKey])}]`,
      );
  }
  return merged;
}
