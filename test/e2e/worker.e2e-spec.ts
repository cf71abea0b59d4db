import { TryggWorker } from '../../apps/worker/src/worker.runtime';
import { SystemClock } from '../../libs/platform/src';
import { createTestDatabase } from '../harness/test-db';

/** The worker boots against real PostgreSQL and Redis and its queue turns. */
describe('worker', () => {
  it('starts, runs its heartbeat job through BullMQ, and stops cleanly', async () => {
    const worker = new TryggWorker({
      databaseUrl: await createTestDatabase(),
      redisUrl: process.env.TRYGG_TEST_REDIS_URL as string,
      clock: new SystemClock(),
      log: () => undefined,
    });
    await worker.start();
    try {
      // Stamped at start, then by the scheduler's job (which names itself).
      expect(await worker.lastHeartbeat()).not.toBeNull();
      let beat: { at: string; jobId: string | null } | null = null;
      for (let i = 0; i < 100 && !beat?.jobId; i++) {
        const raw = await worker.lastHeartbeat();
        beat = raw ? JSON.parse(raw) : null;
        if (!beat?.jobId) await new Promise((r) => setTimeout(r, 100));
      }
      expect(beat?.jobId).toBeTruthy();
      expect(beat?.at).toMatch(/^\d{4}-/);
    } finally {
      await worker.stop();
    }
  });
});
