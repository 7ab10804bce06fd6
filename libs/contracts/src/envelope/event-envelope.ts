import { IsInt, IsObject, IsUUID, Matches, Min } from 'class-validator';
import { ActorRef } from '../events/shared/actor-ref';
import { Describe, NestedObject, Nullable } from '../schema/contract-metadata';
import { IsUtcTimestamp } from '../schema/contract-validators';

/** Dotted lower-case event type, e.g. `ticket.submitted`, `assignment.handed_back`. */
export const eventTypePattern = /^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/;

/** A service or tool name, e.g. `requests`, `volunteer-hours`. */
export const producerPattern = /^[a-z][a-z0-9-]{0,63}$/;

/**
 * An opaque id: aggregate ids (a UUID or an account id) and correlation ids as they may arrive from
 * HTTP (x-correlation-id) or a gateway. Ours are UUIDs, but a caller's id is carried through unchanged.
 */
export const opaqueIdPattern = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/**
 * The JSON value of every Kafka record: the metadata of one event and its payload. The Kafka key is the
 * aggregate id, and the main fields are repeated in headers (see EventHeaders) for routing and tracing.
 */
@Describe("The JSON value of every record: the event's metadata and its payload.")
export class EventEnvelope<P extends object = object> {
  @Describe('Unique id of this event (UUIDv7, time-ordered); consumers deduplicate on it.')
  @IsUUID('7')
  eventId: string;

  @Describe('Event type, a dotted past-tense fact, e.g. ticket.submitted.')
  @Matches(eventTypePattern)
  type: string;

  @Describe('Contract version of the payload.')
  @IsInt()
  @Min(1)
  version: number;

  @Describe('When the fact happened, UTC.')
  @IsUtcTimestamp()
  occurredAt: string;

  @Describe('The service (or tool) that published the event.')
  @Matches(producerPattern)
  producer: string;

  @Describe('Id of the aggregate the event belongs to; equal to the Kafka key (ticket id for the loop).')
  @Matches(opaqueIdPattern)
  aggregateId: string;

  @Describe('Id shared by everything that follows from one request or timer, across services.')
  @Matches(opaqueIdPattern)
  correlationId: string;

  @Describe("Event id of the event that caused this one; null when a person's request or a timer did.")
  @Nullable()
  @IsUUID('7')
  causationId: string | null;

  @Describe('Who caused the event: an account and role, or role system.')
  @NestedObject(() => ActorRef)
  actor: ActorRef;

  @Describe("The event's payload, as declared for its type and version.")
  @IsObject()
  payload: P;
}
