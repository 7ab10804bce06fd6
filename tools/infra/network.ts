// TCP probes for the runner: is anything listening on a port, and if so, which process holds it.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { connect } from 'node:net';
import { processCommandLine } from './process-utils';

/** True when a TCP connection to host:port succeeds within `timeoutMs`. */
export function isPortOpen(host: string, port: number, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const finish = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

/** The process listening on a TCP port, as far as the OS lets us see it. */
export interface PortHolder {
  pid: number;
  commandLine: string;
}

/**
 * Finds the process listening on a local TCP port by matching the socket inode from /proc/net/tcp
 * against open file descriptors. Linux only and best effort: undefined when it cannot tell, which
 * only makes an error message less specific.
 */
export function findPortHolder(port: number): PortHolder | undefined {
  const inodes = listeningSocketInodes(port);
  if (inodes.size === 0) return undefined;
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return undefined;
  }
  for (const pid of pids) {
    let descriptors: string[];
    try {
      descriptors = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const descriptor of descriptors) {
      try {
        const target = readlinkSync(`/proc/${pid}/fd/${descriptor}`);
        const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
        if (inode && inodes.has(inode)) {
          return { pid: Number(pid), commandLine: processCommandLine(Number(pid)) ?? '' };
        }
      } catch {
        // descriptor closed while we looked
      }
    }
  }
  return undefined;
}

/** Socket inodes in LISTEN state (st = 0A) on the given local port, IPv4 and IPv6. */
function listeningSocketInodes(port: number): Set<string> {
  const portHex = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let rows: string[];
    try {
      rows = readFileSync(table, 'utf8').split('\n').slice(1);
    } catch {
      continue;
    }
    for (const row of rows) {
      const columns = row.trim().split(/\s+/);
      // columns: sl, local_address, rem_address, st, tx_queue:rx_queue, tr:tm->when, retrnsmt, uid, timeout, inode
      if (columns.length > 9 && columns[1].endsWith(`:${portHex}`) && columns[3] === '0A')
        inodes.add(columns[9]);
    }
  }
  return inodes;
}

/** "pid 123 (java … kafka.Kafka …)" or "an unknown process" — for error messages. */
export function describePortHolder(holder: PortHolder | undefined): string {
  if (!holder) return 'a process the runner did not start';
  const commandLine =
    holder.commandLine.length > 160 ? `${holder.commandLine.slice(0, 157)}…` : holder.commandLine;
  return `pid ${holder.pid}${commandLine ? ` (${commandLine})` : ''}, which the runner did not start`;
}
