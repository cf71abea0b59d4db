import fs from 'node:fs';

/** CPU time (user + system, ms) the given processes have used so far, from /proc. */
export function cpuMsOf(pids: number[]): number {
  return ticksMs(pids.map((p) => `/proc/${p}/stat`));
}

/**
 * CPU time (ms) of the given processes' main threads alone: the event loop where requests are
 * handled, without worker threads (the journal's render thread) and V8's garbage-collection helpers.
 */
export function mainThreadCpuMsOf(pids: number[]): number {
  return ticksMs(pids.map((p) => `/proc/${p}/task/${p}/stat`));
}

function ticksMs(statFiles: string[]): number {
  let ticks = 0;
  for (const file of statFiles) {
    try {
      // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
      const fields = fs.readFileSync(file, 'utf8').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // a process that just ended
    }
  }
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

/** The running processes with this command name (`postgres`, `redis-server`): the bench's own, on a bench machine. */
export function processesNamed(name: string): number[] {
  return fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return fs.readFileSync(`/proc/${d}/comm`, 'utf8').trim() === name;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/**
 * CPU time of the processes with a command name, over a stretch of time. Sampled every second, so a
 * process that ends meanwhile (a pooled connection closed) keeps what it used up to its last sample.
 */
export function cpuMeter(name: string): { stop(): number } {
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  const sample = () => {
    for (const pid of processesNamed(name)) {
      const ms = cpuMsOf([pid]);
      if (!last.has(pid)) first.set(pid, started ? 0 : ms);
      last.set(pid, ms);
    }
  };
  let started = false;
  sample();
  started = true;
  const timer = setInterval(sample, 1000);
  return {
    stop() {
      sample();
      clearInterval(timer);
      let total = 0;
      for (const [pid, ms] of last) total += ms - (first.get(pid) ?? 0);
      return total;
    },
  };
}
