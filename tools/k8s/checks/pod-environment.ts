// The environment a container will see, resolved from a rendered set of objects: literal values,
// ConfigMap keys (envFrom and configMapKeyRef) and the names of variables that come from Secrets (whose
// values are not in git).
import { KubernetesObject, Mapping, isMapping } from '../kustomize/kubernetes-object';

/** A container's environment as far as the manifests determine it. */
export interface ContainerEnvironment {
  /** Variables with a value known from the manifests (literals and ConfigMaps). */
  values: Record<string, string>;
  /** Variables whose value comes from a Secret key. */
  fromSecrets: Set<string>;
  /** References that cannot be resolved, or sources the checks do not accept. */
  problems: string[];
}

function configMapData(
  objects: readonly KubernetesObject[],
  name: string,
  namespace: string | undefined,
): Record<string, string> | undefined {
  const configMap = objects.find(
    (object) =>
      object.kind === 'ConfigMap' && object.metadata.name === name && object.metadata.namespace === namespace,
  );
  return configMap ? ((configMap.data as Record<string, string> | undefined) ?? {}) : undefined;
}

/** Resolves the environment of `container`, a container of a pod in `namespace`. */
export function containerEnvironment(
  objects: readonly KubernetesObject[],
  container: Mapping,
  namespace: string | undefined,
): ContainerEnvironment {
  const environment: ContainerEnvironment = { values: {}, fromSecrets: new Set(), problems: [] };
  for (const source of (container.envFrom as Mapping[] | undefined) ?? []) {
    const reference = source.configMapRef as { name: string } | undefined;
    if (!reference) {
      // A whole Secret as environment would hide which variables it sets from every check.
      environment.problems.push(
        'envFrom may only name ConfigMaps; take secrets one key at a time with secretKeyRef',
      );
      continue;
    }
    const data = configMapData(objects, reference.name, namespace);
    if (!data) environment.problems.push(`envFrom names ConfigMap ${reference.name}, which is not rendered`);
    else Object.assign(environment.values, data);
  }
  for (const variable of (container.env as Mapping[] | undefined) ?? []) {
    const name = String(variable.name);
    const from = variable.valueFrom;
    if (!isMapping(from)) {
      environment.values[name] = String(variable.value ?? '');
    } else if (isMapping(from.secretKeyRef)) {
      delete environment.values[name];
      environment.fromSecrets.add(name);
    } else if (isMapping(from.configMapKeyRef)) {
      const { name: configMap, key } = from.configMapKeyRef as { name: string; key: string };
      const value = configMapData(objects, configMap, namespace)?.[key];
      if (value === undefined)
        environment.problems.push(`${name} refers to ${configMap}/${key}, which is not rendered`);
      else environment.values[name] = value;
    } else {
      environment.problems.push(`${name} takes its value from a source the checks do not resolve`);
    }
  }
  return environment;
}
