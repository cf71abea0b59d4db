import { Job } from 'bullmq';
import type { Redis } from 'ioredis';

export const HEARTBEAT_KEY = 'trygg:worker:heartbeat';

/**
 * Proves the worker is alive and its queues turn: a job scheduler runs this every minute and
 * it stamps the time into Redis, where the API's health check reads it.
 */
export async function processHeartbeat(job: Job, redis: Redis, now: () => Date): Promise<string> {
  const at = now().toISOString();
  await redis.set(HEARTBEAT_KEY, JSON.stringify({ at, jobId: job.id }), 'EX', 600);
  return at;
}
