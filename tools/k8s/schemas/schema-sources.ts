// Which objects have a committed schema, and where the committed schemas live. Shared by the command
// that extracts them (refresh-schemas.ts) and the validator that reads them (validate-objects.ts).
import { join } from 'node:path';

/** The Kubernetes version the manifests target and the core schemas describe. */
export const targetKubernetesVersion = '1.31';

/** The Strimzi release whose CustomResourceDefinitions the Kafka resources are checked against. */
export const strimziVersion = '1.2.0';

/** `apiVersion/kind` → the Kubernetes Java client model class describing it (client 22.0.x = Kubernetes 1.31). */
export const kubernetesKinds: Readonly<Record<string, string>> = {
  'v1/ConfigMap': 'V1ConfigMap',
  'v1/Namespace': 'V1Namespace',
  'v1/Secret': 'V1Secret',
  'v1/Service': 'V1Service',
  'v1/ServiceAccount': 'V1ServiceAccount',
  'apps/v1/Deployment': 'V1Deployment',
  'batch/v1/Job': 'V1Job',
  'batch/v1/CronJob': 'V1CronJob',
  'policy/v1/PodDisruptionBudget': 'V1PodDisruptionBudget',
  'autoscaling/v2/HorizontalPodAutoscaler': 'V2HorizontalPodAutoscaler',
  'networking.k8s.io/v1/NetworkPolicy': 'V1NetworkPolicy',
  'networking.k8s.io/v1/Ingress': 'V1Ingress',
};

/** `apiVersion/kind` of the Strimzi resources → the file Strimzi's CrdGenerator writes for it. */
export const strimziKinds: Readonly<Record<string, { crdClass: string; file: string }>> = {
  'kafka.strimzi.io/v1/Kafka': { crdClass: 'io.strimzi.api.kafka.model.kafka.Kafka', file: 'kafka.yaml' },
  'kafka.strimzi.io/v1/KafkaNodePool': {
    crdClass: 'io.strimzi.api.kafka.model.nodepool.KafkaNodePool',
    file: 'kafkanodepool.yaml',
  },
  'kafka.strimzi.io/v1/KafkaTopic': {
    crdClass: 'io.strimzi.api.kafka.model.topic.KafkaTopic',
    file: 'kafkatopic.yaml',
  },
  'kafka.strimzi.io/v1/KafkaUser': {
    crdClass: 'io.strimzi.api.kafka.model.user.KafkaUser',
    file: 'kafkauser.yaml',
  },
};

/** The committed JSON Schemas of the Kubernetes objects. */
export const kubernetesSchemaFile = join(__dirname, `kubernetes-${targetKubernetesVersion}.schema.json`);

/** The committed openAPIV3Schema of each Strimzi resource, keyed by `apiVersion/kind`. */
export const strimziSchemaFile = join(__dirname, `strimzi-${strimziVersion}.schema.json`);
