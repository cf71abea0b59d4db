import type { ChildProcess } from 'node:child_process';

/** A started child process: what a supervisor needs to watch it and to end it. */
export interface RunningProcess {
  readonly name: string;
  readonly pid: number | undefined;
  /** Settles when the process has exited, for whatever reason. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Asks the process to shut down cleanly (its own signal: SIGTERM, SIGINT for PostgreSQL). */
  terminate(): void;
  /** Ends it now. */
  kill(): void;
}

export function runningProcess(name: string, child: ChildProcess, politeSignal: NodeJS.Signals = 'SIGTERM'): RunningProcess {
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  const alive = () => child.exitCode === null && child.signalCode === null;
  return {
    name,
    pid: child.pid,
    exited,
    terminate: () => void (alive() && child.kill(politeSignal)),
    kill: () => void (alive() && child.kill('SIGKILL')),
  };
}

/** Terminates, and kills what has not exited within the bound. */
export async function stopProcess(p: RunningProcess, withinMs: number): Promise<void> {
  p.terminate();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), withinMs)));
  if ((await Promise.race([p.exited, late])) === 'late') p.kill();
  clearTimeout(timer);
  await p.exited;
}
