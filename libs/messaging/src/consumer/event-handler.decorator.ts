import 'reflect-metadata';
import { EventDefinition, eventDefinition, eventLabel } from '@loop/contracts';

/** Metadata key under which `@EventHandler` records the handled event on a method. */
export const EVENT_HANDLER_METADATA = 'loop:messaging:event-handler';

/**
 * Marks a provider method as the handler of one declared event, found by MessagingModule at start-up.
 * The method receives the validated envelope and a HandlingContext whose `manager` is the transaction
 * shared with the inbox: `async onTicketSubmitted(envelope: EventEnvelope<TicketSubmittedV1>, { manager })`.
 *
 * Pass the declaration (`@EventHandler(ticketSubmittedV1)`) or its type and version
 * (`@EventHandler('ticket.submitted', 1)`); an undeclared event is refused when the class loads.
 */
export function EventHandler(definition: EventDefinition): MethodDecorator;
export function EventHandler(type: string, version: number): MethodDecorator;
export function EventHandler(definitionOrType: EventDefinition | string, version?: number): MethodDecorator {
  const definition =
    typeof definitionOrType === 'string' ? declared(definitionOrType, version) : definitionOrType;
  return (_target, _propertyKey, descriptor) => {
    Reflect.defineMetadata(EVENT_HANDLER_METADATA, definition, descriptor.value as object);
    return descriptor;
  };
}

/** The event a method handles, when it carries `@EventHandler`. */
export function handledEventOf(method: unknown): EventDefinition | undefined {
  if (typeof method !== 'function') return undefined;
  return Reflect.getMetadata(EVENT_HANDLER_METADATA, method) as EventDefinition | undefined;
}

function declared(type: string, version: number | undefined): EventDefinition {
  if (version === undefined) throw new Error(`@EventHandler('${type}') needs a version`);
  const definition = eventDefinition(type, version);
  if (!definition) throw new Error(`@EventHandler: ${eventLabel({ type, version })} is not a declared event`);
  return definition;
}
