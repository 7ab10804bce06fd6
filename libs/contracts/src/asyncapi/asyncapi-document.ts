// The AsyncAPI 3.0.0 catalogue of the loop, built from the declarations alone. Pure and deterministic:
// the same contracts always give the same document, so the committed file can be checked for drift.
import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { eventCatalogue } from '../catalogue/event-catalogue';
import { buildEnvelope } from '../envelope/build-envelope';
import { DeadLetterHeaders, EventHeaders, deadLetterReasons, eventHeaders } from '../envelope/event-headers';
import { EventEnvelope } from '../envelope/event-envelope';
import { EventDefinition } from '../events/event-definition';
import { ServiceName, serviceNames } from '../services';
import { ContractClass } from '../schema/contract-metadata';
import { JsonSchema, contractClassesReachableFrom, jsonSchemaOf } from '../schema/json-schema';
import { TopicDefinition, topicRegistry } from '../topics/topic-registry';

/** Version of the published catalogue; raise the minor when events are added, the major when one is retired. */
export const catalogueVersion = '1.0.0';

/** The Kafka bindings version the document uses. */
const kafkaBindingVersion = '0.5.0';

/** The instant every example envelope claims to have occurred at (10:00 in Asia/Shanghai). */
const exampleInstant = '2025-03-01T02:00:00.000Z';

/** An AsyncAPI document as plain JSON data. */
export type AsyncApiDocument = { [field: string]: unknown };

/** What the document is built from; defaults to the whole catalogue and registry. */
export interface AsyncApiSources {
  /** The events to describe. */
  catalogue?: readonly EventDefinition[];
  /** The topics to describe. */
  topics?: readonly TopicDefinition[];
}

const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function camelCase(text: string): string {
  return text.replace(/[._-]+([a-z0-9])/g, (_match, next: string) => next.toUpperCase());
}

function pascalCase(text: string): string {
  const camel = camelCase(text);
  return camel.charAt(0).toUpperCase() + camel.slice(1);
}

/** `requests.ticket.v1` → `requestsTicketV1`; `.dlq` topics → `…Dlq`. */
export function channelIdOf(topic: string): string {
  return camelCase(topic);
}

/** `assignment.handed_back` v1 → `assignmentHandedBackV1`. */
export function messageIdOf(definition: Pick<EventDefinition, 'type' | 'version'>): string {
  return `${camelCase(definition.type)}V${definition.version}`;
}

/** A UUIDv7 derived from a text, so that examples are stable from one generation to the next. */
function stableEventId(seed: string): string {
  const random = Uint8Array.from(createHash('sha256').update(seed).digest().subarray(0, 16));
  return uuidv7({ msecs: Date.parse(exampleInstant), random });
}

function plainJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function exampleEnvelope(definition: EventDefinition): EventEnvelope {
  return plainJson(
    buildEnvelope(definition, definition.fixture, {
      actor: { role: 'system', id: definition.producer },
      correlationId: stableEventId(`correlation:${definition.type}`),
      causationId: null,
      clock: { now: () => new Date(exampleInstant) },
      idGenerator: () => stableEventId(`event:${definition.type}@${definition.version}`),
    }),
  );
}

function eventHeadersSchema(): JsonSchema {
  return {
    type: 'object',
    description: 'Headers of every event record; the envelope in the value is authoritative.',
    required: [
      EventHeaders.eventId,
      EventHeaders.eventType,
      EventHeaders.eventVersion,
      EventHeaders.correlationId,
      EventHeaders.producer,
    ],
    properties: {
      [EventHeaders.eventId]: { type: 'string', format: 'uuid', description: "The envelope's eventId." },
      [EventHeaders.eventType]: { type: 'string', description: "The envelope's type." },
      [EventHeaders.eventVersion]: {
        type: 'string',
        pattern: '^[1-9][0-9]*$',
        description: "The envelope's version, decimal.",
      },
      [EventHeaders.correlationId]: { type: 'string', description: "The envelope's correlationId." },
      [EventHeaders.causationId]: {
        type: 'string',
        format: 'uuid',
        description: "The envelope's causationId; absent when null.",
      },
      [EventHeaders.producer]: { type: 'string', description: "The envelope's producer." },
    },
  };
}

function deadLetterHeadersSchema(): JsonSchema {
  return {
    type: 'object',
    description: 'Headers added to a parked record; its original headers, key and value are kept unchanged.',
    required: [
      DeadLetterHeaders.reason,
      DeadLetterHeaders.details,
      DeadLetterHeaders.originalTopic,
      DeadLetterHeaders.originalPartition,
      DeadLetterHeaders.originalOffset,
      DeadLetterHeaders.failedAt,
      DeadLetterHeaders.consumerGroup,
    ],
    properties: {
      [DeadLetterHeaders.reason]: {
        type: 'string',
        enum: [...deadLetterReasons],
        description: 'Why the record was parked.',
      },
      [DeadLetterHeaders.details]: {
        type: 'string',
        description: 'JSON array of strings: what exactly was wrong.',
      },
      [DeadLetterHeaders.originalTopic]: { type: 'string', description: 'Topic the record was read from.' },
      [DeadLetterHeaders.originalPartition]: {
        type: 'string',
        pattern: '^[0-9]+$',
        description: 'Partition it was read from.',
      },
      [DeadLetterHeaders.originalOffset]: {
        type: 'string',
        pattern: '^[0-9]+$',
        description: 'Offset it was read from.',
      },
      [DeadLetterHeaders.failedAt]: {
        type: 'string',
        format: 'date-time',
        description: 'When it was parked.',
      },
      [DeadLetterHeaders.consumerGroup]: {
        type: 'string',
        description: 'Consumer group that could not handle it.',
      },
      [DeadLetterHeaders.attempts]: {
        type: 'string',
        pattern: '^[0-9]+$',
        description: 'Attempts made before parking it.',
      },
    },
  };
}

function componentSchemas(catalogue: readonly EventDefinition[]): Record<string, JsonSchema> {
  const classes = contractClassesReachableFrom([
    EventEnvelope as ContractClass,
    ...catalogue.map((definition) => definition.payloadClass),
  ]);
  const byName = new Map<string, ContractClass>();
  for (const contractClass of classes) {
    const clash = byName.get(contractClass.name);
    if (clash && clash !== contractClass)
      throw new Error(`two contract classes are named ${contractClass.name}`);
    byName.set(contractClass.name, contractClass);
  }
  const schemas: Record<string, JsonSchema> = {
    DeadLetterHeaders: deadLetterHeadersSchema(),
    EventHeaders: eventHeadersSchema(),
  };
  for (const contractClass of classes) {
    schemas[contractClass.name] = jsonSchemaOf(contractClass, (nested) => schemaRef(nested.name).$ref);
  }
  return Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function eventMessage(definition: EventDefinition, keySchema: JsonSchema): JsonSchema {
  const example = exampleEnvelope(definition);
  return {
    name: definition.type,
    title: `${definition.type} v${definition.version}`,
    summary: definition.description,
    contentType: 'application/json',
    headers: schemaRef('EventHeaders'),
    correlationId: { $ref: '#/components/correlationIds/correlationId' },
    payload: {
      allOf: [
        schemaRef('EventEnvelope'),
        {
          type: 'object',
          properties: {
            type: { const: definition.type },
            version: { const: definition.version },
            payload: schemaRef(definition.payloadClass.name),
          },
        },
      ],
    },
    bindings: { kafka: { key: keySchema, bindingVersion: kafkaBindingVersion } },
    examples: [
      {
        name: 'fixture',
        summary: `The ${definition.type} v${definition.version} fixture in its envelope.`,
        headers: eventHeaders(example),
        payload: example,
      },
    ],
  };
}

function keySchemaOf(definition: EventDefinition, schemas: Record<string, JsonSchema>): JsonSchema {
  const payloadSchema = schemas[definition.payloadClass.name] as { properties: Record<string, JsonSchema> };
  const { description: _description, ...field } = payloadSchema.properties[definition.keyField];
  return { ...field, description: `The payload's ${definition.keyField}; also the envelope's aggregateId.` };
}

function topicConfiguration(topic: TopicDefinition): JsonSchema {
  const numeric = (value: string) => (/^-?\d+$/.test(value) ? Number(value) : value);
  return {
    'cleanup.policy': [topic.cleanupPolicy],
    'retention.ms': topic.retentionMs,
    'min.insync.replicas': topic.minInSyncReplicas,
    ...Object.fromEntries(Object.entries(topic.extraConfig).map(([name, value]) => [name, numeric(value)])),
  };
}

function channels(
  topics: readonly TopicDefinition[],
  catalogue: readonly EventDefinition[],
): Record<string, JsonSchema> {
  const result: Record<string, JsonSchema> = {};
  for (const topic of topics) {
    const events = catalogue.filter((definition) => definition.topic === topic.name);
    result[channelIdOf(topic.name)] = {
      address: topic.name,
      title: topic.name,
      description: `${topic.description} Published by ${topic.owner}; ${topic.partitions} partitions. Under a test prefix P the topic is P.${topic.name}.`,
      messages: Object.fromEntries(
        events.map((definition) => [
          messageIdOf(definition),
          { $ref: `#/components/messages/${messageIdOf(definition)}` },
        ]),
      ),
      bindings: {
        kafka: {
          topic: topic.name,
          partitions: topic.partitions,
          topicConfiguration: topicConfiguration(topic),
          bindingVersion: kafkaBindingVersion,
        },
      },
    };
    result[channelIdOf(topic.deadLetter.name)] = {
      address: topic.deadLetter.name,
      title: topic.deadLetter.name,
      description: `Dead letters of ${topic.name}: records its consumers could not handle, kept ${Math.round(topic.deadLetter.retentionMs / 86_400_000)} days for inspection and replay.`,
      messages: { deadLetter: { $ref: '#/components/messages/deadLetter' } },
      bindings: {
        kafka: {
          topic: topic.deadLetter.name,
          partitions: topic.deadLetter.partitions,
          topicConfiguration: {
            'cleanup.policy': ['delete'],
            'retention.ms': topic.deadLetter.retentionMs,
            'min.insync.replicas': topic.minInSyncReplicas,
          },
          bindingVersion: kafkaBindingVersion,
        },
      },
    };
  }
  return result;
}

function operation(
  service: ServiceName,
  action: 'send' | 'receive',
  channelId: string,
  summary: string,
  messageIds: string[],
): JsonSchema {
  return {
    action,
    channel: { $ref: `#/channels/${channelId}` },
    summary,
    tags: [{ name: service }],
    messages: messageIds.map((messageId) => ({ $ref: `#/channels/${channelId}/messages/${messageId}` })),
  };
}

function operations(
  topics: readonly TopicDefinition[],
  catalogue: readonly EventDefinition[],
): Record<string, JsonSchema> {
  const result: Record<string, JsonSchema> = {};
  for (const service of serviceNames) {
    for (const topic of topics) {
      const channelId = channelIdOf(topic.name);
      const produced = catalogue.filter(
        (definition) => definition.topic === topic.name && definition.producer === service,
      );
      if (produced.length > 0) {
        result[`${camelCase(service)}Sends${pascalCase(topic.name)}`] = operation(
          service,
          'send',
          channelId,
          `${service} publishes these events through its transactional outbox.`,
          produced.map(messageIdOf),
        );
      }
      const consumed = catalogue.filter(
        (definition) => definition.topic === topic.name && definition.consumers.includes(service),
      );
      if (consumed.length > 0) {
        result[`${camelCase(service)}Receives${pascalCase(topic.name)}`] = operation(
          service,
          'receive',
          channelId,
          `${service} consumes these events idempotently (handled event ids are recorded with the effect); other types on the topic are skipped.`,
          consumed.map(messageIdOf),
        );
        result[`${camelCase(service)}Sends${pascalCase(topic.deadLetter.name)}`] = operation(
          service,
          'send',
          channelIdOf(topic.deadLetter.name),
          `${service} parks records of ${topic.name} it cannot handle, after bounded retries, and carries on.`,
          ['deadLetter'],
        );
      }
    }
  }
  return result;
}

const documentDescription = [
  'Every event of the residents-order / community-dispatches / members-accept loop (群众点单 · 社区派单 · 党员接单), generated from libs/contracts.',
  '',
  '**Record value** — a JSON `EventEnvelope`: eventId (UUIDv7), type, version, occurredAt (UTC), producer, aggregateId, correlationId, causationId, actor {role, id} and the payload declared for the type and version.',
  '',
  "**Record key** — the aggregate id (the ticket id for the loop), so one ticket's events stay in order on one partition.",
  '',
  '**Headers** — x-event-id, x-event-type, x-event-version, x-correlation-id, x-causation-id (absent when null) and x-producer repeat the envelope for routing and tracing.',
  '',
  '**Versions** — a breaking change is a new version published beside the old one until no consumer reads it; consumers ignore fields they do not know.',
  '',
  '**Dead letters** — a consumer that cannot handle a record (malformed JSON, invalid envelope, unknown type or version, invalid payload, or a handler failure after bounded retries) copies it unchanged to `<topic>.dlq` with x-dlq-* headers and goes on.',
  '',
  '**Payloads carry ids only**: names, phone numbers and addresses stay in the service that owns them.',
].join('\n');

/** Builds the AsyncAPI 3.0.0 document of the loop from the event declarations and the topic registry. */
export function buildAsyncApiDocument(sources: AsyncApiSources = {}): AsyncApiDocument {
  const catalogue = sources.catalogue ?? eventCatalogue;
  const topics = sources.topics ?? topicRegistry;
  const schemas = componentSchemas(catalogue);
  const messages: Record<string, JsonSchema> = Object.fromEntries(
    catalogue.map((definition) => [
      messageIdOf(definition),
      eventMessage(definition, keySchemaOf(definition, schemas)),
    ]),
  );
  messages.deadLetter = {
    name: 'deadLetter',
    title: 'Dead letter',
    summary:
      'A record a consumer could not handle, copied byte for byte with its key and headers, plus the x-dlq-* headers.',
    contentType: 'application/octet-stream',
    headers: schemaRef('DeadLetterHeaders'),
    payload: { description: 'The original record value, unchanged (it may not even be JSON).' },
  };
  return {
    asyncapi: '3.0.0',
    id: 'urn:grassroots-loop:events',
    info: {
      title: 'Grassroots service loop — events',
      version: catalogueVersion,
      description: documentDescription,
      tags: serviceNames.map((service) => ({ name: service })),
    },
    defaultContentType: 'application/json',
    servers: {
      local: {
        host: '127.0.0.1:19092',
        protocol: 'kafka',
        description:
          'The development broker (Apache Kafka, KRaft, single node) started by the infrastructure runner; elsewhere the brokers come from KAFKA_BROKERS.',
      },
    },
    channels: channels(topics, catalogue),
    operations: operations(topics, catalogue),
    components: {
      schemas,
      messages,
      correlationIds: {
        correlationId: {
          description: 'Follows one request or timer across HTTP and every service it reaches.',
          location: `$message.header#/${EventHeaders.correlationId}`,
        },
      },
    },
  };
}
