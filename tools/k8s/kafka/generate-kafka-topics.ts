// `npx tsx tools/k8s/kafka/generate-kafka-topics.ts`: rewrites k8s/base/kafka/kafka-topics.yaml from the
// contracts' topic registry. Run it after changing the registry; kafka-topics.spec.ts fails until then.
import { writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { stringify } from 'yaml';
import { kafkaTopicResources, kafkaTopicsFile } from './kafka-topics';

const header = [
  '# Generated from libs/contracts/src/topics/topic-registry.ts by',
  '# `npx tsx tools/k8s/kafka/generate-kafka-topics.ts`; edit the registry, not this file.',
  '',
].join('\n');

async function main(): Promise<void> {
  const documents = kafkaTopicResources().map((topic) => stringify(topic));
  const text = `${header}${documents.join('---\n')}`;
  const options = (await resolveConfig(kafkaTopicsFile)) ?? {};
  writeFileSync(kafkaTopicsFile, await format(text, { ...options, parser: 'yaml' }));
  console.log(`wrote ${kafkaTopicsFile}`);
}

void main();
