// What the service chassis (libs/platform) serves, read from its own route metadata rather than
// repeated here: the probe and metrics paths the manifests must use.
import { PATH_METADATA } from '@nestjs/common/constants';
import { HealthHttpController, MetricsHttpController } from '@loop/platform';

/** The chassis' operational HTTP endpoints. */
export interface ChassisEndpoints {
  /** Liveness: the process answers (no dependency checked). */
  liveness: string;
  /** Readiness: PostgreSQL, Redis and Kafka answer. */
  readiness: string;
  /** Prometheus metrics. */
  metrics: string;
}

function routePath(...segments: unknown[]): string {
  const parts = segments
    .map((segment) => String(segment ?? '').replace(/^\/+|\/+$/g, ''))
    .filter((part) => part.length > 0);
  return `/${parts.join('/')}`;
}

/** The probe and metrics paths as the chassis' controllers declare them. */
export function chassisEndpoints(): ChassisEndpoints {
  const health = Reflect.getMetadata(PATH_METADATA, HealthHttpController) as string;
  const prototype = HealthHttpController.prototype;
  return {
    liveness: routePath(health, Reflect.getMetadata(PATH_METADATA, prototype.live)),
    readiness: routePath(health, Reflect.getMetadata(PATH_METADATA, prototype.ready)),
    metrics: routePath(Reflect.getMetadata(PATH_METADATA, MetricsHttpController)),
  };
}
