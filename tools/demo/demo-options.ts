// The command line of `npm run demo`, parsed apart from the I/O so it can be tested.
import { parseArgs } from 'node:util';

/** How the demo day is played. */
export interface DemoCommandLine {
  /** Tickets submitted over the day. */
  tickets: number;
  /** Tickets whose stories are played at the same time. */
  concurrency: number;
  /** Seed of the plan: the same seed plays the same day. */
  seed: number;
  /** Communities the day is spread over. */
  communities: number;
}

/** Usage text, printed with any command-line error. */
export const DEMO_USAGE = `npm run demo -- [--tickets 60] [--concurrency 6] [--seed <n>] [--communities 6]

Plays a compressed day of traffic against the services \`npm start\` runs.`;

/** Parses `argv` (without node and script); throws with a readable message on a bad flag. */
export function parseDemoCommandLine(argv: string[], defaultSeed: number): DemoCommandLine {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      tickets: { type: 'string' },
      concurrency: { type: 'string' },
      seed: { type: 'string' },
      communities: { type: 'string' },
    },
  });
  return {
    tickets: positiveInteger('--tickets', values.tickets, 60),
    concurrency: positiveInteger('--concurrency', values.concurrency, 6),
    seed: values.seed === undefined ? defaultSeed : positiveInteger('--seed', values.seed, 0),
    communities: positiveInteger('--communities', values.communities, 6),
  };
}

function positiveInteger(flag: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${flag} must be a positive integer, not "${raw}"`);
  return value;
}
