// The overlays k8s/ ships and the services they deploy: what the tests render and check.
import { join } from 'node:path';
import { serviceCatalogue } from '@loop/testing';

/** The repository's k8s/ directory. */
export const k8sDirectory = join(__dirname, '..', '..', 'k8s');

/** Every overlay, by name (k8s/overlays/<name>). */
export const overlays = ['dev', 'prod', 'prod-keda'] as const;

/** The name of one of the overlays. */
export type Overlay = (typeof overlays)[number];

/** The directory of an overlay. */
export function overlayDirectory(overlay: Overlay): string {
  return join(k8sDirectory, 'overlays', overlay);
}

/** The services every overlay deploys. */
export const deployedServices = serviceCatalogue;
