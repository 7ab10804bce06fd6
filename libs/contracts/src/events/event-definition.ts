// The shape every event declaration takes. One declaration per (type, version) is the single source of
// truth for producers, consumers, topic provisioning and the AsyncAPI catalogue.
import { ServiceName } from '../services';
import { ContractClass } from '../schema/contract-metadata';
import { TopicName } from '../topics/topic-registry';

/** The names of a payload's string fields: the candidates for its Kafka key. */
export type StringField<P> = { [K in keyof P]-?: P[K] extends string ? K : never }[keyof P] & string;

/** What an event's author writes: everything but the derived key function. */
export interface EventDeclaration<P extends object> {
  /** Dotted past-tense fact, e.g. `ticket.submitted`. */
  readonly type: string;
  /** Contract version; a breaking change is a new version published beside the old one. */
  readonly version: number;
  /** The topic the event is published to. */
  readonly topic: TopicName;
  /** The payload field whose value is the Kafka key and the envelope's aggregate id. */
  readonly keyField: StringField<P>;
  /** The payload class carrying the class-validator rules. */
  readonly payloadClass: ContractClass<P>;
  /** The only service that publishes the event. */
  readonly producer: ServiceName;
  /** The services that consume the event (at least one). */
  readonly consumers: readonly ServiceName[];
  /** What happened, in one or two sentences. */
  readonly description: string;
  /** One valid payload, as JSON; used by tests, documentation and the AsyncAPI example. */
  readonly fixture: Readonly<Record<string, unknown>>;
}

/** A declared event: its declaration plus the key derived from the payload. */
export interface EventDefinition<P extends object = object> {
  /** Dotted past-tense fact, e.g. `ticket.submitted`. */
  readonly type: string;
  /** Contract version. */
  readonly version: number;
  /** The topic the event is published to. */
  readonly topic: TopicName;
  /** The payload field the key comes from. */
  readonly keyField: string;
  /** The Kafka key (and envelope aggregate id) of a payload. */
  key(payload: P): string;
  /** The payload class carrying the class-validator rules. */
  readonly payloadClass: ContractClass<P>;
  /** The only service that publishes the event. */
  readonly producer: ServiceName;
  /** The services that consume the event. */
  readonly consumers: readonly ServiceName[];
  /** What happened. */
  readonly description: string;
  /** One valid payload, as JSON. */
  readonly fixture: Readonly<Record<string, unknown>>;
}

/** Declares an event; the key is read from `keyField` so it can never disagree with the payload. */
export function defineEvent<P extends object>(declaration: EventDeclaration<P>): EventDefinition<P> {
  const { keyField } = declaration;
  return Object.freeze({
    ...declaration,
    key: (payload: P) => String(payload[keyField]),
  });
}

/** `type@vN`, e.g. `ticket.submitted@v1`: how logs and errors name an event contract. */
export function eventLabel(definition: Pick<EventDefinition, 'type' | 'version'>): string {
  return `${definition.type}@v${definition.version}`;
}

/** A fresh, typed copy of an event's fixture, for tests and examples to change freely. */
export function fixturePayload<P extends object>(definition: EventDefinition<P>): P {
  return structuredClone(definition.fixture) as unknown as P;
}
