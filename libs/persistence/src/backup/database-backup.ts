import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { Client } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { MIGRATIONS } from '../../../../migrations';
import { createDataSource } from '../data-source';

/**
 * A consistent logical backup of Trygg's database, without pg_dump (the embedded PostgreSQL ships
 * none, and Debian's is older than the server): every table is copied with COPY inside one
 * REPEATABLE READ transaction, so all tables come from the same instant. The backup is a folder:
 * manifest.json (the migrations the schema had, each table's columns, row count and SHA-256)
 * and one gzipped COPY file per table. Restoring recreates the schema with the same migrations,
 * loads the rows, then runs any newer migrations, so a backup from an older release restores too.
 */
export interface BackupManifest {
  format: 'trygg-backup';
  version: 1;
  createdAt: string;
  postgresVersion: string;
  migrations: string[];
  tables: Array<{ name: string; columns: string[]; rows: number; sha256: string; file: string }>;
}

const MIGRATIONS_TABLE = 'migrations';
const quote = (ident: string) => `"${ident.replace(/"/g, '""')}"`;

/** Counts rows (COPY text: one line each) and hashes what passes through. */
function measure(onDone: (rows: number, sha256: string) => void): Transform {
  const hash = crypto.createHash('sha256');
  let rows = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      hash.update(chunk);
      for (const b of chunk) if (b === 0x0a) rows++;
      cb(null, chunk);
    },
    flush(cb) {
      onDone(rows, hash.digest('hex'));
      cb();
    },
  });
}

async function tablesOf(client: Client): Promise<Array<{ name: string; columns: string[] }>> {
  const r = await client.query<{ table_name: string; columns: string[] }>(
    `SELECT c.table_name, array_agg(c.column_name::text ORDER BY c.ordinal_position) AS columns
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.table_name <> $1
      GROUP BY c.table_name ORDER BY c.table_name`,
    [MIGRATIONS_TABLE],
  );
  return r.rows.map((x) => ({ name: x.table_name, columns: x.columns }));
}

export async function backupDatabase(url: string, outDir: string): Promise<BackupManifest> {
  const partial = `${outDir}.partial`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(partial, { recursive: true });
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    // One snapshot for every table: what a transaction committed is in the backup whole, or not at all.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const version = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
    const migrations = (await client.query<{ name: string }>(`SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY timestamp, id`)).rows.map(
      (r) => r.name,
    );
    const manifest: BackupManifest = {
      format: 'trygg-backup',
      version: 1,
      createdAt: new Date().toISOString(),
      postgresVersion: version,
      migrations,
      tables: [],
    };
    for (const t of await tablesOf(client)) {
      const file = `${t.name}.copy.gz`;
      let rows = 0;
      let sha256 = '';
      const cols = t.columns.map(quote).join(', ');
      await pipeline(
        client.query(copyTo(`COPY ${quote(t.name)} (${cols}) TO STDOUT`)),
        measure((n, h) => ((rows = n), (sha256 = h))),
        zlib.createGzip(),
        fs.createWriteStream(path.join(partial, file)),
      );
      manifest.tables.push({ name: t.name, columns: t.columns, rows, sha256, file });
    }
    await client.query('COMMIT');
    fs.writeFileSync(path.join(partial, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.renameSync(partial, outDir);
    return manifest;
  } finally {
    await client.end();
  }
}

export function readManifest(dir: string): BackupManifest {
  const file = path.join(dir, 'manifest.json');
  if (!fs.existsSync(file)) throw new Error(`${dir} is not a Trygg backup (no manifest.json)`);
  const m = JSON.parse(fs.readFileSync(file, 'utf8')) as BackupManifest;
  if (m.format !== 'trygg-backup' || m.version !== 1) throw new Error(`${dir}: unknown backup format ${m.format} ${m.version}`);
  return m;
}

/** Restores into an empty database: the backup's schema, its rows, then newer migrations. */
export async function restoreDatabase(url: string, fromDir: string): Promise<BackupManifest> {
  const manifest = readManifest(fromDir);
  const known = MIGRATIONS.map((M) => new M().name as string);
  const prefix = known.slice(0, manifest.migrations.length);
  if (manifest.migrations.some((m, i) => m !== prefix[i])) {
    throw new Error(
      `the backup's schema (${manifest.migrations.at(-1)}) is not one this release of Trygg knows; restore it with the release that made it`,
    );
  }
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const used = await client.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = 'public' LIMIT 1`);
    if (used.rowCount)
      throw new Error('the target database is not empty; restore into a new data directory (DATA_DIR) or an empty database');
  } finally {
    await client.end();
  }

  const older = createDataSource(url, { poolSize: 1 });
  older.setOptions({ migrations: MIGRATIONS.slice(0, manifest.migrations.length) });
  await older.initialize();
  await older.runMigrations({ transaction: 'each' });
  await older.destroy();

  const load = new Client({ connectionString: url });
  await load.connect();
  try {
    await load.query('BEGIN');
    // Rows arrive table by table; foreign keys and triggers hold again once all are in.
    await load.query('SET LOCAL session_replication_role = replica');
    for (const t of manifest.tables) {
      let sha256 = '';
      let rows = 0;
      await pipeline(
        fs.createReadStream(path.join(fromDir, t.file)),
        zlib.createGunzip(),
        measure((n, h) => ((rows = n), (sha256 = h))),
        load.query(copyFrom(`COPY ${quote(t.name)} (${t.columns.map(quote).join(', ')}) FROM STDIN`)),
      );
      if (sha256 !== t.sha256 || rows !== t.rows) throw new Error(`${t.file} does not match the manifest (damaged backup)`);
    }
    // Serial columns continue after the highest restored value.
    const serials = await load.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND column_default LIKE 'nextval(%'`,
    );
    for (const s of serials.rows) {
      await load.query(
        `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT max(${quote(s.column_name)}) FROM ${quote(s.table_name)}), 1),
                (SELECT max(${quote(s.column_name)}) IS NOT NULL FROM ${quote(s.table_name)}))`,
        [s.table_name, s.column_name],
      );
    }
    await load.query('COMMIT');
  } catch (e) {
    await load.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    await load.end();
  }

  const current = createDataSource(url, { poolSize: 1 });
  await current.initialize();
  await current.runMigrations({ transaction: 'each' });
  await current.destroy();
  return manifest;
}
