import os from 'node:os';

/** What the figures were measured on. */
export interface MachineDescription {
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  kafka: string;
  postgres: string;
  /** Median time of a one-row insert transaction: the WAL flush every durable commit waits for. */
  commitMs: number;
  /** 1-minute load average when the run started: other work on the machine skews the figures. */
  loadAverage: number;
}

/** The host's CPU, memory, OS and Node, plus the broker and database versions given. */
export function describeMachine(kafka: string, postgres: string, commitMs = Number.NaN): MachineDescription {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    kafka,
    postgres,
    commitMs,
    loadAverage: Math.round(os.loadavg()[0] * 100) / 100,
  };
}

/** The machine as Markdown table rows: CPU, memory, OS, Node.js, Kafka and PostgreSQL. */
export function machineTableRows(machine: MachineDescription): string {
  return [
    `| CPU | ${machine.cpu} × ${machine.cores} |`,
    `| memory | ${machine.memoryGb} GB |`,
    `| OS | ${machine.os} |`,
    `| Node.js | ${machine.node} |`,
    `| Kafka | ${machine.kafka} |`,
    `| PostgreSQL | ${machine.postgres} |`,
  ].join('\n');
}
