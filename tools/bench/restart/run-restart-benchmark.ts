// `npx tsx tools/bench/restart/run-restart-benchmark.ts [--rounds 3]`
// How fast a service comes back: each service of a running loop cluster is stopped — gracefully
// (SIGTERM: it leaves its consumer group) or killed (SIGKILL: its member lingers until its session
// expires) — and started again at once. The time from spawning the new process to its readiness (which
// includes joining its consumer group: kafkajs' run() resolves only once the member has its partitions)
// is printed per service, signal and round; writes docs/benchmarks/restart.md.
import { LoopCluster, serviceCatalogue } from '@loop/testing';
import path from 'node:path';
import { ensureInfrastructure } from '../../infra';
import { buildLoopServices } from '../../infra/build-services';
import { pinnedKafkaVersion } from '../../infra/kafka-artifacts';
import { describeMachine, machineTableRows } from '../backbone/machine-description';
import { runAsCommand, writeMarkdownResults } from '../bench-output';

const repositoryRoot = path.resolve(__dirname, '../../..');
/** A graceful stop leaves the group at once; a kill leaves a member behind until its session expires. */
const signals: NodeJS.Signals[] = ['SIGTERM', 'SIGKILL'];

function roundsFrom(argv: string[]): number {
  const index = argv.indexOf('--rounds');
  const rounds = index >= 0 ? Number(argv[index + 1]) : 3;
  if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds takes a positive integer');
  return rounds;
}

async function main(): Promise<void> {
  const rounds = roundsFrom(process.argv.slice(2));
  const infrastructure = await ensureInfrastructure({ log: (line) => console.log(`  ${line}`) });
  process.env.KAFKA_BROKERS = infrastructure.kafkaBrokers.join(',');
  process.env.TEST_POSTGRES_URL = infrastructure.postgresUrl;
  process.env.REDIS_URL = infrastructure.redisUrl;
  buildLoopServices();

  const coldStart = Date.now();
  const cluster = await LoopCluster.start({ name: 'bench-restart' });
  const coldSeconds = (Date.now() - coldStart) / 1000;
  const seconds = new Map<string, number[]>();
  try {
    for (let round = 1; round <= rounds; round++) {
      for (const { name } of serviceCatalogue) {
        for (const signal of signals) {
          await cluster.service(name).stop(signal);
          const started = Date.now();
          await cluster.restart(name);
          const taken = (Date.now() - started) / 1000;
          const key = `${name} ${signal}`;
          seconds.set(key, [...(seconds.get(key) ?? []), taken]);
          console.log(`round ${round}: ${name} ready ${taken.toFixed(1)} s after a ${signal} and restart`);
        }
      }
    }
  } finally {
    await cluster.stop();
  }

  const rows = serviceCatalogue.flatMap(({ name }) =>
    signals.map((signal) => {
      const taken = seconds.get(`${name} ${signal}`) ?? [];
      return `| ${name} | ${signal} | ${taken.map((value) => value.toFixed(1)).join(' · ')} | ${Math.max(...taken).toFixed(1)} |`;
    }),
  );
  const markdown = [
    '# Restart benchmark',
    '',
    '`npx tsx tools/bench/restart/run-restart-benchmark.ts` starts the loop cluster (four services as',
    'separate processes, the demo district loaded), then stops each service — gracefully with SIGTERM, or',
    'kills it with SIGKILL — and starts it again at once. The time is from spawning the new process to',
    '`/health/ready` answering 200; the service is consuming by then (joining its consumer group is part',
    'of start-up). After a SIGTERM the old member has left its group; after a SIGKILL the group waits',
    "for the old member's session to expire (the consumers' session timeout) before the new one gets",
    "the partitions — that wait, not the service's own start-up, is what the SIGKILL figures measure.",
    '',
    '| machine | |',
    '| --- | --- |',
    machineTableRows(describeMachine(pinnedKafkaVersion(), 'local server')),
    '',
    `- Cold start of the whole cluster (four services in parallel): ${coldSeconds.toFixed(1)} s`,
    '',
    '| service | stopped by | ready after restart, each round (s) | worst (s) |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
  console.log(`\n${markdown}`);
  await writeMarkdownResults(
    path.join(repositoryRoot, 'docs/benchmarks/restart.md'),
    markdown,
    repositoryRoot,
  );
}

runAsCommand(main);
