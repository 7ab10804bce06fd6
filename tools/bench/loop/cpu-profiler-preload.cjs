// Preloaded into a service process (NODE_OPTIONS=--require …) when the loop benchmark profiles: Node 20
// refuses --cpu-prof in NODE_OPTIONS, so the in-process inspector samples the CPU instead and the
// profile is written, in the format --cpu-prof writes, when the process exits.
const { Session } = require('node:inspector');
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const directory = process.env.LOOP_BENCH_CPU_PROFILE_DIR;
if (directory) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 1000 });
  session.post('Profiler.start');
  // An in-process session answers synchronously, so the profile is complete before the process ends.
  process.on('exit', () => {
    session.post('Profiler.stop', (error, result) => {
      if (error) return;
      mkdirSync(directory, { recursive: true });
      writeFileSync(join(directory, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
