// Loaded with `--import` into the bench's server process when BENCH_SERVER_CPU_PROF is set
// (Node 20 refuses `--cpu-prof` in NODE_OPTIONS): profiles the whole process and writes a
// `.cpuprofile` (Chrome DevTools) into that directory on exit. The in-process inspector session
// answers synchronously, so the exit handler can stop the profiler and write.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const dir = process.env.BENCH_SERVER_CPU_PROF;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.setSamplingInterval', { interval: 500 });
  session.post('Profiler.enable');
  session.post('Profiler.start');
  process.on('exit', () => {
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(join(dir, `server-${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
