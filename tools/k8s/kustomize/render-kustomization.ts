// Renders a kustomization directory the way `kustomize build` (and `kubectl kustomize`) does, for exactly
// the features k8s/ uses: resources (files and directories), patches (strategic merge, by file, including
// `$patch: delete`), namespace, labels and images. Anything else in a kustomization.yaml is refused, so a
// manifest cannot quietly rely on a feature rendered differently here than by kustomize. The order of
// operations is kustomize's: resources, then patches, then namespace, labels and images.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  KubernetesObject,
  Mapping,
  apiGroup,
  deepCopy,
  isKubernetesObject,
  isMapping,
  objectId,
} from './kubernetes-object';
import { UnsupportedPatchError, strategicMerge } from './strategic-merge';

/** One entry of `images:`: which image to point elsewhere. */
export interface ImageOverride {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
}

/** One entry of `labels:` (only metadata labels: selectors and templates are left alone). */
export interface LabelSet {
  pairs: Record<string, string>;
  includeSelectors?: false;
  includeTemplates?: false;
}

/** The subset of kustomization.yaml the renderer implements. */
export interface Kustomization {
  apiVersion: 'kustomize.config.k8s.io/v1beta1';
  kind: 'Kustomization';
  resources?: string[];
  namespace?: string;
  labels?: LabelSet[];
  images?: ImageOverride[];
  patches?: { path: string }[];
}

/** Thrown for a kustomization the renderer cannot render faithfully, or a broken reference. */
export class KustomizationError extends Error {
  override readonly name = 'KustomizationError';
}

const supportedFields = new Set([
  'apiVersion',
  'kind',
  'resources',
  'namespace',
  'labels',
  'images',
  'patches',
]);

// Kinds without a namespace; the namespace transformer leaves them alone.
const clusterScopedKinds = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'PriorityClass',
  'StorageClass',
  'PersistentVolume',
]);

// Built-in API groups: objects of these are merged with Kubernetes' patch merge keys; anything else is a
// custom resource.
const builtInGroups = new Set([
  '',
  'apps',
  'batch',
  'policy',
  'autoscaling',
  'networking.k8s.io',
  'rbac.authorization.k8s.io',
]);

/** Reads and checks `<directory>/kustomization.yaml`. */
export function readKustomization(directory: string): Kustomization {
  const file = join(directory, 'kustomization.yaml');
  if (!existsSync(file)) throw new KustomizationError(`${directory} has no kustomization.yaml`);
  const parsed: unknown = parseAllDocuments(readFileSync(file, 'utf8'))[0]?.toJS();
  if (!isMapping(parsed)) throw new KustomizationError(`${file} is not a mapping`);
  const unsupported = Object.keys(parsed).filter((field) => !supportedFields.has(field));
  if (unsupported.length > 0)
    throw new KustomizationError(`${file} uses unsupported fields: ${unsupported.join(', ')}`);
  if (parsed.apiVersion !== 'kustomize.config.k8s.io/v1beta1' || parsed.kind !== 'Kustomization') {
    throw new KustomizationError(`${file} must be a kustomize.config.k8s.io/v1beta1 Kustomization`);
  }
  for (const labelSet of (parsed.labels as LabelSet[] | undefined) ?? []) {
    if (labelSet.includeSelectors || labelSet.includeTemplates) {
      throw new KustomizationError(
        `${file}: labels may only set metadata labels (no includeSelectors/includeTemplates)`,
      );
    }
  }
  for (const patch of (parsed.patches as Mapping[] | undefined) ?? []) {
    const fields = Object.keys(patch);
    if (fields.length !== 1 || typeof patch.path !== 'string') {
      throw new KustomizationError(
        `${file}: patches must name a file with "path" only (no inline patch, no target)`,
      );
    }
  }
  return parsed as unknown as Kustomization;
}

/** Every Kubernetes object of a YAML file, in order. */
export function readManifestFile(file: string): KubernetesObject[] {
  return parseAllDocuments(readFileSync(file, 'utf8'))
    .map((document) => document.toJS() as unknown)
    .filter((value) => value !== null && value !== undefined)
    .map((value) => {
      if (!isKubernetesObject(value))
        throw new KustomizationError(`${file} holds a document that is not a Kubernetes object`);
      return value;
    });
}

/** The objects `kustomize build <directory>` outputs, in the order they were declared. */
export function renderKustomization(directory: string): KubernetesObject[] {
  const root = resolve(directory);
  const kustomization = readKustomization(root);
  let objects = (kustomization.resources ?? []).flatMap((resource) => loadResource(root, resource));
  assertUnique(objects, root);

  for (const { path } of kustomization.patches ?? []) objects = applyPatchFile(objects, join(root, path));
  if (kustomization.namespace)
    objects = objects.map((object) => withNamespace(object, kustomization.namespace!));
  for (const { pairs } of kustomization.labels ?? [])
    objects = objects.map((object) => withLabels(object, pairs));
  for (const image of kustomization.images ?? []) objects = objects.map((object) => withImage(object, image));
  return objects;
}

function loadResource(root: string, resource: string): KubernetesObject[] {
  const path = join(root, resource);
  if (!existsSync(path))
    throw new KustomizationError(`${root}/kustomization.yaml lists ${resource}, which does not exist`);
  return statSync(path).isDirectory() ? renderKustomization(path) : readManifestFile(path);
}

function assertUnique(objects: KubernetesObject[], root: string): void {
  const seen = new Set<string>();
  for (const object of objects) {
    const id = objectId(object);
    if (seen.has(id)) throw new KustomizationError(`${root}: ${id} is declared twice`);
    seen.add(id);
  }
}

function applyPatchFile(objects: KubernetesObject[], file: string): KubernetesObject[] {
  let patched = objects;
  const patches = readManifestFile(file);
  if (patches.length > 1 && patches.some((patch) => patch.$patch === 'delete')) {
    // kustomize 5 crashes on a deletion among several patches of one file.
    throw new KustomizationError(`${file}: a $patch: delete must be the only patch of its file`);
  }
  for (const patch of patches) {
    const matches = patched.filter((object) => patchTargets(patch, object));
    if (matches.length !== 1) {
      throw new KustomizationError(
        `${file}: patch of ${patch.kind} ${patch.metadata.name} matches ${matches.length} objects, expected 1`,
      );
    }
    const [target] = matches;
    if (patch.$patch === 'delete') {
      patched = patched.filter((object) => object !== target);
      continue;
    }
    const body = deepCopy(patch) as Mapping;
    delete body.apiVersion;
    delete body.kind;
    try {
      const merged = strategicMerge(target as unknown as Mapping, body, {
        builtIn: builtInGroups.has(apiGroup(target.apiVersion)),
      });
      patched = patched.map((object) => (object === target ? (merged as KubernetesObject) : object));
    } catch (error) {
      if (error instanceof UnsupportedPatchError) throw new KustomizationError(`${file}: ${error.message}`);
      throw error;
    }
  }
  return patched;
}

function patchTargets(patch: KubernetesObject, object: KubernetesObject): boolean {
  return (
    patch.apiVersion === object.apiVersion &&
    patch.kind === object.kind &&
    patch.metadata.name === object.metadata.name &&
    (patch.metadata.namespace === undefined || patch.metadata.namespace === object.metadata.namespace)
  );
}

function withNamespace(object: KubernetesObject, namespace: string): KubernetesObject {
  if (clusterScopedKinds.has(object.kind)) return object;
  return { ...object, metadata: { ...object.metadata, namespace } };
}

function withLabels(object: KubernetesObject, pairs: Record<string, string>): KubernetesObject {
  return { ...object, metadata: { ...object.metadata, labels: { ...object.metadata.labels, ...pairs } } };
}

function withImage(object: KubernetesObject, override: ImageOverride): KubernetesObject {
  return replaceImages(object, override) as KubernetesObject;
}

// Like kustomize's image transformer: every `image` of an item of a `containers` or `initContainers`
// list, wherever it sits (Deployment and Job templates alike).
function replaceImages(value: unknown, override: ImageOverride, inContainerList = false): unknown {
  if (Array.isArray(value)) return value.map((item) => replaceImages(item, override, inContainerList));
  if (!isMapping(value)) return value;
  const result: Mapping = {};
  for (const [key, child] of Object.entries(value)) {
    if (inContainerList && key === 'image' && typeof child === 'string')
      result[key] = overriddenImage(child, override);
    else result[key] = replaceImages(child, override, key === 'containers' || key === 'initContainers');
  }
  return result;
}

function overriddenImage(image: string, override: ImageOverride): string {
  const { name, tag, digest } = splitImage(image);
  if (name !== override.name) return image;
  const newName = override.newName ?? name;
  if (override.digest) return `${newName}@${override.digest}`;
  if (override.newTag) return `${newName}:${override.newTag}`;
  if (digest) return `${newName}@${digest}`;
  return tag ? `${newName}:${tag}` : newName;
}

/** An image reference split into name, tag and digest (a registry port is part of the name). */
export function splitImage(image: string): { name: string; tag?: string; digest?: string } {
  const at = image.indexOf('@');
  const withoutDigest = at === -1 ? image : image.slice(0, at);
  const digest = at === -1 ? undefined : image.slice(at + 1);
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.indexOf(':', lastSlash + 1);
  if (colon === -1) return { name: withoutDigest, digest };
  return { name: withoutDigest.slice(0, colon), tag: withoutDigest.slice(colon + 1), digest };
}
