/**
 * A failure the developer can act on: the message says what is wrong and what to install or run.
 * The CLI prints only the message (no stack), so it must stand on its own.
 */
export class InfrastructureError extends Error {
  override readonly name = 'InfrastructureError';
}
