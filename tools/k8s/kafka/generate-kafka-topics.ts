// `npx tsx tools/k8s/kafka/generate-kafka-topics.ts`: rewrites the generated Kafka manifests from the
// contracts — k8s/base/kafka/kafka-topics.yaml from the topic registry, k8s/base/kafka/kafka-users.yaml
// and k8s/overlays/prod-keda/kafka-user-keda.yaml from the registry and the event catalogue's consumers.
// Run it after changing either; kafka-topics.spec.ts and kafka-users.spec.ts fail until then.
import { writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { stringify } from 'yaml';
import { KubernetesObject } from '../kustomize/kubernetes-object';
import { kafkaTopicResources, kafkaTopicsFile } from './kafka-topics';
import { kafkaUserResources, kafkaUsersFile, kedaKafkaUserFile, kedaKafkaUserResource } from './kafka-users';

function header(source: string): string {
  return [
    `# Generated from ${source} by`,
    '# `npx tsx tools/k8s/kafka/generate-kafka-topics.ts`; edit the contracts, not this file.',
    '',
  ].join('\n');
}

async function write(file: string, source: string, objects: readonly KubernetesObject[]): Promise<void> {
  const text = `${header(source)}${objects.map((object) => stringify(object)).join('---\n')}`;
  const options = (await resolveConfig(file)) ?? {};
  writeFileSync(file, await format(text, { ...options, parser: 'yaml' }));
  console.log(`wrote ${file}`);
}

async function main(): Promise<void> {
  await write(kafkaTopicsFile, 'libs/contracts/src/topics/topic-registry.ts', kafkaTopicResources());
  const users = 'the topic registry and the event catalogue (libs/contracts)';
  await write(kafkaUsersFile, users, kafkaUserResources());
  await write(kedaKafkaUserFile, users, [kedaKafkaUserResource()]);
}

void main();
