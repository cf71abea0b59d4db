import { createServer, Server } from 'node:http';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** What only the worker can measure: how late steps run and how jobs end. */
export class WorkerMetrics {
  readonly registry = new Registry();
  readonly stepLag = new Histogram({
    name: 'trygg_deadline_step_lag_seconds',
    help: 'Time from a deadline step falling due to it being carried out',
    labelNames: ['step'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 15, 60, 300, 3600],
    registers: [this.registry],
  });
  readonly stepOutcomes = new Counter({
    name: 'trygg_deadline_steps_total',
    help: 'Deadline step jobs handled, by outcome (done, stale, already_done, early)',
    labelNames: ['step', 'outcome'],
    registers: [this.registry],
  });
  readonly stepWrites = new Counter({
    name: 'trygg_deadline_step_writes_total',
    help: 'Deadline steps written, by path: as_read (one statement) or under_lock (the case or deadline moved after the read)',
    labelNames: ['path'],
    registers: [this.registry],
  });
  readonly jobFailures = new Counter({
    name: 'trygg_job_failures_total',
    help: 'Job attempts that threw, by queue',
    labelNames: ['queue'],
    registers: [this.registry],
  });
  private server?: Server;

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'trygg_worker_' });
  }

  /** Serves GET /metrics on its own port (the worker has no other HTTP). */
  async listen(port: number, host = '127.0.0.1'): Promise<number> {
    this.server = createServer(async (req, res) => {
      if (req.url !== '/metrics') return void res.writeHead(404).end();
      res.writeHead(200, { 'Content-Type': this.registry.contentType }).end(await this.registry.metrics());
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, host, () => resolve());
    });
    const addr = this.server.address();
    return typeof addr === 'object' && addr ? addr.port : port;
  }

  async close(): Promise<void> {
    if (this.server?.listening) await new Promise((resolve) => this.server!.close(resolve));
  }
}
