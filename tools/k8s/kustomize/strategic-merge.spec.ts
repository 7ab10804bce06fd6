import { UnsupportedPatchError, strategicMerge } from './strategic-merge';

const builtIn = { builtIn: true };

describe('strategic merge', () => {
  it('merges maps key by key and removes keys patched to null', () => {
    const merged = strategicMerge(
      { data: { A: '1', B: '2' }, keep: true },
      { data: { B: null, C: '3' } },
      builtIn,
    );

    expect(merged).toEqual({ data: { A: '1', C: '3' }, keep: true });
  });

  it('merges containers by name and their environment by variable name', () => {
    const target = {
      containers: [
        {
          name: 'app',
          image: 'a:1',
          env: [
            { name: 'X', value: '1' },
            { name: 'Y', value: '2' },
          ],
        },
        { name: 'sidecar', image: 's:1' },
      ],
    };
    const patch = {
      containers: [
        {
          name: 'app',
          env: [
            { name: 'Y', value: 'changed' },
            { name: 'Z', value: '3' },
          ],
        },
      ],
    };

    expect(strategicMerge(target, patch, builtIn)).toEqual({
      containers: [
        {
          name: 'app',
          image: 'a:1',
          env: [
            { name: 'X', value: '1' },
            { name: 'Y', value: 'changed' },
            { name: 'Z', value: '3' },
          ],
        },
        { name: 'sidecar', image: 's:1' },
      ],
    });
  });

  it('replaces lists without a merge key whole', () => {
    const merged = strategicMerge(
      { egress: [{ to: [{ ipBlock: { cidr: '192.0.2.0/28' } }] }, { to: [] }] },
      { egress: [{ to: [] }] },
      builtIn,
    );

    expect(merged).toEqual({ egress: [{ to: [] }] });
  });

  it('leaves the patched object untouched', () => {
    const target = { spec: { minReplicas: 2 } };

    strategicMerge(target, { spec: { minReplicas: 3 } }, builtIn);

    expect(target).toEqual({ spec: { minReplicas: 2 } });
  });

  it('refuses lists it cannot merge the way kustomize does', () => {
    expect(() => strategicMerge({ ports: [{ port: 80 }] }, { ports: [{ port: 81 }] }, builtIn)).toThrow(
      UnsupportedPatchError,
    );
    expect(() =>
      strategicMerge(
        { listeners: [{ name: 'plain' }] },
        { listeners: [{ name: 'tls' }] },
        { builtIn: false },
      ),
    ).toThrow(/custom resources/);
  });

  it('refuses patch directives other than a whole-object delete', () => {
    expect(() => strategicMerge({ spec: {} }, { spec: { $patch: 'replace' } }, builtIn)).toThrow(/\$patch/);
  });
});
