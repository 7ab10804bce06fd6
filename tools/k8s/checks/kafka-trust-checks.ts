// Checks of who may talk to Kafka in a rendered overlay (docs/adr/0008-kafka-trust.md): the brokers admit
// only TLS clients with a certificate and authorise every request; the KafkaUsers are the ones generated
// from the contracts; each service's pods connect over TLS with its own user's certificate.
import { PlatformConfig } from '@loop/platform';
import { posix } from 'node:path';
import { KubernetesObject, Mapping, isMapping, sameJson } from '../kustomize/kubernetes-object';
import { kafkaClusterName } from '../kafka/kafka-topics';
import {
  clusterCaSecret,
  kafkaUserName,
  kafkaUserResources,
  kedaKafkaUser,
  kedaKafkaUserResource,
} from '../kafka/kafka-users';

interface Listener {
  name: string;
  port: number;
  tls: boolean;
  authentication?: { type?: string };
}

function ofKind(objects: readonly KubernetesObject[], kind: string): KubernetesObject[] {
  return objects.filter((object) => object.kind === kind);
}

/**
 * Where the brokers would admit or trust someone they should not: a listener without TLS or without
 * client authentication, no authorisation, no User Operator to issue certificates, or services pointed
 * at another listener than the authenticated one.
 */
export function kafkaAuthenticationProblems(objects: readonly KubernetesObject[]): string[] {
  const kafka = ofKind(objects, 'Kafka').find((object) => object.metadata.name === kafkaClusterName);
  if (!kafka) return [`no Kafka ${kafkaClusterName}`];
  const spec = kafka.spec as {
    kafka: { listeners: Listener[]; authorization?: { type?: string } };
    entityOperator?: { userOperator?: unknown };
  };
  const problems: string[] = [];
  for (const listener of spec.kafka.listeners) {
    if (!listener.tls) problems.push(`the Kafka listener ${listener.name} must use TLS`);
    if (listener.authentication?.type !== 'tls')
      problems.push(`the Kafka listener ${listener.name} must authenticate clients by certificate`);
  }
  if (spec.kafka.authorization?.type !== 'simple')
    problems.push("Kafka must authorise requests by the KafkaUsers' ACLs (authorization: simple)");
  if (!isMapping(spec.entityOperator?.userOperator))
    problems.push("the User Operator must run to issue the KafkaUsers' certificates");
  return problems;
}

/**
 * Where the KafkaUsers differ from the ones generated from the contracts: a service's user missing or
 * changed by hand, or a user nobody generated. KEDA's is expected exactly where a ScaledObject measures
 * Kafka lag.
 */
export function kafkaUserProblems(objects: readonly KubernetesObject[]): string[] {
  const scalesOnLag = ofKind(objects, 'ScaledObject').some((object) =>
    ((object.spec as { triggers?: { type?: string }[] }).triggers ?? []).some(
      (trigger) => trigger.type === 'kafka',
    ),
  );
  const expected = [...kafkaUserResources(), ...(scalesOnLag ? [kedaKafkaUserResource()] : [])];
  const actual = new Map(ofKind(objects, 'KafkaUser').map((user) => [user.metadata.name, user]));
  const problems: string[] = [];
  for (const user of expected) {
    const found = actual.get(user.metadata.name);
    if (!found) problems.push(`KafkaUser ${user.metadata.name} is missing`);
    else if (!sameJson(found.spec, user.spec))
      problems.push(
        `KafkaUser ${user.metadata.name} differs from the one generated from the contracts (regenerate it)`,
      );
    else if (found.metadata.labels?.['strimzi.io/cluster'] !== kafkaClusterName)
      problems.push(`KafkaUser ${user.metadata.name} does not belong to the cluster ${kafkaClusterName}`);
  }
  for (const name of actual.keys()) {
    if (!expected.some((user) => user.metadata.name === name))
      problems.push(
        name === kedaKafkaUser
          ? `KafkaUser ${name} is there but no ScaledObject measures Kafka lag`
          : `KafkaUser ${name} is not generated from the contracts`,
      );
  }
  return problems;
}

/** The Secret mounted at the directory holding `file`, if any. */
function secretHolding(podSpec: Mapping, container: Mapping, file: string): string | undefined {
  const mounts = (container.volumeMounts as { name: string; mountPath: string }[] | undefined) ?? [];
  const mount = mounts.find((candidate) => posix.dirname(file) === candidate.mountPath.replace(/\/+$/, ''));
  const volumes = (podSpec.volumes as { name: string; secret?: { secretName?: string } }[] | undefined) ?? [];
  return volumes.find((volume) => volume.name === mount?.name)?.secret?.secretName;
}

/**
 * Where a service's pod would not reach Kafka as itself: TLS off, or the certificate, key or CA not
 * files of the Secrets Strimzi keeps for the service's KafkaUser and the cluster CA.
 */
export function kafkaClientProblems(
  podSpec: Mapping,
  container: Mapping,
  service: string,
  config: PlatformConfig,
): string[] {
  if (!config.KAFKA_TLS) return ['KAFKA_TLS must be true: the brokers admit only TLS clients'];
  const problems: string[] = [];
  const userSecret = kafkaUserName(service);
  const expected: [string, string | undefined, string][] = [
    ['KAFKA_TLS_CERT_FILE', config.KAFKA_TLS_CERT_FILE, userSecret],
    ['KAFKA_TLS_KEY_FILE', config.KAFKA_TLS_KEY_FILE, userSecret],
    ['KAFKA_TLS_CA_FILE', config.KAFKA_TLS_CA_FILE, clusterCaSecret],
  ];
  for (const [variable, file, secret] of expected) {
    if (!file) problems.push(`${variable} must name a file of the Secret ${secret}`);
    else if (secretHolding(podSpec, container, file) !== secret)
      problems.push(`${variable} (${file}) must be a file of the Secret ${secret}, mounted in the pod`);
  }
  if (config.KAFKA_PROVISION_TOPICS)
    problems.push('KAFKA_PROVISION_TOPICS must be false: the Topic Operator owns the topics');
  return problems;
}
