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
      let beat: string | null = null;
      for (let i = 0; i < 100 && !beat; i++) {
        beat = await worker.lastHeartbeat();
        if (!beat) await new Promise((r) => setTimeout(r, 100));
      }
      expect(beat).not.toBeNull();
      expect(JSON.parse(beat as string).at).toMatch(/^\d{4}-/);
    } finally {
      await worker.stop();
    }
  });
});
