/**
 * Names an operation after its controller and handler, `TicketsHttpController.create` → `ticketsCreate`:
 * readable in the generated client, unique within a service, and stable while the handler keeps its name.
 * An `@ApiOperation({ operationId })` still overrides it.
 */
export function operationIdOf(controllerKey: string, methodKey: string): string {
  const controller = controllerKey.replace(/(Http)?Controller$/, '');
  return `${controller.charAt(0).toLowerCase()}${controller.slice(1)}${methodKey.charAt(0).toUpperCase()}${methodKey.slice(1)}`;
}
