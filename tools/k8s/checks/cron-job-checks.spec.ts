import { KubernetesObject, Mapping, deepCopy } from '../kustomize/kubernetes-object';
import { renderKustomization } from '../kustomize/render-kustomization';
import { overlayDirectory } from '../overlays';
import { cronJobProblems } from './cron-job-checks';

const prod = renderKustomization(overlayDirectory('prod'));

interface AuditPod {
  metadata: { labels: Record<string, string> };
  spec: Mapping & { securityContext: Mapping; containers: Mapping[] };
}

// A copy of the production objects with the loop audit's CronJob changed.
function withLoopAudit(change: (cronJob: KubernetesObject, pod: AuditPod) => void): KubernetesObject[] {
  const copy = deepCopy(prod) as KubernetesObject[];
  const cronJob = copy.find(
    (object) => object.kind === 'CronJob' && object.metadata.name === 'requests-loop-audit',
  )!;
  const pod = (cronJob.spec as { jobTemplate: { spec: { template: AuditPod } } }).jobTemplate.spec.template;
  change(cronJob, pod);
  return copy;
}

describe('the CronJob checks', () => {
  it('find the loop audit contained like the services', () => {
    expect(prod.some((object) => object.kind === 'CronJob')).toBe(true);
    expect(cronJobProblems(prod)).toEqual([]);
  });

  it('notice overlapping runs, a run that may never end and a pod outside the default-deny policy', () => {
    const objects = withLoopAudit((cronJob, pod) => {
      const spec = cronJob.spec as Mapping & { jobTemplate: { spec: Mapping } };
      spec.concurrencyPolicy = 'Allow';
      delete spec.startingDeadlineSeconds;
      delete spec.jobTemplate.spec.activeDeadlineSeconds;
      delete pod.metadata.labels['app.kubernetes.io/part-of'];
    });

    expect(cronJobProblems(objects)).toEqual([
      'CronJob requests-loop-audit: concurrencyPolicy must be Forbid (one run at a time)',
      'CronJob requests-loop-audit: startingDeadlineSeconds is required (a late run is skipped, not piled up)',
      'CronJob requests-loop-audit: its Jobs need activeDeadlineSeconds (a hung run must end)',
      'CronJob requests-loop-audit: its pods must carry app.kubernetes.io/part-of: grassroots-loop',
    ]);
  });

  it('notice an unpinned image and a container that may write its root filesystem or gain privileges', () => {
    const objects = withLoopAudit((_cronJob, pod) => {
      const [container] = pod.spec.containers;
      container.image = 'curlimages/curl:latest';
      container.securityContext = { capabilities: { drop: ['NET_RAW'] } };
      delete container.resources;
      pod.spec.securityContext = {};
      delete pod.spec.automountServiceAccountToken;
    });

    expect(cronJobProblems(objects)).toEqual([
      'CronJob requests-loop-audit: pods must set runAsNonRoot: true',
      'CronJob requests-loop-audit: pods must use the RuntimeDefault seccomp profile',
      'CronJob requests-loop-audit: pods must not mount an API token',
      'CronJob requests-loop-audit: container loop-audit: image curlimages/curl:latest must be pinned to a version or digest',
      'CronJob requests-loop-audit: container loop-audit: the root filesystem must be read-only',
      'CronJob requests-loop-audit: container loop-audit: privilege escalation must be off',
      'CronJob requests-loop-audit: container loop-audit: all capabilities must be dropped',
      'CronJob requests-loop-audit: container loop-audit: cpu and memory requests and a memory limit are required',
    ]);
  });

  it('accept an image pinned by digest alone', () => {
    const objects = withLoopAudit((_cronJob, pod) => {
      pod.spec.containers[0].image = `curlimages/curl@sha256:${'a'.repeat(64)}`;
    });

    expect(cronJobProblems(objects)).toEqual([]);
  });
});
