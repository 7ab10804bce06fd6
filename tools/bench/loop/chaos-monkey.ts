// Inflicts the chaos schedule on a running cluster: each service is killed with SIGKILL and started
// again, and the runner's Kafka broker restarts, while the tickets keep arriving.
import type { LoopCluster } from '@loop/testing';
import { setTimeout as delay } from 'node:timers/promises';
import { restartLocalKafkaBroker } from '../../infra/restart';
import { Disruption, ScheduledDisruption } from './chaos-plan';

/** What happened to one scheduled disruption. */
export interface InflictedDisruption {
  what: Disruption;
  /** Seconds after the first submission when it began, and when the component served again. */
  startedAt: number;
  recoveredAt: number;
}

async function inflict(cluster: LoopCluster, what: Disruption, log: (line: string) => void): Promise<void> {
  if (what === 'kafka') {
    await restartLocalKafkaBroker((line) => log(`  ${line}`));
    return;
  }
  await cluster.kill(what);
  await cluster.restart(what);
}

/**
 * Runs `schedule` from `startedAt` (epoch ms) on, one disruption at a time, and resolves with what was
 * done. A disruption that fails to come back rejects: a chaos run without its chaos proves nothing.
 */
export async function runChaos(
  cluster: LoopCluster,
  schedule: readonly ScheduledDisruption[],
  startedAt: number,
  log: (line: string) => void,
): Promise<InflictedDisruption[]> {
  const done: InflictedDisruption[] = [];
  const seconds = () => (Date.now() - startedAt) / 1_000;
  for (const { at, what } of schedule) {
    const wait = startedAt + at * 1_000 - Date.now();
    if (wait > 0) await delay(wait);
    const began = seconds();
    log(
      `chaos at ${began.toFixed(0)} s: ${what === 'kafka' ? 'restarting the Kafka broker' : `SIGKILL ${what}`}`,
    );
    await inflict(cluster, what, log);
    const recoveredAt = seconds();
    log(`chaos: ${what} serves again after ${(recoveredAt - began).toFixed(1)} s`);
    done.push({ what, startedAt: began, recoveredAt });
  }
  return done;
}
