import { RequestsStandInConfig } from './stand-in-config.fixture';
import { chassisEndpoints } from './chassis';
import { imageFacts } from './dockerfile';
import { serviceManifestProblems } from './service-manifest-checks';
import { KubernetesObject, deepCopy } from '../kustomize/kubernetes-object';
import { renderKustomization } from '../kustomize/render-kustomization';
import { overlayDirectory } from '../overlays';

const facts = { chassis: chassisEndpoints(), image: imageFacts() };
const requests = { name: 'requests', port: 3001, database: 'loop_requests', config: RequestsStandInConfig };
const rendered = renderKustomization(overlayDirectory('prod'));

type Container = Record<string, unknown> & { env: { name: string; value?: string }[] };

function withServer(
  change: (container: Container, pod: Record<string, unknown>) => void,
): KubernetesObject[] {
  const objects = deepCopy(rendered);
  const deployment = objects.find(
    (object) => object.kind === 'Deployment' && object.metadata.name === 'requests',
  )!;
  const pod = (
    deployment.spec as { template: { spec: Record<string, unknown> & { containers: Container[] } } }
  ).template.spec;
  change(pod.containers[0], pod);
  return objects;
}

describe('the checks of a service manifest', () => {
  it('pass the rendered requests service', () => {
    expect(serviceManifestProblems(rendered, requests, facts)).toEqual([]);
  });

  it('notice a variable the config schema does not read', () => {
    const objects = withServer((container) => container.env.push({ name: 'DATABASE_POOL', value: '10' }));

    expect(serviceManifestProblems(objects, requests, facts)).toEqual([
      'Deployment requests: DATABASE_POOL is set but the requests config schema does not read it',
    ]);
  });

  it('notice a required variable that is not set, and credentials outside a Secret', () => {
    const objects = withServer((container) => {
      container.env = [{ name: 'DATABASE_URL', value: 'postgres://loop@db/loop_requests' }];
    });

    expect(serviceManifestProblems(objects, requests, facts)).toEqual(
      expect.arrayContaining([
        'Deployment requests: REDIS_URL is required by the config schema but not set',
        'Deployment requests: DATABASE_URL holds credentials and must come from a Secret (secretKeyRef)',
      ]),
    );
  });

  it('notice probes away from the chassis endpoints and a port the service does not listen on', () => {
    const objects = withServer((container) => {
      container.readinessProbe = { httpGet: { path: '/healthz', port: 'http' } };
      container.ports = [{ name: 'http', containerPort: 8080 }];
    });

    expect(serviceManifestProblems(objects, requests, facts)).toEqual([
      'Deployment requests: the container port named http must be 3001',
      'Deployment requests: readinessProbe must GET /health/ready',
    ]);
  });

  it('notice a grace period shorter than the shutdown the chassis performs', () => {
    const objects = withServer((_container, pod) => {
      pod.terminationGracePeriodSeconds = 30;
    });

    expect(serviceManifestProblems(objects, requests, facts)).toEqual([
      'Deployment requests: terminationGracePeriodSeconds 30 is shorter than preStop + SHUTDOWN_GRACE_MS + close (40 s)',
    ]);
  });

  it("notice a command overriding the image's and a writable root filesystem", () => {
    const objects = withServer((container) => {
      container.command = ['npm', 'start'];
      container.securityContext = { ...(container.securityContext as object), readOnlyRootFilesystem: false };
    });

    expect(serviceManifestProblems(objects, requests, facts)).toEqual([
      "Deployment requests: command/args override the image's CMD (node --enable-source-maps /app/main.js)",
      'Deployment requests: the root filesystem must be read-only',
    ]);
  });

  it('notice a migration Job that would migrate with another image', () => {
    const objects = deepCopy(rendered);
    const job = objects.find(
      (object) => object.kind === 'Job' && object.metadata.name === 'requests-migrate',
    )!;
    (
      job.spec as { template: { spec: { containers: { image: string }[] } } }
    ).template.spec.containers[0].image = 'registry.loop.example/grassroots-loop/requests:0.9.0';

    expect(serviceManifestProblems(objects, requests, facts)).toEqual([
      'Job requests-migrate: must migrate with the image the Deployment runs (registry.loop.example/grassroots-loop/requests:1.0.0)',
    ]);
  });

  it('notice a service without its autoscaler', () => {
    const objects = rendered.filter(
      (object) => !(object.kind === 'HorizontalPodAutoscaler' && object.metadata.name === 'requests'),
    );

    expect(serviceManifestProblems(objects, requests, facts)).toEqual([
      'requests: exactly one HorizontalPodAutoscaler or ScaledObject must scale the Deployment (found 0)',
    ]);
  });
});
