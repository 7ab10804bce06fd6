import { KubernetesObject, deepCopy } from '../kustomize/kubernetes-object';
import { renderKustomization } from '../kustomize/render-kustomization';
import { overlayDirectory } from '../overlays';
import { chassisEndpoints } from './chassis';
import {
  alertRuleProblems,
  ingressProblems,
  kafkaClusterProblems,
  kafkaTopicProblems,
  metricsInExpression,
  operationalPaths,
  scrapeProblems,
} from './platform-checks';

const services = ['requests', 'dispatch', 'volunteer-hours', 'notifications'];
const prod = renderKustomization(overlayDirectory('prod'));
const dev = renderKustomization(overlayDirectory('dev'));

function changed(
  objects: readonly KubernetesObject[],
  kind: string,
  name: string,
  change: (object: KubernetesObject) => void,
): KubernetesObject[] {
  const copy = deepCopy(objects) as KubernetesObject[];
  change(copy.find((object) => object.kind === kind && object.metadata.name === name)!);
  return copy;
}

describe('the Kafka checks', () => {
  it('notice a topic missing, one the registry does not have, and partitions that differ', () => {
    const objects = changed(
      prod.filter((object) => object.metadata.name !== 'hours.ledger.v1.dlq'),
      'KafkaTopic',
      'requests.ticket.v1',
      (topic) => ((topic.spec as { partitions: number }).partitions = 6),
    );
    objects.push({
      apiVersion: 'kafka.strimzi.io/v1',
      kind: 'KafkaTopic',
      metadata: { name: 'scratch', labels: { 'strimzi.io/cluster': 'loop' } },
      spec: {},
    });

    expect(kafkaTopicProblems(objects)).toEqual([
      'KafkaTopic hours.ledger.v1.dlq is missing',
      expect.stringMatching(/^KafkaTopic requests.ticket.v1 has \{"partitions":6/),
      "KafkaTopic scratch is not in the contracts' topic registry",
    ]);
  });

  it('expect two in-sync replicas of three in production and one on a single development node', () => {
    expect(kafkaClusterProblems(prod)).toEqual([]);
    expect(kafkaClusterProblems(dev)).toEqual([]);
  });

  it('notice replication a cluster cannot give', () => {
    const objects = changed(
      prod,
      'KafkaNodePool',
      'brokers',
      (pool) => ((pool.spec as { replicas: number }).replicas = 1),
    );

    expect(kafkaClusterProblems(objects)).toContain(
      'Kafka default.replication.factor is 3, expected 1 for 1 broker(s)',
    );
  });

  it('notice services pointed away from the cluster', () => {
    const objects = changed(
      prod,
      'ConfigMap',
      'loop-shared-config',
      (config) => ((config.data as Record<string, string>).KAFKA_BROKERS = 'kafka:9092'),
    );

    expect(kafkaClusterProblems(objects)).toEqual([
      "KAFKA_BROKERS (kafka:9092) must be the bootstrap address of the loop cluster's TLS listener",
    ]);
  });
});

describe('the Ingress checks', () => {
  it('notice a buffered notifications stream and a service without a route', () => {
    const buffered = changed(
      prod,
      'Ingress',
      'loop-notifications',
      (ingress) => delete ingress.metadata.annotations!['nginx.ingress.kubernetes.io/proxy-buffering'],
    );
    const unrouted = prod.filter((object) => object.metadata.name !== 'loop-api');

    expect(ingressProblems(buffered, services)).toEqual([
      'the notifications Ingress must not buffer responses (its live stream is Server-Sent Events)',
    ]);
    expect(ingressProblems(unrouted, services)).toEqual([
      'no Ingress routes to requests',
      'no Ingress routes to dispatch',
      'no Ingress routes to volunteer-hours',
    ]);
  });

  it('notice /metrics, /docs and /health of a service reachable on the public host, as they were before the API-only paths', () => {
    const catchAll = changed(prod, 'Ingress', 'loop-notifications', (ingress) => {
      const [rule] = (ingress.spec as { rules: { http: { paths: { path: string }[] } }[] }).rules;
      rule.http.paths[0].path = '/api/notifications(/|$)(.*)';
    });

    expect(ingressProblems(catchAll, services, operationalPaths(chassisEndpoints()))).toEqual([
      'the Ingress routes /api/notifications/metrics, which only the cluster may reach',
      'the Ingress routes /api/notifications/METRICS, which only the cluster may reach',
      'the Ingress routes /api/notifications/docs, which only the cluster may reach',
      'the Ingress routes /api/notifications/DOCS, which only the cluster may reach',
      'the Ingress routes /api/notifications/docs-json, which only the cluster may reach',
      'the Ingress routes /api/notifications/DOCS-JSON, which only the cluster may reach',
      'the Ingress routes /api/notifications/health/live, which only the cluster may reach',
      'the Ingress routes /api/notifications/HEALTH/LIVE, which only the cluster may reach',
      'the Ingress routes /api/notifications/health/ready, which only the cluster may reach',
      'the Ingress routes /api/notifications/HEALTH/READY, which only the cluster may reach',
    ]);
  });

  it("route a service's API paths, its own words that merely begin like an operational one, and rewrite them for the service", () => {
    const api = prod.find((object) => object.kind === 'Ingress' && object.metadata.name === 'loop-api')!;
    const [{ path }] = (api.spec as { rules: { http: { paths: { path: string }[] } }[] }).rules[0].http.paths;
    const rewritten = (url: string) => new RegExp(`^${path}`, 'i').exec(url)?.[2];

    expect(
      ['/api/requests/tickets', '/api/requests/me/tickets', '/api/requests/healthy-homes'].map(rewritten),
    ).toEqual(['tickets', 'me/tickets', 'healthy-homes']);
    expect(
      ['/api/requests/metrics?x=1', '/api/requests/docs/', '/api/requests/health'].map(rewritten),
    ).toEqual([undefined, undefined, undefined]);
  });
});

describe('the monitoring checks', () => {
  it('notice a service the ServiceMonitor does not select', () => {
    const objects = changed(
      prod,
      'Service',
      'dispatch',
      (service) => delete service.metadata.labels!['app.kubernetes.io/component'],
    );

    expect(scrapeProblems(objects, services, chassisEndpoints())).toEqual([
      'no ServiceMonitor scrapes /metrics of the dispatch Service',
    ]);
  });

  it('read the metric names of an alert expression', () => {
    expect(
      metricsInExpression(
        'sum by (service) (rate(http_request_duration_seconds_count{status=~"5.."}[5m])) / up{}',
      ),
    ).toEqual(['http_request_duration_seconds_count', 'up']);
  });

  it('notice an alert on a metric nobody exposes', () => {
    const objects = changed(prod, 'PrometheusRule', 'loop-alerts', (rule) => {
      (rule.spec as { groups: { rules: { expr: string }[] }[] }).groups[0].rules[0].expr = 'kafka_lag{} > 1';
    });

    expect(alertRuleProblems(objects, new Set(['kafka_consumer_lag']))).toContain(
      'alert LoopConsumerLagHigh reads kafka_lag, which no service exposes',
    );
  });
});
