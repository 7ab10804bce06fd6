// Kafka header names. The envelope in the record value is authoritative; headers repeat what routing,
// tracing and dead-letter tooling need without parsing the value (which may be malformed).
import type { EventEnvelope } from './event-envelope';

/** Headers every published event carries. */
export const EventHeaders = {
  /** The envelope's eventId. */
  eventId: 'x-event-id',
  /** The envelope's type. */
  eventType: 'x-event-type',
  /** The envelope's version, as a decimal string. */
  eventVersion: 'x-event-version',
  /** The envelope's correlationId; also the HTTP header that carries it into a service. */
  correlationId: 'x-correlation-id',
  /** The envelope's causationId; absent when null. */
  causationId: 'x-causation-id',
  /**
   * The envelope's producer. Consumers park a record as `unexpected_producer` when this header, the
   * envelope's producer or the event type's declared producer is not the owner of the topic it arrived on.
   */
  producer: 'x-producer',
} as const;

/** Headers added when a record is parked on a dead-letter topic; the original headers are kept. */
export const DeadLetterHeaders = {
  /** Why the record was parked (a DeadLetterReason). */
  reason: 'x-dlq-reason',
  /** Human-readable details, e.g. the failed validation rules as a JSON array of strings. */
  details: 'x-dlq-details',
  /** Topic the record was read from. */
  originalTopic: 'x-dlq-original-topic',
  /** Partition it was read from, decimal. */
  originalPartition: 'x-dlq-original-partition',
  /** Offset it was read from, decimal. */
  originalOffset: 'x-dlq-original-offset',
  /** When it was parked, UTC ISO 8601. */
  failedAt: 'x-dlq-failed-at',
  /** Consumer group that failed to handle it; a replay concerns that group. */
  consumerGroup: 'x-dlq-consumer-group',
  /** How many attempts were made before parking it, decimal. */
  attempts: 'x-dlq-attempts',
} as const;

/** Why a consumer could not handle an envelope (see validateEnvelope). */
export const envelopeRejectionReasons = [
  'malformed_json',
  'invalid_envelope',
  'unknown_type',
  'unknown_version',
  'invalid_payload',
] as const;

/** Why a consumer could not handle an envelope. */
export type EnvelopeRejectionReason = (typeof envelopeRejectionReasons)[number];

/**
 * Every reason a record can be parked: an envelope rejection, an event whose producer is not the owner
 * of the topic it arrived on (`unexpected_producer`: another service, or a pod that reached the broker,
 * published it), a handler that threw a non-retriable error (a bug or a broken invariant), or a
 * transient fault that outlasted the bounded retries.
 */
export const deadLetterReasons = [
  ...envelopeRejectionReasons,
  'unexpected_producer',
  'handler_failed',
  'retries_exhausted',
] as const;

/** Why a record was parked on a dead-letter topic. */
export type DeadLetterReason = (typeof deadLetterReasons)[number];

/** The Kafka headers for an envelope, as strings (causation omitted when null). */
export function eventHeaders(envelope: EventEnvelope): Record<string, string> {
  return {
    [EventHeaders.eventId]: envelope.eventId,
    [EventHeaders.eventType]: envelope.type,
    [EventHeaders.eventVersion]: String(envelope.version),
    [EventHeaders.correlationId]: envelope.correlationId,
    ...(envelope.causationId === null ? {} : { [EventHeaders.causationId]: envelope.causationId }),
    [EventHeaders.producer]: envelope.producer,
  };
}
