import { KubernetesObject } from '../kustomize/kubernetes-object';
import { ObjectValidator, strictStructuralSchema } from './validate-objects';

const validator = new ObjectValidator();

function deployment(container: Record<string, unknown>): KubernetesObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'requests' },
    spec: {
      selector: { matchLabels: { app: 'requests' } },
      template: {
        metadata: { labels: { app: 'requests' } },
        spec: { containers: [{ name: 'requests', image: 'loop/requests', ...container }] },
      },
    },
  };
}

const topic: KubernetesObject = {
  apiVersion: 'kafka.strimzi.io/v1',
  kind: 'KafkaTopic',
  metadata: { name: 'requests.ticket.v1', labels: { 'strimzi.io/cluster': 'loop' } },
  spec: { partitions: 12, config: { 'retention.ms': '-1' } },
};

describe('schema validation', () => {
  it('accepts a well-formed Deployment and KafkaTopic', () => {
    expect(
      validator.validate([deployment({ ports: [{ name: 'http', containerPort: 3001 }] }), topic]),
    ).toEqual([]);
  });

  it('refuses a field Kubernetes does not know, as kubectl apply would', () => {
    expect(
      validator.validate([
        deployment({ readinesProbe: { httpGet: { path: '/health/ready', port: 'http' } } }),
      ]),
    ).toEqual([
      {
        object: 'Deployment requests',
        message: '/spec/template/spec/containers/0: unknown field "readinesProbe"',
      },
    ]);
  });

  it('refuses a value of the wrong type and a missing required field', () => {
    const issues = validator.validate([
      deployment({ ports: [{ name: 'http', containerPort: 'http' }], env: [{ value: 'x' }] }),
    ]);

    expect(issues.map((issue) => issue.message)).toEqual([
      "/spec/template/spec/containers/0/env/0: must have required property 'name'",
      '/spec/template/spec/containers/0/ports/0/containerPort: must be integer',
    ]);
  });

  it('holds Strimzi resources to their CRD, unknown fields included', () => {
    const issues = validator.validate([{ ...topic, spec: { partitions: 'twelve', replica: 3 } }]);

    expect(issues.map((issue) => issue.message).sort()).toEqual([
      '/spec/partitions: must be integer',
      '/spec: unknown field "replica"',
    ]);
  });

  it("checks custom resources' metadata against the Kubernetes object metadata", () => {
    const issues = validator.validate([
      {
        ...topic,
        metadata: { ...topic.metadata, labels: { 'strimzi.io/cluster': 1 } },
      } as unknown as KubernetesObject,
    ]);

    expect(issues).toEqual([
      {
        object: 'KafkaTopic requests.ticket.v1',
        message: '/metadata/labels/strimzi.io~1cluster: must be string',
      },
    ]);
  });

  it('validates prometheus-operator and KEDA resources with their CRD schemas', () => {
    const monitor = {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: { name: 'loop' },
      spec: { selector: {}, endpoints: [{ port: 'http', interval: 'every minute' }] },
    };
    const scaler = {
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'ScaledObject',
      metadata: { name: 'requests' },
      spec: { scaleTargetRef: { name: 'requests' }, triggers: [{ type: 'kafka', metadata: {} }] },
    };

    const issues = validator.validate([monitor, scaler] as KubernetesObject[]);

    expect(issues).toEqual([
      {
        object: 'ServiceMonitor loop',
        message: expect.stringContaining('/spec/endpoints/0/interval must match pattern'),
      },
    ]);
  });

  it('refuses an object it has no schema for', () => {
    const issues = validator.validate([
      { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'x' } },
    ]);

    expect(issues).toEqual([
      { object: 'StatefulSet x', message: expect.stringContaining('no schema for apps/v1/StatefulSet') },
    ]);
  });
});

describe('strict structural schemas', () => {
  it('close objects with declared properties unless they preserve unknown fields', () => {
    const schema = {
      type: 'object',
      properties: {
        spec: { type: 'object', properties: { a: { type: 'string' } } },
        config: {
          type: 'object',
          'x-kubernetes-preserve-unknown-fields': true,
          properties: { b: { type: 'string' } },
        },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
      },
    };

    expect(strictStructuralSchema(schema)).toEqual({
      type: 'object',
      additionalProperties: false,
      properties: {
        spec: { type: 'object', additionalProperties: false, properties: { a: { type: 'string' } } },
        config: {
          type: 'object',
          'x-kubernetes-preserve-unknown-fields': true,
          properties: { b: { type: 'string' } },
        },
        labels: { type: 'object', additionalProperties: { type: 'string' } },
      },
    });
  });
});
