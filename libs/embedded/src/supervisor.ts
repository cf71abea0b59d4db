import { RunningProcess, stopProcess } from './child-process';

export interface SupervisorOptions {
  /** First wait before a restart; doubles on each failure in a row. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** A process that ran this long before dying starts again from the shortest wait. */
  stableAfterMs?: number;
  say?: (line: string) => void;
  /** After every (re)start, with the new process. */
  onStart?: (p: RunningProcess) => void;
}

/**
 * Keeps one child process running: when it dies on its own it is started again, with a
 * growing wait between failed attempts, until stop() is called. Only stop() ends it for good.
 */
export class Supervisor {
  private current?: RunningProcess;
  private stopping = false;
  private failures = 0;
  private wake?: () => void;
  private loop?: Promise<void>;
  restarts = 0;

  constructor(
    readonly name: string,
    private readonly start: () => Promise<RunningProcess>,
    private readonly opts: SupervisorOptions = {},
  ) {}

  get pid(): number | undefined {
    return this.current?.pid;
  }

  /** The first start must succeed: a fault then is a configuration problem, not a crash. */
  async run(): Promise<void> {
    this.current = await this.start();
    this.opts.onStart?.(this.current);
    this.loop = this.watch();
  }

  private async watch(): Promise<void> {
    while (!this.stopping) {
      const proc = this.current!;
      const startedAt = Date.now();
      const { code, signal } = await proc.exited;
      if (this.stopping) return;
      if (Date.now() - startedAt >= (this.opts.stableAfterMs ?? 60_000)) this.failures = 0;
      for (;;) {
        const wait = Math.min((this.opts.minBackoffMs ?? 500) * 2 ** this.failures, this.opts.maxBackoffMs ?? 30_000);
        this.failures++;
        this.opts.say?.(`${this.name} stopped (${signal ?? `exit ${code}`}); starting it again in ${(wait / 1000).toFixed(1)} s`);
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, wait);
          this.wake = () => (clearTimeout(t), resolve());
        });
        if (this.stopping) return;
        try {
          this.current = await this.start();
          // stop() came while it was starting: it must not outlive the supervisor.
          if (this.stopping) return void (await stopProcess(this.current, 5_000));
          this.restarts++;
          this.opts.onStart?.(this.current);
          this.opts.say?.(`${this.name} is running again`);
          break;
        } catch (e) {
          this.opts.say?.(`${this.name} did not start: ${(e as Error).message.split('\n')[0]}`);
          if (this.stopping) return;
        }
      }
    }
  }

  /** Ends supervision and the process, killing it if it has not exited within the bound. */
  async stop(withinMs: number): Promise<void> {
    this.stopping = true;
    this.wake?.();
    if (this.current) await stopProcess(this.current, withinMs);
    await this.loop;
  }
}
