import cluster, { Worker } from 'node:cluster';

const RESTART_DELAY_MS = 1_000;

/**
 * The API as `processes` processes sharing one port (node:cluster; the primary hands connections
 * out in turn). Each process is the whole API; what they share lives in PostgreSQL and Redis
 * (sessions, rate limits, queues), and each keeps its own short-lived user cache. The primary only
 * supervises: it says ready once every process listens, starts a process again that died, and on
 * SIGTERM/SIGINT lets every process finish its requests before it exits.
 */
export function runApiCluster(processes: number, port: number): void {
  let stopping = false;
  let ready = 0;
  const start = (): Worker => {
    const worker = cluster.fork();
    worker.on('message', (m: { ready?: string }) => {
      if (m?.ready === 'api' && ++ready === processes) process.send?.({ ready: 'api', port, processes });
    });
    worker.on('exit', (code, signal) => {
      if (stopping) return;
      console.error(`api process ${worker.process.pid} exited (${signal ?? code}); starting another`);
      setTimeout(start, RESTART_DELAY_MS).unref();
    });
    return worker;
  };
  for (let i = 0; i < processes; i++) start();
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
      let left = workers.length;
      if (!left) process.exit(0);
      for (const w of workers) {
        w.once('exit', () => --left === 0 && process.exit(0));
        w.process.kill('SIGTERM');
      }
    });
  }
}
