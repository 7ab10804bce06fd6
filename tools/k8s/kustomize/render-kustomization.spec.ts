import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { KustomizationError, renderKustomization, splitImage } from './render-kustomization';

let root: string;

function write(files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

const base = {
  'base/kustomization.yaml':
    'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [app.yaml, autoscaler.yaml]\n',
  'base/app.yaml': [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: { name: app }',
    'spec:',
    '  template:',
    '    spec:',
    '      initContainers: [{ name: wait, image: busybox }]',
    '      containers: [{ name: app, image: "example/app", env: [{ name: A, value: "1" }] }]',
  ].join('\n'),
  'base/autoscaler.yaml':
    'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: { name: app }\nspec: { minReplicas: 2 }\n',
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kustomize-'));
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('rendering a kustomization', () => {
  it('loads the resources of nested kustomizations and files', () => {
    write(base);

    const objects = renderKustomization(join(root, 'base'));

    expect(objects.map((object) => `${object.kind}/${object.metadata.name}`)).toEqual([
      'Deployment/app',
      'HorizontalPodAutoscaler/app',
    ]);
  });

  it('applies patches, then the namespace, labels and images of the overlay', () => {
    write({
      ...base,
      'overlay/kustomization.yaml': [
        'apiVersion: kustomize.config.k8s.io/v1beta1',
        'kind: Kustomization',
        'namespace: loop',
        'resources: [../base]',
        'labels: [{ pairs: { team: loop } }]',
        'patches: [{ path: patch.yaml }]',
        'images: [{ name: example/app, newName: registry.example/app, newTag: "1.2.3" }]',
      ].join('\n'),
      'overlay/patch.yaml': [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: { name: app }',
        'spec: { template: { spec: { containers: [{ name: app, env: [{ name: B, value: "2" }] }] } } }',
      ].join('\n'),
    });

    const [deployment] = renderKustomization(join(root, 'overlay'));

    expect(deployment.metadata).toEqual({ name: 'app', namespace: 'loop', labels: { team: 'loop' } });
    expect(deployment.spec).toEqual({
      template: {
        spec: {
          initContainers: [{ name: 'wait', image: 'busybox' }],
          containers: [
            {
              name: 'app',
              image: 'registry.example/app:1.2.3',
              env: [
                { name: 'A', value: '1' },
                { name: 'B', value: '2' },
              ],
            },
          ],
        },
      },
    });
  });

  it('removes an object patched with $patch: delete', () => {
    write({
      ...base,
      'overlay/kustomization.yaml':
        'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [../base]\npatches: [{ path: delete.yaml }]\n',
      'overlay/delete.yaml':
        '$patch: delete\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: { name: app }\n',
    });

    expect(renderKustomization(join(root, 'overlay')).map((object) => object.kind)).toEqual(['Deployment']);
  });

  it('refuses a deletion that shares its file with other patches', () => {
    write({
      ...base,
      'overlay/kustomization.yaml':
        'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [../base]\npatches: [{ path: delete.yaml }]\n',
      'overlay/delete.yaml':
        '$patch: delete\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: { name: app }\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: { name: app }\nspec: {}\n',
    });

    expect(() => renderKustomization(join(root, 'overlay'))).toThrow(/only patch of its file/);
  });

  it('refuses kustomization features it does not implement', () => {
    write({
      'k/kustomization.yaml':
        'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamePrefix: x-\nconfigMapGenerator: []\n',
    });

    expect(() => renderKustomization(join(root, 'k'))).toThrow(
      /unsupported fields: namePrefix, configMapGenerator/,
    );
  });

  it('refuses a patch that matches no object', () => {
    write({
      ...base,
      'overlay/kustomization.yaml':
        'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [../base]\npatches: [{ path: patch.yaml }]\n',
      'overlay/patch.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: other }\nspec: {}\n',
    });

    expect(() => renderKustomization(join(root, 'overlay'))).toThrow(KustomizationError);
  });

  it('refuses a resource that is declared twice', () => {
    write({
      ...base,
      'twice/kustomization.yaml':
        'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [../base, ../base/app.yaml]\n',
    });

    expect(() => renderKustomization(join(root, 'twice'))).toThrow(/declared twice/);
  });
});

describe('image references', () => {
  it('split into name, tag and digest, keeping a registry port in the name', () => {
    expect(splitImage('registry.example:5000/loop/app:1.0@sha256:abc')).toEqual({
      name: 'registry.example:5000/loop/app',
      tag: '1.0',
      digest: 'sha256:abc',
    });
    expect(splitImage('example/app')).toEqual({ name: 'example/app', tag: undefined, digest: undefined });
  });
});
