/**
 * `npm run backup [-- DIR]`: a consistent backup of Trygg's database (DATA_DIR's embedded
 * PostgreSQL, or DATABASE_URL) into DIR, by default DATA_DIR/backups/<time>. Works while
 * `npm start` runs.
 */
import 'reflect-metadata';
import path from 'node:path';
import { backupDatabase } from '../../../../libs/persistence/src/backup/database-backup';
import { loadConfig } from '../../../../libs/platform/src';
import { openDataDirDatabase } from '../data-dir-database';

async function main(): Promise<void> {
  const config = loadConfig();
  const dataDir = path.resolve(config.DATA_DIR);
  const out = path.resolve(process.argv[2] ?? path.join(dataDir, 'backups', new Date().toISOString().replace(/[:.]/g, '-')));
  const db = await openDataDirDatabase({ databaseUrl: config.DATABASE_URL, dataDir });
  try {
    const m = await backupDatabase(db.url, out);
    const rows = m.tables.reduce((n, t) => n + t.rows, 0);
    const cases = m.tables.find((t) => t.name === 'cases')?.rows ?? 0;
    console.log(`backup written: ${out}\n  ${m.tables.length} tables, ${rows} rows, ${cases} cases; schema ${m.migrations.at(-1)}`);
    console.log(`restore it with: DATA_DIR=<an empty folder> npm run restore -- ${out}`);
  } finally {
    await db.close();
  }
}

main().catch((e) => {
  console.error(`backup failed: ${(e as Error).message}`);
  process.exit(1);
});
