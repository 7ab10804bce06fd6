// Where a service's CPU time went, from the .cpuprofile Node writes with --cpu-prof: self time by
// package (a library, Node's own modules, our libs, the service's code, garbage collection, idle) and
// the functions that used the most.

/** The parts of a V8 CPU profile this summary reads. */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples: number[];
  timeDeltas: number[];
}

/** A share of a profile's time. */
export interface TimeShare {
  name: string;
  ms: number;
  /** Share of the profile's busy (non-idle) time, 0..1. */
  share: number;
}

/** A profile summarised. */
export interface CpuProfileSummary {
  /** Sampled wall time, in milliseconds. */
  totalMs: number;
  /** Time not spent idle. */
  busyMs: number;
  byPackage: TimeShare[];
  topFunctions: TimeShare[];
}

/** The package a script belongs to, by its URL. */
export function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(V8 and native)';
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const [first, second] = url.slice(modules + '/node_modules/'.length).split('/');
    return first.startsWith('@') ? `${first}/${second}` : first;
  }
  const lib = /\/libs\/([a-z-]+)\/src\//.exec(url);
  if (lib) return `@loop/${lib[1]}`;
  if (/\/services\/[a-z-]+\/src\//.test(url)) return '(service code)';
  return url;
}

function shares(times: Map<string, number>, busyMs: number, limit: number): TimeShare[] {
  return [...times.entries()]
    .map(([name, us]) => ({ name, ms: us / 1_000, share: busyMs > 0 ? us / 1_000 / busyMs : 0 }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, limit);
}

/** Self time by package and by function, largest first. */
export function summariseCpuProfile(profile: CpuProfile, limit = 12): CpuProfileSummary {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  let idle = 0;
  profile.samples.forEach((id, index) => {
    const us = profile.timeDeltas[index] ?? 0;
    const frame = nodes.get(id);
    if (!frame) return;
    total += us;
    if (frame.functionName === '(idle)') {
      idle += us;
      return;
    }
    const pkg = packageOf(frame.url, frame.functionName);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
    const file = frame.url.split('/').pop() ?? '';
    const name = `${frame.functionName || '(anonymous)'} ${file ? `${file}:${frame.lineNumber + 1}` : ''} [${pkg}]`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
  });
  const busyMs = (total - idle) / 1_000;
  return {
    totalMs: total / 1_000,
    busyMs,
    byPackage: shares(byPackage, busyMs, limit),
    topFunctions: shares(byFunction, busyMs, limit),
  };
}
