import { TryggWorker } from '../../apps/worker/src/worker.runtime';
import { SystemClock } from '../../libs/platform/src';
import { freePort, startRedisServer } from '../../libs/embedded/src';
import { createTestDatabase } from '../harness/test-db';

/** The worker boots against real PostgreSQL and Redis and its queue turns. */
describe('worker', () => {
  it('starts, runs its heartbeat job through BullMQ, and stops cleanly', async () => {
    // Its own Redis: the heartbeat key and scheduler are per Redis, and other files share the harness's.
    const redis = await startRedisServer({ port: await freePort() });
    const worker = new TryggWorker({
      databaseUrl: await createTestDatabase(),
      redisUrl: redis.url,
      clock: new SystemClock(),
      log: () => undefined,
    });
    await worker.start();
    try {
      // Stamped at start, then by the scheduler's job (which names itself).
      expect(await worker.lastHeartbeat()).not.toBeNull();
      let beat: { at: string; jobId: string | null } | null = null;
      for (let i = 0; i < 300 && !beat?.jobId; i++) {
        const raw = await worker.lastHeartbeat();
        beat = raw ? JSON.parse(raw) : null;
        if (!beat?.jobId) await new Promise((r) => setTimeout(r, 100));
      }
      expect(beat?.jobId).toBeTruthy();
      expect(beat?.at).toMatch(/^\d{4}-/);
    } finally {
      await worker.stop();
      await redis.stop();
    }
  }, 60_000);
});
