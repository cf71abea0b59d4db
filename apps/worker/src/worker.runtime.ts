import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { Clock } from '../../../libs/cases/src/ports';
import { createDataSource } from '../../../libs/persistence/src/data-source';
import { HEARTBEAT_KEY, MAINTENANCE_QUEUE, processHeartbeat } from './heartbeat.processor';

export interface WorkerRuntime {
  databaseUrl: string;
  redisUrl: string;
  clock: Clock;
  log: (msg: string, extra?: Record<string, unknown>) => void;
}

/** The worker process: BullMQ on Redis, PostgreSQL for the rows the jobs act on. */
export class TryggWorker {
  private ds?: DataSource;
  private redis?: Redis;
  private queue?: Queue;
  private worker?: Worker;

  constructor(private readonly rt: WorkerRuntime) {}

  async start(): Promise<void> {
    this.ds = createDataSource(this.rt.databaseUrl, { poolSize: 5 });
    await this.ds.initialize();
    const connection = { url: this.rt.redisUrl, maxRetriesPerRequest: null };
    this.redis = new Redis(this.rt.redisUrl, { maxRetriesPerRequest: null });
    this.queue = new Queue(MAINTENANCE_QUEUE, { connection });
    await this.queue.upsertJobScheduler('heartbeat', { every: 60_000 }, { name: 'heartbeat', opts: { removeOnComplete: 10, removeOnFail: 50 } });
    const redis = this.redis;
    this.worker = new Worker(
      MAINTENANCE_QUEUE,
      async (job) => (job.name === 'heartbeat' ? processHeartbeat(job, redis, () => this.rt.clock.now()) : undefined),
      { connection, concurrency: 1 },
    );
    this.worker.on('failed', (job, err) => this.rt.log('job failed', { queue: MAINTENANCE_QUEUE, jobId: job?.id, error: err.message }));
    await this.worker.waitUntilReady();
    this.rt.log('worker ready', { queues: [MAINTENANCE_QUEUE] });
  }

  async lastHeartbeat(): Promise<string | null> {
    return (await this.redis?.get(HEARTBEAT_KEY)) ?? null;
  }

  async stop(): Promise<void> {
    await this.worker?.close();
    await this.queue?.close();
    this.redis?.disconnect();
    if (this.ds?.isInitialized) await this.ds.destroy();
  }
}
