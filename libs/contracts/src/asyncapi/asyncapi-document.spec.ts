import { eventCatalogue } from '../catalogue/event-catalogue';
import { validateEnvelope } from '../envelope/validate-envelope';
import { eventLabel } from '../events/event-definition';
import { serviceNames } from '../services';
import { topicRegistry } from '../topics/topic-registry';
import { buildAsyncApiDocument, channelIdOf, messageIdOf } from './asyncapi-document';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- walking the generated, untyped JSON document
type Json = Record<string, any>;

const document = buildAsyncApiDocument() as Json;
const events = eventCatalogue.map((definition) => [eventLabel(definition), definition] as const);

/** Every `$ref` in a JSON value. */
function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === '$ref' ? [inner as string] : refsIn(inner),
  );
}

function resolve(pointer: string): unknown {
  return pointer
    .replace(/^#\//, '')
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, part) => (node as Json | undefined)?.[part], document);
}

describe('the AsyncAPI document', () => {
  it('comes out identical from one generation to the next', () => {
    expect(JSON.stringify(buildAsyncApiDocument())).toBe(JSON.stringify(document));
  });

  it('is an AsyncAPI 3.0.0 document whose references all resolve', () => {
    expect(document.asyncapi).toBe('3.0.0');
    expect(refsIn(document).filter((pointer) => resolve(pointer) === undefined)).toEqual([]);
  });

  it('has a channel for every topic and its dead-letter topic, with the registry settings', () => {
    for (const topic of topicRegistry) {
      expect(document.channels[channelIdOf(topic.name)].bindings.kafka).toMatchObject({
        topic: topic.name,
        partitions: topic.partitions,
        topicConfiguration: { 'cleanup.policy': [topic.cleanupPolicy], 'retention.ms': topic.retentionMs },
      });
      expect(document.channels[channelIdOf(topic.deadLetter.name)].address).toBe(`${topic.name}.dlq`);
    }
  });

  it.each(events)(
    'publishes %s on its topic with the fixture as an accepted example',
    (_label, definition) => {
      const channel = document.channels[channelIdOf(definition.topic)];
      const message = document.components.messages[messageIdOf(definition)];
      const [example] = message.examples;

      expect(channel.messages[messageIdOf(definition)]).toEqual({
        $ref: `#/components/messages/${messageIdOf(definition)}`,
      });
      expect(example.payload.payload).toEqual(definition.fixture);
      expect(example.headers['x-event-type']).toBe(definition.type);
      expect(validateEnvelope(example.payload, { unknownFields: 'reject' })).toMatchObject({
        ok: true,
        definition,
      });
    },
  );

  it('describes each service sending what it produces and receiving exactly what it consumes', () => {
    const operations = Object.values(document.operations) as Json[];
    const messagesOf = (service: string, action: string) =>
      operations
        .filter(
          (operation) =>
            operation.tags[0].name === service &&
            operation.action === action &&
            !operation.channel.$ref.endsWith('Dlq'),
        )
        .flatMap((operation) => operation.messages.map((message: Json) => message.$ref.split('/').pop()))
        .sort();

    for (const service of serviceNames) {
      const produced = eventCatalogue
        .filter((definition) => definition.producer === service)
        .map(messageIdOf)
        .sort();
      const consumed = eventCatalogue
        .filter((definition) => definition.consumers.includes(service))
        .map(messageIdOf)
        .sort();
      expect(messagesOf(service, 'send')).toEqual(produced);
      expect(messagesOf(service, 'receive')).toEqual(consumed);
    }
  });

  it('describes the key of every message with the schema of its key field', () => {
    const submitted = document.components.messages.ticketSubmittedV1;

    expect(submitted.bindings.kafka.key).toEqual({
      type: 'string',
      format: 'uuid',
      description: "The payload's ticketId; also the envelope's aggregateId.",
    });
  });
});
