// The renderer's output must print as YAML that kubectl reads back unchanged. Parity with the real
// `kustomize build` is checked by `npm run k8s:parity` wherever kubectl is installed.
import { parseAllDocuments, stringify } from 'yaml';
import { renderKustomization } from './kustomize/render-kustomization';
import { overlayDirectory, overlays } from './overlays';

describe.each(overlays)('the %s overlay as rendered here', (overlay) => {
  it('survives printing as YAML 1.1, which kubectl reads (e.g. "off" stays a string)', () => {
    const objects = renderKustomization(overlayDirectory(overlay));
    const printed = objects.map((object) => stringify(object, { version: '1.1' })).join('---\n');

    expect(
      parseAllDocuments(printed, { version: '1.1' }).map((document) => document.toJS() as unknown),
    ).toEqual(objects);
  });
});
