import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startEmbeddedPostgres, startRedisServer } from '../../libs/embedded/src';
import { createDataSource, runMigrations, seedDemoData } from '../../libs/persistence/src';

/** What every benchmark stands on: embedded PostgreSQL (fsync on, as in production) and redis-server, migrated and seeded. */
export async function startBenchInfra(): Promise<{ databaseUrl: string; redisUrl: string; stop(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trygg-bench-'));
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: await freePort(), persistent: false });
  const redis = await startRedisServer({ port: await freePort() });
  const databaseUrl = await pg.createDatabase('bench');
  const ds = createDataSource(databaseUrl, { poolSize: 2 });
  await ds.initialize();
  await runMigrations(ds);
  await seedDemoData(ds);
  await ds.destroy();
  return {
    databaseUrl,
    redisUrl: redis.url,
    async stop() {
      await redis.stop();
      await pg.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The p-th percentile of values (nearest rank). */
export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
