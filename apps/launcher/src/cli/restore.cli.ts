/**
 * `npm run restore -- DIR`: restores a backup into DATA_DIR (a new, empty data directory; the
 * PostgreSQL cluster is created) or into the empty database at DATABASE_URL, then checks every
 * case's hash chain. Stop `npm start` on that data directory first.
 */
import 'reflect-metadata';
import path from 'node:path';
import { VerifyAllHistories } from '../../../../libs/cases/src/audit';
import { restoreDatabase } from '../../../../libs/persistence/src/backup/database-backup';
import { createDataSource } from '../../../../libs/persistence/src/data-source';
import { TypeormCaseStore } from '../../../../libs/persistence/src';
import { loadConfig } from '../../../../libs/platform/src';
import { openDataDirDatabase, runningLauncher } from '../data-dir-database';

async function main(): Promise<void> {
  const from = process.argv[2];
  if (!from) throw new Error('name the backup folder: npm run restore -- <folder>');
  const config = loadConfig();
  const dataDir = path.resolve(config.DATA_DIR);
  if (!config.DATABASE_URL && runningLauncher(dataDir))
    throw new Error(`Trygg is running on ${dataDir}; stop it, or restore into another DATA_DIR`);
  const db = await openDataDirDatabase({ databaseUrl: config.DATABASE_URL, dataDir, create: true });
  try {
    const m = await restoreDatabase(db.url, path.resolve(from));
    const ds = createDataSource(db.url, { poolSize: 1 });
    await ds.initialize();
    const v = await new VerifyAllHistories(new TypeormCaseStore(ds)).execute();
    await ds.destroy();
    console.log(`restored ${path.resolve(from)} (made ${m.createdAt}) into ${config.DATABASE_URL ? 'DATABASE_URL' : dataDir}`);
    console.log(`  ${v.cases} cases, ${v.events} events; hash chains: ${v.valid} valid, ${v.broken.length} broken`);
    if (v.broken.length) {
      for (const b of v.broken) console.log(`  BROKEN ${b.caseId} at seq ${b.firstBrokenSeq}: ${b.problem}`);
      process.exitCode = 3;
    }
  } finally {
    await db.close();
  }
}

main().catch((e) => {
  console.error(`restore failed: ${(e as Error).message}`);
  process.exit(1);
});
