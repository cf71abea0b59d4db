import fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const h = (globalThis as Record<string, unknown>).__TRYGG_HARNESS__ as
    { pg: { stop(): Promise<void> }; redis: { stop(): Promise<void> }; dir: string } | undefined;
  if (!h) return;
  // Each tier's teardown comes here; the first one stops everything.
  delete (globalThis as Record<string, unknown>).__TRYGG_HARNESS__;
  await h.redis.stop();
  await h.pg.stop();
  fs.rmSync(h.dir, { recursive: true, force: true });
}
