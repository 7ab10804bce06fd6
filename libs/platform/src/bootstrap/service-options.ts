import type { Environment } from '../config/load-config';
import type { OpenApiOptions } from '../openapi/setup-openapi';
import type { ServiceKafkaOptions } from './kafka-microservice';

/** How a service application is assembled. */
export interface ServiceOptions {
  /** The service's name (`requests`, `dispatch`…): on every log line and as the `service` metric label. */
  name: string;
  /** The API document served at /docs, or false for none. */
  openapi: OpenApiOptions | false;
  /** Consume Kafka in the same process (hybrid app), with the global pipe, filter and guards inherited. */
  kafka?: ServiceKafkaOptions;
  /** Read config from this map instead of `process.env` (tests running several apps in one process). */
  env?: Environment;
}
