import { AsyncLocalStorage } from 'node:async_hooks';
import type { Environment } from './load-config';

/** What an application being created needs to know before its modules are instantiated. */
export interface BootContext {
  /** The environment the config is read from instead of `process.env` (tests run several apps in one process). */
  env?: Environment;
  /** The service's name, stamped on log lines. */
  serviceName?: string;
}

// Module metadata is static, so a test cannot hand an environment to `ConfigModule.forRoot()` of a
// service's AppModule. Instead the app factory runs Nest's creation inside this context and the config
// and logger factories read it while providers are instantiated.
const storage = new AsyncLocalStorage<BootContext>();

/** Creation-time context for one application: run the Nest factory inside it. */
export const bootContext = {
  /** Runs `create` with `context` visible to config and logger factories. */
  run<R>(context: BootContext, create: () => R): R {
    return storage.run(context, create);
  },
  /** The context of the application being created, if any. */
  current(): BootContext | undefined {
    return storage.getStore();
  },
  /** The environment config should be read from. */
  environment(): Environment {
    return storage.getStore()?.env ?? process.env;
  },
};
