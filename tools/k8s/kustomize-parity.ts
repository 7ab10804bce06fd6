// `npm run k8s:parity`: renders every overlay with our renderer and with `kubectl kustomize` and fails
// when they differ — the proof that the manifests stay within the Kustomize subset tools/k8s supports.
import { spawnSync } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { KubernetesObject, sortedObjects } from './kustomize/kubernetes-object';
import { renderKustomization } from './kustomize/render-kustomization';
import { overlayDirectory, overlays } from './overlays';

function kubectlKustomize(directory: string): KubernetesObject[] {
  const result = spawnSync('kubectl', ['kustomize', directory], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.error) throw new Error(`kubectl is needed for this check: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`kubectl kustomize ${directory} failed: ${result.stderr}`);
  return parseAllDocuments(result.stdout).map((document) => document.toJS() as KubernetesObject);
}

let differing = 0;
for (const overlay of overlays) {
  const directory = overlayDirectory(overlay);
  const same = isDeepStrictEqual(
    sortedObjects(renderKustomization(directory)),
    sortedObjects(kubectlKustomize(directory)),
  );
  console.log(`${same ? '✔' : '✘'} ${overlay}: ${same ? 'identical to' : 'DIFFERS from'} kubectl kustomize`);
  if (!same) differing += 1;
}
process.exitCode = differing ? 1 : 0;
