// Checks of the scheduled jobs in a rendered overlay (the requests service's loop audit, for one). They run
// no service's own image, so the service manifest checks do not see them: here they are held to the same
// hardening as the services' pods, to a pinned image, and to one run at a time that cannot outlive its
// schedule.
import { KubernetesObject, Mapping } from '../kustomize/kubernetes-object';
import { splitImage } from '../kustomize/render-kustomization';

interface CronJobSpec {
  concurrencyPolicy?: string;
  startingDeadlineSeconds?: number;
  jobTemplate: {
    spec: {
      activeDeadlineSeconds?: number;
      template: { metadata?: { labels?: Record<string, string> }; spec: Mapping & { containers: Mapping[] } };
    };
  };
}

/** Every way a CronJob of the overlay is less contained than the services' own pods; empty when none. */
export function cronJobProblems(objects: readonly KubernetesObject[]): string[] {
  return objects
    .filter((object) => object.kind === 'CronJob')
    .flatMap((cronJob) => {
      const problems: string[] = [];
      const say = (problem: string) => problems.push(`CronJob ${cronJob.metadata.name}: ${problem}`);
      const spec = cronJob.spec as CronJobSpec;
      const job = spec.jobTemplate.spec;
      const pod = job.template;

      if (spec.concurrencyPolicy !== 'Forbid') say('concurrencyPolicy must be Forbid (one run at a time)');
      if (spec.startingDeadlineSeconds === undefined)
        say('startingDeadlineSeconds is required (a late run is skipped, not piled up)');
      if (job.activeDeadlineSeconds === undefined)
        say('its Jobs need activeDeadlineSeconds (a hung run must end)');
      if (pod.spec.restartPolicy !== 'Never')
        say('restartPolicy must be Never (the Job retries with new pods)');
      // The shared default-deny policy selects the loop's pods by this label.
      if (pod.metadata?.labels?.['app.kubernetes.io/part-of'] !== 'grassroots-loop')
        say('its pods must carry app.kubernetes.io/part-of: grassroots-loop');

      const podSecurity = (pod.spec.securityContext as Mapping | undefined) ?? {};
      if (podSecurity.runAsNonRoot !== true) say('pods must set runAsNonRoot: true');
      if ((podSecurity.seccompProfile as { type?: string } | undefined)?.type !== 'RuntimeDefault')
        say('pods must use the RuntimeDefault seccomp profile');
      const serviceAccount = objects.find(
        (object) =>
          object.kind === 'ServiceAccount' && object.metadata.name === String(pod.spec.serviceAccountName),
      );
      if (!serviceAccount) say('pods must run as a ServiceAccount of their own');
      if (pod.spec.automountServiceAccountToken !== false) say('pods must not mount an API token');

      for (const container of pod.spec.containers) {
        const name = String(container.name);
        const { tag, digest } = splitImage(String(container.image));
        if (!digest && (!tag || tag === 'latest'))
          say(`container ${name}: image ${String(container.image)} must be pinned to a version or digest`);
        const security = (container.securityContext as Mapping | undefined) ?? {};
        if (security.readOnlyRootFilesystem !== true)
          say(`container ${name}: the root filesystem must be read-only`);
        if (security.allowPrivilegeEscalation !== false)
          say(`container ${name}: privilege escalation must be off`);
        if (!((security.capabilities as { drop?: string[] } | undefined)?.drop ?? []).includes('ALL'))
          say(`container ${name}: all capabilities must be dropped`);
        const resources = (container.resources as { requests?: Mapping; limits?: Mapping } | undefined) ?? {};
        if (!resources.requests?.cpu || !resources.requests?.memory || !resources.limits?.memory)
          say(`container ${name}: cpu and memory requests and a memory limit are required`);
      }
      return problems;
    });
}
