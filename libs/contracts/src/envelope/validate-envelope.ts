import { eventDefinition, eventVersions } from '../catalogue/event-catalogue';
import { EventDefinition, eventLabel } from '../events/event-definition';
import { UnknownFields, isJsonObject, validateContract } from '../schema/validate-contract';
import { EnvelopeRejectionReason } from './event-headers';
import { EventEnvelope } from './event-envelope';

/** A record value that is a valid envelope of a declared event, with its declaration. */
export interface AcceptedEnvelope {
  ok: true;
  /** The validated envelope; its payload is an instance of the declared payload class. */
  envelope: EventEnvelope;
  /** The declaration of the event's type and version. */
  definition: EventDefinition;
}

/** A record value that cannot be handled, with the reason to put on the dead-letter record. */
export interface RejectedEnvelope {
  ok: false;
  /** Why, in the dead-letter vocabulary (x-dlq-reason). */
  reason: EnvelopeRejectionReason;
  /** What exactly was wrong, one line per problem (x-dlq-details). */
  details: string[];
}

/** Outcome of validateEnvelope. */
export type EnvelopeValidation = AcceptedEnvelope | RejectedEnvelope;

/** Options for validateEnvelope. */
export interface EnvelopeValidationOptions {
  /**
   * What to do with undeclared fields in the envelope and payload. Defaults to `strip`: a producer may
   * add an optional field within a version and older consumers keep working.
   */
  unknownFields?: UnknownFields;
}

function reject(reason: EnvelopeRejectionReason, details: string[]): RejectedEnvelope {
  return { ok: false, reason, details };
}

/** Reads a Kafka record value (Buffer, string or already-parsed JSON) into a JSON value. */
function parseRecordValue(raw: unknown): { ok: true; value: unknown } | RejectedEnvelope {
  if (raw === null || raw === undefined) return reject('malformed_json', ['the record has no value']);
  if (typeof raw !== 'string' && !(raw instanceof Uint8Array)) return { ok: true, value: raw };
  const text = typeof raw === 'string' ? raw : Buffer.from(raw).toString('utf8');
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return reject('malformed_json', [(error as Error).message]);
  }
}

/**
 * Checks a consumed record value: JSON, envelope, known type and version, payload against its class,
 * and that the aggregate id is the payload's key. Never throws; the reason routes a rejected record to
 * the dead-letter topic.
 */
export function validateEnvelope(raw: unknown, options: EnvelopeValidationOptions = {}): EnvelopeValidation {
  const unknownFields = options.unknownFields ?? 'strip';
  const parsed = parseRecordValue(raw);
  if (!parsed.ok) return parsed;
  if (!isJsonObject(parsed.value))
    return reject('invalid_envelope', ['(root): the envelope must be a JSON object']);

  const envelope = validateContract(EventEnvelope, parsed.value, { unknownFields });
  if (!envelope.ok) return reject('invalid_envelope', envelope.details);
  const { type, version } = envelope.value;

  const definition = eventDefinition(type, version);
  if (!definition) {
    const known = eventVersions(type);
    return known.length === 0
      ? reject('unknown_type', [`no event type "${type}" is declared`])
      : reject('unknown_version', [
          `${type} has no version ${version}; declared: ${known.map((v) => `v${v}`).join(', ')}`,
        ]);
  }

  const payload = validateContract(definition.payloadClass, envelope.value.payload, { unknownFields });
  if (!payload.ok)
    return reject(
      'invalid_payload',
      payload.details.map((line) => `payload.${line}`),
    );

  const key = definition.key(payload.value);
  if (envelope.value.aggregateId !== key) {
    return reject('invalid_envelope', [
      `aggregateId "${envelope.value.aggregateId}" is not the ${eventLabel(definition)} key ${definition.keyField} "${key}"`,
    ]);
  }
  envelope.value.payload = payload.value;
  return { ok: true, envelope: envelope.value, definition };
}

/** Narrows a validated envelope to one event's payload type. */
export function isEnvelopeOf<P extends object>(
  envelope: EventEnvelope,
  definition: EventDefinition<P>,
): envelope is EventEnvelope<P> {
  return envelope.type === definition.type && envelope.version === definition.version;
}
