import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { TryggWorker, WorkerRuntime } from '../../apps/worker/src/worker.runtime';
import { freePort, RedisServerHandle, startRedisServer } from '../../libs/embedded/src';
import { TravelClock } from '../../libs/platform/src';
import { DEADLINE_QUEUE, MAIL_QUEUE } from '../../libs/scheduling/src/queues';
import { startTestApp, TestApp } from './test-app';
import { createTestDatabase } from './test-db';

/**
 * The API and the worker on one fresh database, their own redis-server, and one clock that runs
 * in real time from an instant the test chooses. Every rig has its own Redis, so FLUSHALL and
 * killed workers in one test file cannot disturb another.
 */
export interface DeadlineRig {
  api: TestApp<TravelClock>;
  clock: TravelClock;
  databaseUrl: string;
  redis: RedisServerHandle;
  redisClient: Redis;
  deadlines: Queue;
  mail: Queue;
  worker: TryggWorker | null;
  startWorker(over?: Partial<WorkerRuntime>): Promise<TryggWorker>;
  stopWorker(): Promise<void>;
  /**
   * Moves the clock. BullMQ delays were computed against the old time, so the delayed jobs are
   * dropped and the reconciler schedules them again against the new time — exactly what happens
   * when a worker starts after being down.
   */
  travelTo(at: string): Promise<void>;
  /** Waits until the outbox is empty and no deadline job is ready or running. */
  settle(timeoutMs?: number): Promise<void>;
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export async function startDeadlineRig(opts: {
  now: string;
  worker?: Partial<WorkerRuntime>;
  startWorker?: boolean;
}): Promise<DeadlineRig> {
  const databaseUrl = await createTestDatabase();
  const redis = await startRedisServer({ port: await freePort() });
  const clock = new TravelClock(opts.now);
  const api = await startTestApp({ clock, redisUrl: redis.url, databaseUrl });
  const connection = { url: redis.url, maxRetriesPerRequest: null };
  const deadlines = new Queue(DEADLINE_QUEUE, { connection });
  const mail = new Queue(MAIL_QUEUE, { connection });
  const redisClient = new Redis(redis.url, { maxRetriesPerRequest: null });
  const pg = new Client({ connectionString: databaseUrl });
  await pg.connect();

  const rig: DeadlineRig = {
    api,
    clock,
    databaseUrl,
    redis,
    redisClient,
    deadlines,
    mail,
    worker: null,
    async startWorker(over = {}) {
      const worker = new TryggWorker({
        databaseUrl,
        redisUrl: redis.url,
        clock,
        log: () => undefined,
        relayIdleMs: 50,
        reconcileEveryMs: 3600_000,
        // Short locks so a killed worker's job is taken up again within seconds. Every worker
        // on a Redis must agree: the stalled-job check runs at most once per lock period.
        jobLockMs: 2000,
        ...opts.worker,
        ...over,
      });
      await worker.start();
      rig.worker = worker;
      return worker;
    },
    async stopWorker() {
      await rig.worker?.stop();
      rig.worker = null;
    },
    async travelTo(at) {
      clock.travelTo(at);
      await deadlines.drain(true);
      await rig.worker?.reconcile();
      await rig.settle();
    },
    async settle(timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      let quietSince = 0;
      while (Date.now() < until) {
        const [{ n }] = await rig.sql<{ n: number }>('SELECT count(*)::int AS n FROM outbox');
        const counts = await deadlines.getJobCounts('waiting', 'active', 'prioritized');
        const mailCounts = await mail.getJobCounts('waiting', 'active');
        const busy = n + counts.waiting + counts.active + counts.prioritized + mailCounts.waiting + mailCounts.active;
        if (busy === 0) {
          // Quiet twice in a row: a finished step writes the outbox row for the next one.
          if (quietSince && Date.now() - quietSince >= 150) return;
          quietSince = quietSince || Date.now();
        } else quietSince = 0;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('deadline work did not settle');
    },
    async sql(text, params = []) {
      return (await pg.query(text, params)).rows;
    },
    async close() {
      await rig.stopWorker();
      await Promise.all([deadlines.close(), mail.close()]);
      redisClient.disconnect();
      await api.close();
      await pg.end();
      await redis.stop();
    },
  };
  if (opts.startWorker !== false) await rig.startWorker();
  return rig;
}

/** Polls until `check` returns a truthy value (real delays are short but not instant). */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
