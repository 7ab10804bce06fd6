// Checks of what the services share in a rendered overlay: the Kafka cluster and its topics against the
// contracts' topic registry, the Ingress, and Prometheus scraping and alerting.
import { topicRegistry } from '@loop/contracts';
import { OPENAPI_PATH } from '@loop/platform';
import { KubernetesObject, sameJson } from '../kustomize/kubernetes-object';
import { kafkaClusterName, kafkaTopicResources } from '../kafka/kafka-topics';
import { ChassisEndpoints } from './chassis';

function ofKind(objects: readonly KubernetesObject[], kind: string): KubernetesObject[] {
  return objects.filter((object) => object.kind === kind);
}

function selects(
  selector: Record<string, string> | undefined,
  labels: Record<string, string> | undefined,
): boolean {
  return !!selector && Object.entries(selector).every(([key, value]) => labels?.[key] === value);
}

/** Where the KafkaTopics differ from the registry's topics; empty when they are the same. */
export function kafkaTopicProblems(objects: readonly KubernetesObject[]): string[] {
  const expected = new Map(kafkaTopicResources().map((topic) => [topic.metadata.name, topic]));
  const actual = new Map(ofKind(objects, 'KafkaTopic').map((topic) => [topic.metadata.name, topic]));
  const problems: string[] = [];
  for (const name of expected.keys()) if (!actual.has(name)) problems.push(`KafkaTopic ${name} is missing`);
  for (const [name, topic] of actual) {
    const wanted = expected.get(name);
    if (!wanted) problems.push(`KafkaTopic ${name} is not in the contracts' topic registry`);
    else if (!sameJson(topic.spec, wanted.spec))
      problems.push(
        `KafkaTopic ${name} has ${JSON.stringify(topic.spec)}, the registry says ${JSON.stringify(wanted.spec)}`,
      );
    else if (topic.metadata.labels?.['strimzi.io/cluster'] !== kafkaClusterName)
      problems.push(`KafkaTopic ${name} does not belong to the cluster ${kafkaClusterName}`);
  }
  return problems;
}

interface KafkaSpec {
  kafka: {
    listeners: {
      name: string;
      port: number;
      tls: boolean;
      networkPolicyPeers?: { podSelector?: { matchLabels?: Record<string, string> } }[];
    }[];
    config?: Record<string, unknown>;
  };
}

/**
 * Where the Kafka cluster cannot hold the topics as the registry means them: replication must fit the
 * brokers of the node pools, min.insync.replicas must be the registry's (lowered on a cluster too small
 * for it, as topicSpecs does), and the services must be pointed at the cluster's bootstrap address.
 */
export function kafkaClusterProblems(objects: readonly KubernetesObject[]): string[] {
  const kafka = ofKind(objects, 'Kafka').find((object) => object.metadata.name === kafkaClusterName);
  if (!kafka) return [`no Kafka ${kafkaClusterName}`];
  const problems: string[] = [];
  const spec = kafka.spec as KafkaSpec;
  const pools = ofKind(objects, 'KafkaNodePool').filter(
    (pool) => pool.metadata.labels?.['strimzi.io/cluster'] === kafkaClusterName,
  );
  const count = (role: string) =>
    pools
      .filter((pool) => (pool.spec as { roles: string[] }).roles.includes(role))
      .reduce((sum, pool) => sum + (pool.spec as { replicas: number }).replicas, 0);
  const brokers = count('broker');
  if (brokers === 0) problems.push('no KafkaNodePool with the broker role');
  if (count('controller') % 2 === 0) problems.push('KRaft needs an odd number of controllers');

  const config = spec.kafka.config ?? {};
  const replication = Math.min(3, brokers);
  const minInSync = Math.max(
    1,
    Math.min(Math.max(...topicRegistry.map((topic) => topic.minInSyncReplicas)), replication - 1),
  );
  const expected: Record<string, number> = {
    'default.replication.factor': replication,
    'offsets.topic.replication.factor': replication,
    'transaction.state.log.replication.factor': replication,
    'min.insync.replicas': minInSync,
    'transaction.state.log.min.isr': minInSync,
  };
  for (const [setting, value] of Object.entries(expected)) {
    if (Number(config[setting]) !== value)
      problems.push(
        `Kafka ${setting} is ${String(config[setting])}, expected ${value} for ${brokers} broker(s)`,
      );
  }
  if (config['auto.create.topics.enable'] !== false)
    problems.push('Kafka must not create topics on its own (auto.create.topics.enable: false)');

  // The listener the services use: the TLS one (kafka-trust-checks.ts checks it authenticates them).
  const listener = spec.kafka.listeners.find((candidate) => candidate.tls);
  const shared = ofKind(objects, 'ConfigMap').find((object) => object.metadata.name === 'loop-shared-config');
  const brokersVariable = (shared?.data as Record<string, string> | undefined)?.KAFKA_BROKERS;
  if (!listener || brokersVariable !== `${kafkaClusterName}-kafka-bootstrap:${listener.port}`)
    problems.push(
      `KAFKA_BROKERS (${brokersVariable}) must be the bootstrap address of the ${kafkaClusterName} cluster's TLS listener`,
    );
  const serverPods = {
    'app.kubernetes.io/part-of': 'grassroots-loop',
    'app.kubernetes.io/component': 'server',
  };
  if (
    listener &&
    !(listener.networkPolicyPeers ?? []).some((peer) => selects(peer.podSelector?.matchLabels, serverPods))
  ) {
    problems.push("the brokers' network policy must admit the services' pods");
  }
  return problems;
}

interface IngressPath {
  path: string;
  backend: { service: { name: string; port: { name?: string; number?: number } } };
}

/** The chassis' operational paths no public route may reach: metrics, the API document, health. */
export function operationalPaths(chassis: ChassisEndpoints): string[] {
  return [chassis.metrics, `/${OPENAPI_PATH}`, `/${OPENAPI_PATH}-json`, chassis.liveness, chassis.readiness];
}

/**
 * Whether an Ingress path routes `url`, as ingress-nginx matches it: with use-regex, a path is a
 * case-insensitive regular expression anchored at the start only (`location ~* "^<path>"`), applied to
 * the decoded, normalised URI; otherwise a prefix.
 */
export function routesPath(ingress: KubernetesObject, path: string, url: string): boolean {
  if (ingress.metadata.annotations?.['nginx.ingress.kubernetes.io/use-regex'] === 'true')
    return new RegExp(`^${path}`, 'i').test(url);
  return url === path || url.startsWith(path.endsWith('/') ? path : `${path}/`);
}

/**
 * Where the Ingress fails to expose a service's API, exposes what only the cluster may read (the
 * operational paths, under /api/<service>/ in any case), or buffers the notifications stream.
 */
export function ingressProblems(
  objects: readonly KubernetesObject[],
  services: readonly string[],
  closed: readonly string[] = [],
): string[] {
  const problems: string[] = [];
  const routes = ofKind(objects, 'Ingress').flatMap((ingress) =>
    ((ingress.spec as { rules?: { host?: string; http?: { paths: IngressPath[] } }[] }).rules ?? []).flatMap(
      (rule) => {
        if (!rule.host) problems.push(`Ingress ${ingress.metadata.name} has a rule without a host`);
        return (rule.http?.paths ?? []).map((path) => ({
          ingress,
          path: path.path,
          service: path.backend.service,
        }));
      },
    ),
  );
  for (const service of services) {
    for (const operational of closed) {
      for (const url of [`/api/${service}${operational}`, `/api/${service}${operational.toUpperCase()}`]) {
        if (routes.some((route) => routesPath(route.ingress, route.path, url)))
          problems.push(`the Ingress routes ${url}, which only the cluster may reach`);
      }
    }
  }
  for (const service of services) {
    const route = routes.find((candidate) => candidate.service.name === service);
    // Any path that is not an operational one stands for the service's API.
    const apiPath = `/api/${service}/tickets`;
    if (!route) problems.push(`no Ingress routes to ${service}`);
    else if (!routesPath(route.ingress, route.path, apiPath))
      problems.push(`the Ingress does not route ${apiPath} to ${service}`);
    else if (route.service.port.name !== 'http')
      problems.push(`the Ingress must reach ${service} on its http port`);
    else if (
      service === 'notifications' &&
      route.ingress.metadata.annotations?.['nginx.ingress.kubernetes.io/proxy-buffering'] !== 'off'
    ) {
      problems.push(
        'the notifications Ingress must not buffer responses (its live stream is Server-Sent Events)',
      );
    }
  }
  return problems;
}

/** Where Prometheus would not scrape a service's metrics. */
export function scrapeProblems(
  objects: readonly KubernetesObject[],
  services: readonly string[],
  chassis: ChassisEndpoints,
): string[] {
  const monitors = ofKind(objects, 'ServiceMonitor');
  return services.flatMap((name) => {
    const service = ofKind(objects, 'Service').find((object) => object.metadata.name === name);
    const scraped = monitors.some((monitor) => {
      const spec = monitor.spec as {
        selector?: { matchLabels?: Record<string, string> };
        endpoints?: { port?: string; path?: string }[];
      };
      return (
        selects(spec.selector?.matchLabels, service?.metadata.labels) &&
        (spec.endpoints ?? []).some(
          (endpoint) => endpoint.port === 'http' && endpoint.path === chassis.metrics,
        )
      );
    });
    return scraped ? [] : [`no ServiceMonitor scrapes ${chassis.metrics} of the ${name} Service`];
  });
}

/** The metric names an alert expression reads (written as `name{…}` selectors). */
export function metricsInExpression(expression: string): string[] {
  return [...expression.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)\{/g)].map((match) => match[1]);
}

/** Alert rules that read metrics nobody exposes, or read none in the checkable `name{…}` form. */
export function alertRuleProblems(
  objects: readonly KubernetesObject[],
  exposed: ReadonlySet<string>,
): string[] {
  const rules = ofKind(objects, 'PrometheusRule').flatMap((rule) =>
    (rule.spec as { groups: { rules: { alert?: string; expr: string }[] }[] }).groups.flatMap(
      (group) => group.rules,
    ),
  );
  if (rules.length === 0) return ['no PrometheusRule'];
  return rules.flatMap((rule) => {
    const metrics = metricsInExpression(rule.expr);
    if (metrics.length === 0) return [`alert ${rule.alert} names no metric as name{…}`];
    return metrics
      .filter((metric) => !exposed.has(metric))
      .map((metric) => `alert ${rule.alert} reads ${metric}, which no service exposes`);
  });
}
