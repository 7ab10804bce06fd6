import { loadConfig, PlatformConfig } from '@loop/platform';
import { KubernetesObject, Mapping, deepCopy } from '../kustomize/kubernetes-object';
import { renderKustomization } from '../kustomize/render-kustomization';
import { overlayDirectory } from '../overlays';
import { kafkaAuthenticationProblems, kafkaClientProblems, kafkaUserProblems } from './kafka-trust-checks';

const prod = renderKustomization(overlayDirectory('prod'));
const prodKeda = renderKustomization(overlayDirectory('prod-keda'));

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

const kafkaSpec = (kafka: KubernetesObject) =>
  kafka.spec as { kafka: Mapping & { listeners: Mapping[] }; entityOperator: Mapping };

describe('the Kafka authentication checks', () => {
  it('notice a plain-text listener beside the TLS one, and a cluster that authorises nothing', () => {
    const open = changed(prod, 'Kafka', 'loop', (kafka) => {
      kafkaSpec(kafka).kafka.listeners.push({ name: 'plain', port: 9092, type: 'internal', tls: false });
      delete kafkaSpec(kafka).kafka.authorization;
      delete kafkaSpec(kafka).entityOperator.userOperator;
    });

    expect(kafkaAuthenticationProblems(open)).toEqual([
      'the Kafka listener plain must use TLS',
      'the Kafka listener plain must authenticate clients by certificate',
      "Kafka must authorise requests by the KafkaUsers' ACLs (authorization: simple)",
      "the User Operator must run to issue the KafkaUsers' certificates",
    ]);
  });

  it('notice a user widened by hand, a user nobody generated, and a missing one', () => {
    const widened = changed(prod, 'KafkaUser', 'dispatch-kafka', (user) => {
      const acls = (user.spec as { authorization: { acls: Mapping[] } }).authorization.acls;
      acls.push({
        resource: { type: 'topic', name: 'requests.ticket.v1', patternType: 'literal' },
        operations: ['Write'],
      });
    }).filter((object) => object.metadata.name !== 'notifications-kafka');
    widened.push({
      apiVersion: 'kafka.strimzi.io/v1',
      kind: 'KafkaUser',
      metadata: { name: 'debug-kafka', labels: { 'strimzi.io/cluster': 'loop' } },
    });

    expect(kafkaUserProblems(widened)).toEqual([
      'KafkaUser dispatch-kafka differs from the one generated from the contracts (regenerate it)',
      'KafkaUser notifications-kafka is missing',
      'KafkaUser debug-kafka is not generated from the contracts',
    ]);
  });

  it("expect KEDA's user exactly where a ScaledObject measures Kafka lag", () => {
    expect(kafkaUserProblems(prodKeda)).toEqual([]);
    expect(kafkaUserProblems(prodKeda.filter((object) => object.metadata.name !== 'keda-kafka'))).toEqual([
      'KafkaUser keda-kafka is missing',
    ]);
  });
});

describe('the Kafka client checks', () => {
  const deployment = prod.find(
    (object) => object.kind === 'Deployment' && object.metadata.name === 'dispatch',
  )!;
  const podSpec = (deployment.spec as { template: { spec: Mapping & { containers: Mapping[] } } }).template
    .spec;
  const environment = {
    PORT: '3002',
    DATABASE_URL: 'postgres://dispatch:secret@postgres.example:5432/loop_dispatch',
    REDIS_URL: 'redis://:secret@redis.example:6379',
    KAFKA_BROKERS: 'loop-kafka-bootstrap:9093',
    KAFKA_CLIENT_ID: 'dispatch',
    AUTH_DEV_ISSUER: 'true',
    KAFKA_TLS: 'true',
    KAFKA_TLS_CA_FILE: '/etc/kafka/cluster-ca/ca.crt',
    KAFKA_TLS_CERT_FILE: '/etc/kafka/user/user.crt',
    KAFKA_TLS_KEY_FILE: '/etc/kafka/user/user.key',
    KAFKA_PROVISION_TOPICS: 'false',
  };
  const config = (overrides: Record<string, string> = {}) =>
    loadConfig(PlatformConfig, { ...environment, ...overrides });

  it("accept dispatch's pod with its own user's certificate and the cluster CA mounted", () => {
    expect(kafkaClientProblems(podSpec, podSpec.containers[0], 'dispatch', config())).toEqual([]);
  });

  it("notice a pod presenting another service's certificate, or connecting in plain text", () => {
    expect(kafkaClientProblems(podSpec, podSpec.containers[0], 'requests', config())).toEqual([
      'KAFKA_TLS_CERT_FILE (/etc/kafka/user/user.crt) must be a file of the Secret requests-kafka, mounted in the pod',
      'KAFKA_TLS_KEY_FILE (/etc/kafka/user/user.key) must be a file of the Secret requests-kafka, mounted in the pod',
    ]);
    expect(
      kafkaClientProblems(
        podSpec,
        podSpec.containers[0],
        'dispatch',
        loadConfig(PlatformConfig, {
          ...environment,
          KAFKA_TLS: 'false',
          KAFKA_TLS_CA_FILE: '',
          KAFKA_TLS_CERT_FILE: '',
          KAFKA_TLS_KEY_FILE: '',
        }),
      ),
    ).toEqual(['KAFKA_TLS must be true: the brokers admit only TLS clients']);
  });

  it('notice a certificate path no Secret is mounted at, and services left creating topics', () => {
    expect(
      kafkaClientProblems(
        podSpec,
        podSpec.containers[0],
        'dispatch',
        config({ KAFKA_TLS_CA_FILE: '/tmp/ca.crt', KAFKA_PROVISION_TOPICS: 'true' }),
      ),
    ).toEqual([
      'KAFKA_TLS_CA_FILE (/tmp/ca.crt) must be a file of the Secret loop-cluster-ca-cert, mounted in the pod',
      'KAFKA_PROVISION_TOPICS must be false: the Topic Operator owns the topics',
    ]);
  });
});
