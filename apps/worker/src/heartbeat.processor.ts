import { Job } from 'bullmq';
import type { Redis } from 'ioredis';

export const MAINTENANCE_QUEUE = 'trygg-maintenance';
export const HEARTBEAT_KEY = 'trygg:worker:heartbeat';

/**
 * Proves the worker is alive and its queue turns: a job scheduler runs this every minute and
 * it stamps the time into Redis. Deadline, reminder and outbox processors join this worker later.
 */
export async function processHeartbeat(job: Job, redis: Redis, now: () => Date): Promise<string> {
  const at = now().toISOString();
  await redis.set(HEARTBEAT_KEY, JSON.stringify({ at, jobId: job.id }), 'EX', 600);
  return at;
}
