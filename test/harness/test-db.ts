import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

/** A fresh database cloned from the migrated, seeded template: one per test file. */
export async function createTestDatabase(): Promise<string> {
  const admin = process.env.TRYGG_TEST_PG_ADMIN_URL;
  if (!admin) throw new Error('TRYGG_TEST_PG_ADMIN_URL is not set: run through jest (test/harness/global-setup.ts)');
  const name = `t_${randomUUID().replace(/-/g, '')}`;
  const client = new Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}" TEMPLATE trygg_template`);
  } finally {
    await client.end();
  }
  return admin.replace(/\/[^/]*$/, `/${name}`);
}
