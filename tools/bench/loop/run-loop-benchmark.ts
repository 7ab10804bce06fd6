// `npm run bench -- [--rate 50] [--duration 240 | --tickets N] [--warmup s] [--communities 19] [--profile] [--chaos] [--replicas N] [--after-rate r --after-seconds s] [--quick] [--out file]`
// Drives tickets round the whole loop — four services as separate processes, over their HTTP APIs —
// and prints sustained closed loops per second, per-hop latency percentiles, each service's peak memory,
// and this machine's raw Kafka round trip and PostgreSQL commit rate; writes docs/benchmarks/loop.md.
// With --chaos every service is killed with SIGKILL and restarted, and the broker restarts, while the
// tickets arrive; the run then proves every ticket closed exactly once and the loop auditor is clean.
import { activityPerLoop, readDatabaseCounters } from './database-activity';
import { LoopCluster, serviceCatalogue } from '@loop/testing';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import { ensureInfrastructure, stopInfrastructure } from '../../infra';
import { buildLoopServices } from '../../infra/build-services';
import { pinnedKafkaVersion } from '../../infra/kafka-artifacts';
import { runBaselineScenario } from '../backbone/baseline-scenario';
import { summariseLatencies } from '../backbone/latency-summary';
import { describeMachine } from '../backbone/machine-description';
import { LoadPhase, pacedPhases } from '../backbone/paced-load';
import { burstRecovery } from './burst-recovery';
import { chaosSchedule, exactlyOnceVerdict } from './chaos-plan';
import { InflictedDisruption, runChaos } from './chaos-monkey';
import { CpuProfile, CpuProfileSummary, summariseCpuProfile } from './cpu-profile-summary';
import { pollLoopAudit } from './loop-audit-poll';
import { HttpStepError, LoopDriver, networkRetries, overloadRetries, prepareDistrict } from './loop-driver';
import { LoopObserver } from './loop-observer';
import { commandLineOf, parseLoopOptions } from './loop-options';
import { LoopBenchRun, mergeResults, renderSummary } from './loop-report';
import { closedLoopsPerSecond, hopLatencies, hopNames, LoopTraces } from './loop-traces';
import { measurePostgres } from './postgres-baseline';
import { sampleResidentSets } from './rss-sampler';
import { runAsCommand, writeMarkdownResults } from '../bench-output';

const repositoryRoot = path.resolve(__dirname, '../../..');
/** The services the cluster runs, in catalogue order. */
const loopServices = serviceCatalogue.map((service) => service.name);

/** The step a loop failed at, for the failure counts. */
function failedStep(error: unknown): string {
  if (error instanceof HttpStepError) return `${error.step} (${error.status})`;
  const fact = error instanceof Error ? /^no (\w+) for ticket/.exec(error.message)?.[1] : undefined;
  return fact ? `waiting for ${fact}` : 'other';
}

/** Whether another test run (jest) is using the machine's cores right now. */
function otherTestRunActive(): boolean {
  return (spawnSync('pgrep', ['-f', 'node_modules/.bin/jest']).stdout?.toString().trim() ?? '') !== '';
}

/** Summaries of the .cpuprofile files the services wrote on exit, by service. */
function readProfiles(profileDir: string): Record<string, CpuProfileSummary> {
  const summaries: Record<string, CpuProfileSummary> = {};
  for (const service of loopServices) {
    const dir = path.join(profileDir, service);
    const file = existsSync(dir) ? readdirSync(dir).find((name) => name.endsWith('.cpuprofile')) : undefined;
    if (file) {
      summaries[service] = summariseCpuProfile(
        JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as CpuProfile,
      );
    }
  }
  return summaries;
}

async function main(): Promise<void> {
  const options = parseLoopOptions(process.argv.slice(2));
  const log = (line: string) => console.log(`[bench] ${line}`);
  const infrastructure = await ensureInfrastructure({ log: (line) => console.log(`  ${line}`) });
  const externalKafka = process.env.KAFKA_BROKERS !== undefined;
  // LoopCluster and the test helpers it uses find the infrastructure through these variables.
  process.env.KAFKA_BROKERS = infrastructure.kafkaBrokers.join(',');
  process.env.TEST_POSTGRES_URL = infrastructure.postgresUrl;
  process.env.REDIS_URL = infrastructure.redisUrl;
  const machineAtStart = describeMachine('', '');
  const runId = Date.now().toString(36);
  let cluster: LoopCluster | undefined;
  let observer: LoopObserver | undefined;
  try {
    log('building the services');
    buildLoopServices();
    const profileDir = path.join(repositoryRoot, '.local', 'profiles', `loop-${runId}`);
    // Node 20 refuses --cpu-prof in NODE_OPTIONS; a preloaded inspector session samples instead.
    const serviceEnv = options.profile
      ? Object.fromEntries(
          loopServices.map((service) => [
            service,
            {
              NODE_OPTIONS: `--require ${path.join(__dirname, 'cpu-profiler-preload.cjs')}`,
              LOOP_BENCH_CPU_PROFILE_DIR: path.join(profileDir, service),
            },
          ]),
        )
      : undefined;
    log('starting the cluster');
    cluster = await LoopCluster.start({ name: 'bench-loop', serviceEnv, replicas: options.replicas });
    const running = cluster;
    const traces = new LoopTraces();
    observer = await LoopObserver.start(
      infrastructure.kafkaBrokers,
      running.namespace.topicPrefix,
      running.namespace.clientId,
      traces,
    );
    const endpoints = {
      requestsUrls: running.urls('requests'),
      dispatchUrls: running.urls('dispatch'),
      token: running.token.bind(running),
    };
    const households = await prepareDistrict(endpoints, options.communities);
    log(
      `auto-dispatch on in ${options.communities} communities; ${households.length} households to file for`,
    );
    const driver = new LoopDriver(endpoints, households, traces);
    await driver.warmTokens();

    const memory = sampleResidentSets(loopServices.flatMap((service) => running.replicas(service)));
    const countersBefore = await readDatabaseCounters(infrastructure.postgresUrl, running.databaseNames());
    const failures: Record<string, number> = {};
    let otherTestRunsSeen = 0;
    let submitted = 0;
    let closed = 0;
    let lastArrival = 0;
    let burstEndedAt = 0;
    // The driver's own event loop: if it lags, the figures measure the benchmark, not the services.
    const driverDelay = monitorEventLoopDelay({ resolution: 10 });
    driverDelay.enable();
    const started = Date.now();
    const progress = setInterval(() => {
      if (otherTestRunActive()) otherTestRunsSeen++;
      const rss = loopServices
        .map(
          (service) =>
            `${service} ${Math.round((running.service(service).residentSetBytes() ?? 0) / 2 ** 20)}`,
        )
        .join(' ');
      log(
        `${Math.round((Date.now() - started) / 1_000)} s: submitted ${submitted}, closed ${closed}, failed ${Object.values(failures).reduce((a, b) => a + b, 0)}, in flight ${submitted - closed - Object.values(failures).reduce((a, b) => a + b, 0)}; RSS MB ${rss}; driver lag p99 ${Math.round(driverDelay.percentile(99) / 1e6)} ms`,
      );
    }, 10_000);
    const phases: LoadPhase[] = [{ count: options.tickets, ratePerSecond: options.rate }];
    if (options.after) {
      phases.push({
        count: Math.round(options.after.rate * options.after.seconds),
        ratePerSecond: options.after.rate,
      });
    }
    log(
      `driving ${options.tickets} tickets at ${options.rate}/s${options.after ? `, then ${options.after.rate}/s for ${options.after.seconds} s` : ''}`,
    );
    const chaos: Promise<InflictedDisruption[]> = options.chaos
      ? runChaos(running, chaosSchedule(options.tickets / options.rate), started, log)
      : Promise.resolve([]);
    // A failed disruption must not leave an unhandled rejection while the stream still runs.
    chaos.catch(() => undefined);
    try {
      await pacedPhases(
        phases,
        async (index) => {
          submitted++;
          lastArrival = Date.now();
          if (index === options.tickets - 1) burstEndedAt = lastArrival;
          try {
            await driver.drive(index);
            closed++;
          } catch (error) {
            const step = failedStep(error);
            if ((failures[step] ?? 0) < 3) log(`loop ${index} failed: ${(error as Error).message}`);
            failures[step] = (failures[step] ?? 0) + 1;
          }
        },
        options.maxInFlight,
      );
      await chaos;
    } finally {
      clearInterval(progress);
    }
    const peaks = memory.stop();
    const databaseActivity = activityPerLoop(
      countersBefore,
      await readDatabaseCounters(infrastructure.postgresUrl, running.databaseNames()),
      closed,
    );
    driverDelay.disable();
    const all = [...traces.all()];
    const lastCredit = Math.max(...all.map((trace) => trace.creditSeenAt ?? 0));
    const steadyFrom = started + options.warmupSeconds * 1_000;
    const latencies = hopLatencies(all, observer.notificationLatencies());
    const loadAverageAtEnd = Math.round(os.loadavg()[0] * 100) / 100;

    let baselines: LoopBenchRun['baselines'];
    if (options.baselines) {
      log('baselines: raw Kafka round trip');
      const kafka = await runBaselineScenario(
        {
          brokers: infrastructure.kafkaBrokers,
          postgresAdminUrl: infrastructure.postgresUrl,
          throughputEvents: 20_000,
          latencyEvents: 1_000,
          latencyRate: 100,
          keys: 1_000,
          runId: `loop-${runId}`,
        },
        log,
      );
      log('baselines: PostgreSQL INSERT + COMMIT rate');
      const postgres = await measurePostgres(infrastructure.postgresUrl);
      baselines = { kafka, postgres };
    }
    let chaosOutcome: LoopBenchRun['chaos'];
    if (options.chaos) {
      log('asking the loop auditor until it is clean');
      const admin = await running.token({ sub: 'bench-auditor', roles: ['admin'] });
      chaosOutcome = {
        disruptions: await chaos,
        verdict: exactlyOnceVerdict(traces.ticketIds(), observer.ticketCredits()),
        audit: await pollLoopAudit(running.url('requests'), admin),
        networkRetries: networkRetries.count,
      };
    }
    const postgresVersion = baselines?.postgres.version ?? 'not measured';
    const notifications = observer.notificationCount;
    const { unexpected } = observer.anomalies();
    await observer.stop();
    observer = undefined;
    await cluster.stop();
    cluster = undefined;

    const run: LoopBenchRun = {
      date: new Date(),
      command: commandLineOf(options),
      options,
      machine: {
        ...machineAtStart,
        kafka: externalKafka
          ? `external broker(s) ${infrastructure.kafkaBrokers.join(', ')}`
          : `Apache Kafka ${pinnedKafkaVersion()}, single KRaft node (tools/infra)`,
        postgres: postgresVersion,
        commitMs: baselines?.postgres.serialCommit.p50 ?? Number.NaN,
      },
      conditions: {
        loadAverageAtEnd,
        otherTestRunsSeen,
        driverLagP99Ms: driverDelay.percentile(99) / 1e6,
      },
      submitted,
      arrivalSeconds: (lastArrival - started) / 1_000,
      closed,
      failures,
      steadyLoopsPerSecond: closedLoopsPerSecond(all, steadyFrom, burstEndedAt),
      steadySeconds: (burstEndedAt - steadyFrom) / 1_000,
      drainSeconds: Math.max(0, (lastCredit - lastArrival) / 1_000),
      hops: Object.fromEntries(
        hopNames.map((name) => [name, summariseLatencies(latencies[name])]),
      ) as LoopBenchRun['hops'],
      memory: peaks,
      notifications,
      confirmRetries: driver.confirmRetries,
      overloadRetries: overloadRetries.count,
      unexpectedEvents: unexpected,
      baselines,
      profiles: options.profile ? readProfiles(profileDir) : undefined,
      databaseActivity,
      chaos: chaosOutcome,
      recovery: options.after
        ? burstRecovery(all, { burstStartedAt: started, burstEndedAt, afterEndedAt: lastArrival })
        : undefined,
    };
    console.log(`\n${renderSummary(run)}`);
    const out = path.resolve(repositoryRoot, options.out);
    mkdirSync(path.dirname(out), { recursive: true });
    const existing = existsSync(out) ? readFileSync(out, 'utf8') : undefined;
    await writeMarkdownResults(out, mergeResults(existing, run), repositoryRoot);
  } finally {
    await observer?.stop().catch(() => undefined);
    await cluster?.stop().catch(() => undefined);
    if (infrastructure.started.length > 0) await stopInfrastructure();
  }
}

runAsCommand(main);
