// The KafkaUsers of the loop, derived from the contracts like the KafkaTopics: each service may write only
// the topics the topic registry says it owns, read only the topics whose events the event catalogue says
// it consumes, and write the dead-letter topics of what it reads. See docs/adr/0008-kafka-trust.md.
import { join } from 'node:path';
import { ServiceName, serviceNames, TopicDefinition, topicRegistry, topicsConsumedBy } from '@loop/contracts';
import { KubernetesObject } from '../kustomize/kubernetes-object';
import { kafkaClusterName } from './kafka-topics';

/** The committed, generated KafkaUsers of the services and the operations toolbox (every overlay). */
export const kafkaUsersFile = join(__dirname, '..', '..', '..', 'k8s', 'base', 'kafka', 'kafka-users.yaml');

/** The committed, generated KafkaUser of KEDA's consumer-lag scaler (the prod-keda overlay only). */
export const kedaKafkaUserFile = join(
  __dirname,
  '..',
  '..',
  '..',
  'k8s',
  'overlays',
  'prod-keda',
  'kafka-user-keda.yaml',
);

/** The KafkaUser of a service; Strimzi names the Secret with its certificate the same. */
export function kafkaUserName(service: string): string {
  return `${service}-kafka`;
}

/** The KafkaUser the operations toolbox runs under (dead-letter replay, read-model rebuilds). */
export const operationsKafkaUser = 'loop-operations-kafka';

/** The KafkaUser KEDA's Kafka scaler measures consumer lag with. */
export const kedaKafkaUser = 'keda-kafka';

/** The Secret Strimzi keeps the cluster CA certificate in (`ca.crt`), which clients trust the brokers by. */
export const clusterCaSecret = `${kafkaClusterName}-cluster-ca-cert`;

/** Prefix of the throw-away consumer groups a dead-letter replay reads with (libs/messaging). */
const replayGroupPrefix = 'dead-letter-replay-';

/** The operations of a Kafka ACL, in the order they are listed. */
const operationOrder = ['Describe', 'Read', 'Write', 'Delete'] as const;
type Operation = (typeof operationOrder)[number];

/** One ACL rule of a KafkaUser (Strimzi `simple` authorization). */
export interface KafkaAcl {
  resource: { type: 'topic' | 'group'; name: string; patternType: 'literal' | 'prefix' };
  operations: Operation[];
}

/** A Strimzi KafkaUser as generated here. */
export interface KafkaUserResource extends KubernetesObject {
  spec: {
    authentication: { type: 'tls' };
    authorization: { type: 'simple'; acls: KafkaAcl[] };
  };
}

/** Which topics (registry names) each service consumes; the event catalogue's answer by default. */
export type ConsumedTopics = (service: ServiceName) => readonly string[];

/** Collects operations per resource, so a resource appears once however many reasons grant it. */
class AclSet {
  private readonly rules = new Map<string, KafkaAcl>();

  allow(type: KafkaAcl['resource']['type'], name: string, operations: Operation[], prefix = false): this {
    const key = `${type}:${prefix ? 'prefix' : 'literal'}:${name}`;
    const rule = this.rules.get(key) ?? {
      resource: { type, name, patternType: prefix ? 'prefix' : 'literal' },
      operations: [],
    };
    const merged = new Set([...rule.operations, ...operations]);
    rule.operations = operationOrder.filter((operation) => merged.has(operation));
    this.rules.set(key, rule);
    return this;
  }

  toList(): KafkaAcl[] {
    return [...this.rules.values()];
  }
}

/**
 * What a service may do: write (and describe) the topics it owns; read the topics it consumes and write
 * their dead-letter topics (a consumer parks what it cannot handle on `<topic>.dlq`); read its consumer
 * group (named after the service, as messagingOptionsFrom names it). Describe covers the metadata the
 * producer, the consumer and the lag monitor ask for. Nothing may create, delete or reconfigure a topic:
 * the Topic Operator does that from the KafkaTopics.
 */
export function serviceAcls(
  service: ServiceName,
  registry: readonly TopicDefinition[] = topicRegistry,
  consumedBy: ConsumedTopics = topicsConsumedBy,
): KafkaAcl[] {
  const acls = new AclSet();
  for (const topic of registry.filter((candidate) => candidate.owner === service))
    acls.allow('topic', topic.name, ['Describe', 'Write']);
  const consumed = registry.filter((topic) => consumedBy(service).includes(topic.name));
  for (const topic of consumed) {
    acls.allow('topic', topic.name, ['Describe', 'Read']);
    acls.allow('topic', topic.deadLetter.name, ['Describe', 'Write']);
  }
  if (consumed.length > 0) acls.allow('group', service, ['Describe', 'Read']);
  return acls.toList();
}

/**
 * The operations toolbox (docs/operations.md): replaying a dead letter reads the dead-letter topic with
 * a throw-away group and writes the record back to its source topic; rebuilding a read model rewinds a
 * service's group. Its certificate is as strong as every owner's for writes, so only operators get it.
 */
export function operationsAcls(registry: readonly TopicDefinition[] = topicRegistry): KafkaAcl[] {
  const acls = new AclSet();
  for (const topic of registry) {
    acls.allow('topic', topic.name, ['Describe', 'Read', 'Write']);
    acls.allow('topic', topic.deadLetter.name, ['Describe', 'Read']);
  }
  for (const service of serviceNames) acls.allow('group', service, ['Describe', 'Read']);
  acls.allow('group', replayGroupPrefix, ['Describe', 'Read', 'Delete'], true);
  return acls.toList();
}

/** KEDA's lag scaler only looks: the committed and latest offsets of the services' groups and topics. */
export function kedaAcls(
  registry: readonly TopicDefinition[] = topicRegistry,
  consumedBy: ConsumedTopics = topicsConsumedBy,
): KafkaAcl[] {
  const acls = new AclSet();
  for (const service of serviceNames) {
    const consumed = registry.filter((topic) => consumedBy(service).includes(topic.name));
    for (const topic of consumed) acls.allow('topic', topic.name, ['Describe']);
    if (consumed.length > 0) acls.allow('group', service, ['Describe']);
  }
  return acls.toList();
}

function kafkaUser(name: string, acls: KafkaAcl[], namespace?: string): KafkaUserResource {
  return {
    apiVersion: 'kafka.strimzi.io/v1',
    kind: 'KafkaUser',
    metadata: {
      name,
      ...(namespace ? { namespace } : {}),
      labels: { 'strimzi.io/cluster': kafkaClusterName },
    },
    spec: {
      // Mutual TLS: the User Operator issues the certificate into a Secret of the same name.
      authentication: { type: 'tls' },
      authorization: { type: 'simple', acls },
    },
  };
}

/** One KafkaUser per service, then the operations toolbox's, in service order. */
export function kafkaUserResources(
  registry: readonly TopicDefinition[] = topicRegistry,
  consumedBy: ConsumedTopics = topicsConsumedBy,
): KafkaUserResource[] {
  return [
    ...serviceNames.map((service) =>
      kafkaUser(kafkaUserName(service), serviceAcls(service, registry, consumedBy)),
    ),
    kafkaUser(operationsKafkaUser, operationsAcls(registry)),
  ];
}

/**
 * The KafkaUser of KEDA's lag scaler, in the production namespace like the ScaledObjects beside it (the
 * prod-keda overlay adds resources to the prod overlay without a namespace transformer of its own).
 */
export function kedaKafkaUserResource(
  registry: readonly TopicDefinition[] = topicRegistry,
  consumedBy: ConsumedTopics = topicsConsumedBy,
): KafkaUserResource {
  return kafkaUser(kedaKafkaUser, kedaAcls(registry, consumedBy), 'loop');
}
