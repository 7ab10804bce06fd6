import { packageOf, summariseCpuProfile } from './cpu-profile-summary';

describe('CPU profile summary', () => {
  it('names the package a script belongs to', () => {
    expect(packageOf('file:///app/node_modules/kafkajs/src/index.js', 'run')).toBe('kafkajs');
    expect(packageOf('file:///app/node_modules/@nestjs/core/router.js', 'handle')).toBe('@nestjs/core');
    expect(packageOf('node:internal/streams/readable', 'read')).toBe('node:internal');
    expect(packageOf('file:///app/dist/services/requests/libs/messaging/src/outbox/relay.js', 'x')).toBe(
      '@loop/messaging',
    );
    expect(packageOf('file:///app/dist/services/requests/services/requests/src/main.js', 'x')).toBe(
      '(service code)',
    );
    expect(packageOf('', '(garbage collector)')).toBe('(garbage collector)');
  });

  it('shares the busy time out by package and function, leaving idle time out', () => {
    const summary = summariseCpuProfile({
      nodes: [
        { id: 1, callFrame: { functionName: '(idle)', url: '', lineNumber: -1 } },
        {
          id: 2,
          callFrame: { functionName: 'parse', url: 'file:///a/node_modules/pg/lib/result.js', lineNumber: 9 },
        },
        { id: 3, callFrame: { functionName: '(garbage collector)', url: '', lineNumber: -1 } },
      ],
      samples: [1, 2, 2, 3],
      timeDeltas: [5_000, 1_000, 2_000, 1_000],
    });

    expect(summary.totalMs).toBe(9);
    expect(summary.busyMs).toBe(4);
    expect(summary.byPackage).toEqual([
      { name: 'pg', ms: 3, share: 0.75 },
      { name: '(garbage collector)', ms: 1, share: 0.25 },
    ]);
    expect(summary.topFunctions[0]).toEqual({ name: 'parse result.js:10 [pg]', ms: 3, share: 0.75 });
  });
});
