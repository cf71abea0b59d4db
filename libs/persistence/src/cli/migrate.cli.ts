/**
 * `node dist/libs/persistence/src/cli/migrate.cli.js [--seed-demo]`: applies pending migrations
 * to DATABASE_URL (and seeds the demo organisation when asked). Used by docker compose.
 */
import 'reflect-metadata';
import { createDataSource, runMigrations } from '../data-source';
import { seedDemoData } from '../seed/seed-demo';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL is required');
    process.exit(2);
  }
  const ds = createDataSource(url, { poolSize: 2 });
  await ds.initialize();
  const applied = await runMigrations(ds);
  console.log(JSON.stringify({ msg: 'migrations applied', applied }));
  if (process.argv.includes('--seed-demo')) {
    await seedDemoData(ds);
    console.log(JSON.stringify({ msg: 'demo data seeded' }));
  }
  await ds.destroy();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
