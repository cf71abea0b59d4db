import { Job } from 'bullmq';
import type { Redis } from 'ioredis';

export const HEARTBEAT_KEY = 'trygg:worker:heartbeat';

/**
 * Proves the worker is alive and its queues turn: a job scheduler runs this every minute and
 * it stamps the time into Redis, where the API's health check reads it.
 */
export async function processHeartbeat(job: Job, redis: Redis, now: () => Date): Promise<string> {
  return stampHeartbeat(redis, now(), job.id);
}

export async function stampHeartbeat(redis: Redis, at: Date, jobId?: string): Promise<string> {
  const iso = at.toISOString();
  await redis.set(HEARTBEAT_KEY, JSON.stringify({ at: iso, jobId: jobId ?? null }), 'EX', 600);
  return iso;
}
