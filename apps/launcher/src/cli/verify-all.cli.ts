/**
 * `npm run verify:all`: checks the hash chain of every case in Trygg's database (DATA_DIR's, or
 * DATABASE_URL). Exit code 0 when every chain is whole, 3 when any is broken (each is listed).
 */
import 'reflect-metadata';
import path from 'node:path';
import { VerifyAllHistories } from '../../../../libs/cases/src/audit';
import { createDataSource } from '../../../../libs/persistence/src/data-source';
import { TypeormCaseStore } from '../../../../libs/persistence/src';
import { loadConfig } from '../../../../libs/platform/src';
import { openDataDirDatabase } from '../data-dir-database';

async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDataDirDatabase({ databaseUrl: config.DATABASE_URL, dataDir: path.resolve(config.DATA_DIR) });
  try {
    const ds = createDataSource(db.url, { poolSize: 1 });
    await ds.initialize();
    const v = await new VerifyAllHistories(new TypeormCaseStore(ds)).execute();
    await ds.destroy();
    console.log(`${v.cases} cases, ${v.events} events: ${v.valid} hash chains valid, ${v.broken.length} broken`);
    for (const b of v.broken) console.log(`BROKEN ${b.caseId} at seq ${b.firstBrokenSeq}: ${b.problem}`);
    if (v.broken.length) process.exitCode = 3;
  } finally {
    await db.close();
  }
}

main().catch((e) => {
  console.error(`verify:all failed: ${(e as Error).message}`);
  process.exit(1);
});
