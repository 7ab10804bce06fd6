// Checks that a rendered overlay runs one service the way its code expects: the environment its config
// schema reads, the image the Dockerfile builds, the port it listens on, the chassis' probe and metrics
// paths, graceful termination long enough for its shutdown, and the companions every service has (migration
// Job, Service, PodDisruptionBudget, autoscaler, ServiceAccount, NetworkPolicy).
import {
  ConfigError,
  ConfigSchema,
  PlatformConfig,
  configVariableNames,
  describeConfig,
  loadConfig,
} from '@loop/platform';
import { KubernetesObject, Mapping, isMapping } from '../kustomize/kubernetes-object';
import { splitImage } from '../kustomize/render-kustomization';
import { ChassisEndpoints } from './chassis';
import { ImageFacts, nodeUserId } from './dockerfile';
import { kafkaClientProblems } from './kafka-trust-checks';
import { containerEnvironment } from './pod-environment';

/** One service as the checks need to know it. */
export interface ServiceUnderCheck {
  /** Service name (the service catalogue in libs/testing). */
  name: string;
  /** The port it listens on. */
  port: number;
  /** Its PostgreSQL database. */
  database: string;
  /** Its config schema. */
  config: ConfigSchema<PlatformConfig>;
}

/** What the service's code and image say, against which the manifests are checked. */
export interface CodeFacts {
  chassis: ChassisEndpoints;
  image: ImageFacts;
}

// How long Nest gets to close after the HTTP drain before the chassis gives up
// (CLOSE_ALLOWANCE_MS in libs/platform/src/bootstrap/graceful-shutdown.ts).
const closeAllowanceSeconds = 15;
// Variables holding credentials: they must come from Secrets, never from a ConfigMap or a literal.
const credentialVariables = ['DATABASE_URL', 'REDIS_URL', 'KAFKA_SASL_PASSWORD'];

interface PodTemplate {
  metadata: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec: Mapping & { containers: Mapping[] };
}

function find(
  objects: readonly KubernetesObject[],
  kind: string,
  name: string,
): KubernetesObject | undefined {
  return objects.find((object) => object.kind === kind && object.metadata.name === name);
}

function template(workload: KubernetesObject): PodTemplate {
  return (workload.spec as { template: PodTemplate }).template;
}

function selects(
  selector: Record<string, string> | undefined,
  labels: Record<string, string> | undefined,
): boolean {
  return !!selector && Object.entries(selector).every(([key, value]) => labels?.[key] === value);
}

/** Every way a rendered overlay deploys `service` differently from what its code expects; empty when none. */
export function serviceManifestProblems(
  objects: readonly KubernetesObject[],
  service: ServiceUnderCheck,
  facts: CodeFacts,
): string[] {
  const deployment = find(objects, 'Deployment', service.name);
  if (!deployment) return [`no Deployment ${service.name}`];
  const problems: string[] = [];
  const pod = template(deployment);
  const container = pod.spec.containers.find((candidate) => candidate.name === service.name);
  if (!container) return [`Deployment ${service.name} has no container named ${service.name}`];

  const config = containerProblems(objects, deployment, container, service, facts, problems, 'Deployment');
  serverProblems(pod, container, service, facts, config, problems);
  companionProblems(objects, deployment, pod, service, problems);
  migrationJobProblems(objects, container, service, facts, problems);
  return problems;
}

// Environment, image and security of a container; returns the validated config when the environment is valid.
function containerProblems(
  objects: readonly KubernetesObject[],
  workload: KubernetesObject,
  container: Mapping,
  service: ServiceUnderCheck,
  facts: CodeFacts,
  problems: string[],
  where: string,
): PlatformConfig | undefined {
  const say = (problem: string) => problems.push(`${where} ${workload.metadata.name}: ${problem}`);
  const environment = containerEnvironment(objects, container, workload.metadata.namespace);
  environment.problems.forEach(say);

  const declared = new Set(configVariableNames(service.config));
  const provided = [...Object.keys(environment.values), ...environment.fromSecrets];
  for (const variable of provided)
    if (!declared.has(variable))
      say(`${variable} is set but the ${service.name} config schema does not read it`);
  for (const variable of describeConfig(service.config)) {
    if (variable.required && !provided.includes(variable.name))
      say(`${variable.name} is required by the config schema but not set`);
  }
  for (const variable of credentialVariables) {
    if (variable in environment.values)
      say(`${variable} holds credentials and must come from a Secret (secretKeyRef)`);
  }
  let config: PlatformConfig | undefined;
  try {
    // Secret values are not in git; stand-ins of the right shape let the rest of the environment be validated.
    const standIns: Record<string, string> = {
      DATABASE_URL: `postgres://${service.name}:secret@postgres.example:5432/${service.database}`,
      REDIS_URL: 'redis://:secret@redis.example:6379',
    };
    const secrets = Object.fromEntries(
      [...environment.fromSecrets].map((name) => [name, standIns[name] ?? 'secret']),
    );
    config = loadConfig(service.config, { ...environment.values, ...secrets });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    say(`the environment is not a valid configuration: ${error.message}`);
  }
  if (config && config.PORT !== service.port) say(`PORT is ${config.PORT}, expected ${service.port}`);
  if (config) kafkaClientProblems(template(workload).spec, container, service.name, config).forEach(say);

  const image = splitImage(String(container.image));
  if (!image.name.endsWith(`grassroots-loop/${service.name}`))
    say(`image ${String(container.image)} is not the ${service.name} image of the Dockerfile`);
  if (container.command !== undefined || container.args !== undefined)
    say(`command/args override the image's CMD (${facts.image.command.join(' ')})`);

  const podSpec = template(workload).spec;
  const podSecurity = (podSpec.securityContext as Mapping | undefined) ?? {};
  const security = (container.securityContext as Mapping | undefined) ?? {};
  if (podSecurity.runAsNonRoot !== true) say('pods must set runAsNonRoot: true');
  if (facts.image.user === 'node' && podSecurity.runAsUser !== nodeUserId)
    say(`runAsUser must be ${nodeUserId}, the image's node user`);
  if (security.readOnlyRootFilesystem !== true) say('the root filesystem must be read-only');
  if (security.allowPrivilegeEscalation !== false) say('privilege escalation must be off');
  if (!((security.capabilities as { drop?: string[] } | undefined)?.drop ?? []).includes('ALL'))
    say('all capabilities must be dropped');
  const resources = (container.resources as { requests?: Mapping; limits?: Mapping } | undefined) ?? {};
  if (!resources.requests?.cpu || !resources.requests?.memory || !resources.limits?.memory)
    say('cpu and memory requests and a memory limit are required');
  return config;
}

function serverProblems(
  pod: PodTemplate,
  container: Mapping,
  service: ServiceUnderCheck,
  facts: CodeFacts,
  config: PlatformConfig | undefined,
  problems: string[],
): void {
  const say = (problem: string) => problems.push(`Deployment ${service.name}: ${problem}`);
  const ports = (container.ports as { name?: string; containerPort: number }[] | undefined) ?? [];
  const http = ports.find((port) => port.name === 'http');
  if (http?.containerPort !== service.port) say(`the container port named http must be ${service.port}`);

  const probes: [string, string][] = [
    ['startupProbe', facts.chassis.liveness],
    ['livenessProbe', facts.chassis.liveness],
    ['readinessProbe', facts.chassis.readiness],
  ];
  for (const [probe, path] of probes) {
    const httpGet = (container[probe] as { httpGet?: { path?: string; port?: unknown } } | undefined)
      ?.httpGet;
    if (httpGet?.path !== path) say(`${probe} must GET ${path}`);
    if (httpGet && httpGet.port !== 'http' && httpGet.port !== service.port)
      say(`${probe} must probe the http port`);
  }

  const annotations = pod.metadata.annotations ?? {};
  if (
    annotations['prometheus.io/path'] !== facts.chassis.metrics ||
    annotations['prometheus.io/port'] !== String(service.port)
  ) {
    say(`prometheus.io annotations must point at ${facts.chassis.metrics} on port ${service.port}`);
  }

  if (config) {
    const preStop =
      (container.lifecycle as { preStop?: { sleep?: { seconds?: number } } } | undefined)?.preStop?.sleep
        ?.seconds ?? 0;
    const needed = preStop + config.SHUTDOWN_GRACE_MS / 1000 + closeAllowanceSeconds;
    const grace = Number(pod.spec.terminationGracePeriodSeconds ?? 30);
    if (grace < needed)
      say(
        `terminationGracePeriodSeconds ${grace} is shorter than preStop + SHUTDOWN_GRACE_MS + close (${needed} s)`,
      );
  }

  const spread = (pod.spec.topologySpreadConstraints as { topologyKey: string }[] | undefined) ?? [];
  for (const key of ['topology.kubernetes.io/zone', 'kubernetes.io/hostname']) {
    if (!spread.some((constraint) => constraint.topologyKey === key))
      say(`replicas must be spread over ${key}`);
  }
}

function companionProblems(
  objects: readonly KubernetesObject[],
  deployment: KubernetesObject,
  pod: PodTemplate,
  service: ServiceUnderCheck,
  problems: string[],
): void {
  const say = (problem: string) => problems.push(`${service.name}: ${problem}`);
  const labels = pod.metadata.labels;
  const selector = (deployment.spec as { selector?: { matchLabels?: Record<string, string> } }).selector
    ?.matchLabels;
  if (!selects(selector, labels)) say('the Deployment selector does not select its own pods');

  const serviceAccount = find(objects, 'ServiceAccount', String(pod.spec.serviceAccountName));
  if (pod.spec.serviceAccountName !== service.name || !serviceAccount)
    say(`pods must run as the ServiceAccount ${service.name}`);
  if (serviceAccount && serviceAccount.automountServiceAccountToken !== false)
    say('the ServiceAccount must not mount an API token');

  const kubeService = find(objects, 'Service', service.name);
  const servicePorts =
    (kubeService?.spec as { ports?: { name?: string; targetPort?: unknown }[] } | undefined)?.ports ?? [];
  if (!kubeService || !selects((kubeService.spec as { selector?: Record<string, string> }).selector, labels))
    say(`a Service ${service.name} must select the pods`);
  else if (
    !servicePorts.some(
      (port) => port.name === 'http' && (port.targetPort === 'http' || port.targetPort === service.port),
    )
  )
    say('the Service must expose a port named http targeting the http port');

  const budget = find(objects, 'PodDisruptionBudget', service.name);
  if (
    !budget ||
    !selects(
      (budget.spec as { selector?: { matchLabels?: Record<string, string> } }).selector?.matchLabels,
      labels,
    )
  )
    say('a PodDisruptionBudget must select the pods');

  const autoscalers = objects.filter(
    (object) =>
      (object.kind === 'HorizontalPodAutoscaler' || object.kind === 'ScaledObject') &&
      (object.spec as { scaleTargetRef?: { name?: string } }).scaleTargetRef?.name === service.name,
  );
  if (autoscalers.length !== 1)
    say(
      `exactly one HorizontalPodAutoscaler or ScaledObject must scale the Deployment (found ${autoscalers.length})`,
    );

  const policies = objects.filter(
    (object) =>
      object.kind === 'NetworkPolicy' &&
      (object.spec as { policyTypes?: string[] }).policyTypes?.includes('Egress'),
  );
  if (
    !policies.some((policy) =>
      selects(
        (policy.spec as { podSelector?: { matchLabels?: Record<string, string> } }).podSelector?.matchLabels,
        labels,
      ),
    )
  ) {
    say('no NetworkPolicy restricts the pods');
  }
}

function migrationJobProblems(
  objects: readonly KubernetesObject[],
  server: Mapping,
  service: ServiceUnderCheck,
  facts: CodeFacts,
  problems: string[],
): void {
  const job = find(objects, 'Job', `${service.name}-migrate`);
  if (!job) {
    problems.push(`${service.name}: no migration Job ${service.name}-migrate`);
    return;
  }
  const pod = template(job);
  const [container] = pod.spec.containers;
  containerProblems(objects, job, container, service, facts, problems, 'Job');
  const say = (problem: string) => problems.push(`Job ${job.metadata.name}: ${problem}`);
  if (container.image !== server.image)
    say(`must migrate with the image the Deployment runs (${String(server.image)})`);
  const migrateOnly = ((container.env as Mapping[] | undefined) ?? []).find(
    (variable) => variable.name === 'MIGRATE_ONLY',
  );
  if (!isMapping(migrateOnly) || migrateOnly.value !== 'true')
    say('must set MIGRATE_ONLY=true so the service migrates and exits');
  if (pod.spec.restartPolicy !== 'Never') say('restartPolicy must be Never (the Job retries with new pods)');
  const deployment = find(objects, 'Deployment', service.name)!;
  const selector = (deployment.spec as { selector?: { matchLabels?: Record<string, string> } }).selector
    ?.matchLabels;
  if (selects(selector, pod.metadata.labels))
    say('its pods must not match the Deployment selector (they would receive traffic)');
}
