// `npx tsx tools/k8s/render.ts k8s/overlays/prod`: prints what `kubectl kustomize` prints for a
// kustomization, for machines without kubectl (the same renderer validates the manifests in the tests).
import { stringify } from 'yaml';
import { renderKustomization } from './kustomize/render-kustomization';

const directory = process.argv[2];
if (!directory) {
  console.error('usage: npx tsx tools/k8s/render.ts <kustomization directory>');
  process.exit(2);
}
process.stdout.write(
  renderKustomization(directory)
    .map((object) => stringify(object, { version: '1.1' }))
    .join('---\n'),
);
