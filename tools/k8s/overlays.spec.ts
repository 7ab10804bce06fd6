import { chassisEndpoints } from './checks/chassis';
import { imageFacts } from './checks/dockerfile';
import { cronJobProblems } from './checks/cron-job-checks';
import { exposedMetricNames } from './checks/exposed-metrics';
import {
  alertRuleProblems,
  ingressProblems,
  kafkaClusterProblems,
  kafkaTopicProblems,
  operationalPaths,
  scrapeProblems,
} from './checks/platform-checks';
import { kafkaAuthenticationProblems, kafkaUserProblems } from './checks/kafka-trust-checks';
import { serviceConfigSchema } from './checks/service-config-schema';
import { serviceManifestProblems } from './checks/service-manifest-checks';
import { KubernetesObject } from './kustomize/kubernetes-object';
import { renderKustomization } from './kustomize/render-kustomization';
import { Overlay, deployedServices, overlayDirectory, overlays } from './overlays';
import { targetKubernetesVersion } from './schemas/schema-sources';
import { ObjectValidator, ValidationIssue } from './validation/validate-objects';

const facts = { chassis: chassisEndpoints(), image: imageFacts() };
const serviceNames = deployedServices.map((service) => service.name);
const rendered = {} as Record<Overlay, KubernetesObject[]>;
let schemaIssues: Record<Overlay, ValidationIssue[]>;

beforeAll(() => {
  for (const overlay of overlays) rendered[overlay] = renderKustomization(overlayDirectory(overlay));
  schemaIssues = new ObjectValidator().validateSets(rendered);
});

describe.each(overlays)('the %s overlay', (overlay) => {
  let objects: KubernetesObject[];

  beforeAll(() => {
    objects = rendered[overlay];
  });

  it('renders every service, the Kafka cluster and its topics', () => {
    const kinds = new Set(objects.map((object) => object.kind));

    expect(
      objects
        .filter((object) => object.kind === 'Deployment')
        .map((object) => object.metadata.name)
        .sort(),
    ).toEqual([...serviceNames, 'console'].sort());
    expect(
      ['Kafka', 'KafkaNodePool', 'KafkaTopic', 'Ingress', 'PrometheusRule'].every((kind) => kinds.has(kind)),
    ).toBe(true);
  });

  it(`validates against the Kubernetes ${targetKubernetesVersion}, Strimzi, prometheus-operator and KEDA schemas`, () => {
    expect(schemaIssues[overlay]).toEqual([]);
  });

  it.each(deployedServices)(
    'runs $name with the environment, image, port and probes its code expects',
    (service) => {
      const problems = serviceManifestProblems(
        objects,
        { ...service, config: serviceConfigSchema(service.name) },
        facts,
      );

      expect(problems).toEqual([]);
    },
  );

  it('runs its scheduled jobs one at a time, bounded, pinned and as contained as the services', () => {
    expect(cronJobProblems(objects)).toEqual([]);
  });

  it("declares exactly the contracts' topics, on a cluster that can hold them", () => {
    expect([...kafkaTopicProblems(objects), ...kafkaClusterProblems(objects)]).toEqual([]);
  });

  it('exposes every public API and nothing else (no metrics, API document or health), with the notifications stream unbuffered', () => {
    expect(ingressProblems(objects, serviceNames, operationalPaths(facts.chassis))).toEqual([]);
  });

  it('admits to Kafka only TLS clients with the certificate of a KafkaUser generated from the contracts', () => {
    expect([...kafkaAuthenticationProblems(objects), ...kafkaUserProblems(objects)]).toEqual([]);
  });

  it('has every service scraped and alerts only on metrics the services expose', () => {
    expect([
      ...scrapeProblems(objects, serviceNames, facts.chassis),
      ...alertRuleProblems(objects, exposedMetricNames()),
    ]).toEqual([]);
  });
});
