import { summariseLatencies } from '../backbone/latency-summary';
import { parseLoopOptions } from './loop-options';
import { LoopBenchRun, mergeResults, renderSummary, targetVerdicts } from './loop-report';
import { hopNames } from './loop-traces';

function run(rate: number, overrides: Partial<LoopBenchRun> = {}): LoopBenchRun {
  const latencies = summariseLatencies([100, 200, 300]);
  return {
    date: new Date('2026-11-27T12:00:00Z'),
    command: `npm run bench -- --rate ${rate}`,
    options: parseLoopOptions(['--rate', String(rate)]),
    machine: {
      cpu: 'Test CPU',
      cores: 2,
      memoryGb: 8,
      os: 'Linux',
      node: 'v20.19.0',
      kafka: 'Apache Kafka 4.1.0',
      postgres: 'PostgreSQL 16.4',
      commitMs: 1,
      loadAverage: 0.5,
    },
    conditions: { loadAverageAtEnd: 1.5, otherTestRunsSeen: 0, driverLagP99Ms: 12 },
    submitted: 1_000,
    arrivalSeconds: 300,
    closed: 1_000,
    failures: {},
    steadyLoopsPerSecond: rate,
    steadySeconds: 270,
    drainSeconds: 1.2,
    hops: Object.fromEntries(hopNames.map((name) => [name, latencies])) as LoopBenchRun['hops'],
    memory: { requests: { peakBytes: 200 * 2 ** 20, lastBytes: 180 * 2 ** 20 } },
    notifications: 4_000,
    confirmRetries: 3,
    overloadRetries: 7,
    unexpectedEvents: {},
    ...overrides,
  };
}

describe('loop benchmark report', () => {
  it('judges the targets a run can test', () => {
    expect(targetVerdicts(run(50))).toEqual({ throughput: true, submitToOffered: true, memory: true });
    expect(targetVerdicts(run(50, { closed: 999 }))).toMatchObject({ throughput: false });
    expect(targetVerdicts(run(120, { arrivalSeconds: 60 }))).toEqual({
      throughput: undefined,
      submitToOffered: true,
      memory: true,
    });
    expect(
      targetVerdicts(run(20, { memory: { dispatch: { peakBytes: 251 * 2 ** 20, lastBytes: 0 } } })),
    ).toEqual({ throughput: undefined, submitToOffered: undefined, memory: false });
  });

  it('prints throughput, every hop and the memory peaks', () => {
    const summary = renderSummary(run(50));

    expect(summary).toContain('sustained 50.0 closed loops/s over 270 s');
    for (const hop of hopNames) expect(summary).toContain(hop);
    expect(summary).toContain('requests 200 MB');
  });

  it('replaces the section of the same rate and keeps the other runs and the written analysis', () => {
    const first = mergeResults(undefined, run(50));
    const analysed = first.replace('Not analysed yet.', 'The counter row serialises submissions.');
    const both = mergeResults(analysed, run(100));
    const rerun = mergeResults(both, run(50, { steadyLoopsPerSecond: 49 }));

    expect(rerun).toContain('The counter row serialises submissions.');
    expect(rerun.match(/## 50 tickets\/s/g)).toHaveLength(1);
    expect(rerun).toContain('## 100 tickets/s');
    expect(rerun).toContain('**49.0**');
    expect(rerun.indexOf('## 50 tickets/s')).toBeLessThan(rerun.indexOf('## 100 tickets/s'));
  });

  it('records the machine and the command line', () => {
    const markdown = mergeResults(undefined, run(50));

    expect(markdown).toContain('`npm run bench -- --rate 50`');
    expect(markdown).toContain('Test CPU × 2');
    expect(markdown).toContain('requests tried again after a 503 or 429, as `Retry-After` asked | 7 |');
    expect(markdown).toContain('PostgreSQL 16.4');
  });

  it('keeps a run with replicas in a section of its own beside the single-replica run of its rate', () => {
    const single = mergeResults(undefined, run(12));
    const replicated = mergeResults(
      single,
      run(12, { options: parseLoopOptions(['--rate', '12', '--replicas', '2']) }),
    );

    expect(replicated).toContain('## 12 tickets/s\n');
    expect(replicated).toContain('## 12 tickets/s, 2 replicas per service\n');
    expect(replicated).toContain('npm run bench -- --rate 12');
  });

  it("shows each service's transactions and rows written per closed loop", () => {
    const markdown = mergeResults(
      undefined,
      run(12, { databaseActivity: { requests: { commitsPerLoop: 14.25, rowsWrittenPerLoop: 40 } } }),
    );

    expect(markdown).toContain(
      '| service database, per closed loop | transactions committed | rows written |',
    );
    expect(markdown).toContain('| requests | 14.3 | 40.0 |');
  });

  it('keeps a chaos run in a section of its own, with the disruptions and the exactly-once proof', () => {
    const plain = mergeResults(undefined, run(2));
    const chaotic = run(2, {
      options: parseLoopOptions(['--rate', '2', '--chaos']),
      chaos: {
        disruptions: [{ what: 'dispatch', startedAt: 100, recoveredAt: 104.5 }],
        verdict: {
          submitted: 2,
          creditedOnce: 1,
          neverCredited: ['t2'],
          creditedMoreThanOnce: [],
          creditedUnknown: [],
        },
        audit: { clean: false, findings: { ownerless: 1 }, waitedSeconds: 180 },
        networkRetries: 12,
      },
    });
    const both = mergeResults(plain, chaotic);

    expect(both).toContain('## 2 tickets/s\n');
    expect(both).toContain('## 2 tickets/s with chaos');
    expect(both).toContain('| 100 s | dispatch killed with SIGKILL and restarted | 4.5 s |');
    expect(both).toContain('**no**: 1 of 2 tickets credited by exactly one ledger entry');
    expect(both).toContain('| never credited | 1 (t2) |');
    expect(both).toContain('**1 × ownerless** after 180 s');
  });

  it('keeps a burst-and-after run in a section of its own, with the recovery and the windows', () => {
    const withAfter = run(16, {
      options: parseLoopOptions([
        '--rate',
        '16',
        '--tickets',
        '1920',
        '--after-rate',
        '8',
        '--after-seconds',
        '90',
      ]),
      recovery: {
        windows: [{ fromSeconds: -10, arrivals: 160, closed: 95, inFlight: 420 }],
        recoveredAfterSeconds: 27.4,
        inFlightAtEnd: 21,
        steadyLoopsPerSecond: 8.1,
        firstThirtySecondsLoopsPerSecond: 9.6,
      },
    });
    const both = mergeResults(mergeResults(undefined, run(16)), withAfter);

    expect(both).toContain('## 16 tickets/s\n');
    expect(both).toContain('## 16 tickets/s, then 8/s');
    expect(both).toContain(
      "| **the burst's last loop closed** | **27.4 s** after the burst's last arrival |",
    );
    expect(both).toContain('| -10 s | 16.0 | 9.5 | 420 |');
  });
});
