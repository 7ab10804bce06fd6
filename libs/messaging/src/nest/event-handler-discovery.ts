import { Injectable } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { InstanceWrapper } from '@nestjs/core/injector/instance-wrapper';
import { EventHandlerRegistration } from '../consumer/event-handler-registration';
import { handledEventOf } from '../consumer/event-handler.decorator';

/** Finds every `@EventHandler` method on the application's providers and controllers. */
@Injectable()
export class EventHandlerDiscovery {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  /** The registrations of all decorated methods, bound to their instances. */
  discover(): EventHandlerRegistration[] {
    const wrappers = [...this.discovery.getProviders(), ...this.discovery.getControllers()];
    const seen = new Set<object>();
    const registrations: EventHandlerRegistration[] = [];
    for (const wrapper of wrappers) {
      const instance = staticInstance(wrapper);
      // A provider exported by several modules shows up once per module; register it once.
      if (!instance || seen.has(instance)) continue;
      seen.add(instance);
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const methodName of this.scanner.getAllMethodNames(prototype)) {
        const method = (instance as Record<string, unknown>)[methodName];
        const definition = handledEventOf(method);
        if (!definition || typeof method !== 'function') continue;
        registrations.push({
          definition,
          handle: (envelope, context) => method.call(instance, envelope, context) as Promise<void>,
          name: `${instance.constructor.name}.${methodName}`,
        });
      }
    }
    return registrations;
  }
}

// Request-scoped providers have no instance to call outside a request; handlers must be singletons.
function staticInstance(wrapper: InstanceWrapper): object | undefined {
  if (!wrapper.isDependencyTreeStatic()) return undefined;
  const instance: unknown = wrapper.instance;
  return typeof instance === 'object' && instance !== null ? instance : undefined;
}
