import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

export interface NamedStatement {
  name: string;
  text: string;
  values: unknown[];
}

/**
 * One named statement on a pooled connection, outside any transaction: PostgreSQL parses and
 * plans it once per connection instead of on every call (TypeORM's `query` sends every statement
 * unnamed). For the statements every command and view sends.
 */
export async function namedQuery(ds: DataSource, q: NamedStatement): Promise<Array<Record<string, unknown>>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await once(ds, q);
    } catch (e) {
      // A migration changed the type of a column the statement returns ("cached plan must not
      // change result type"): that connection is discarded, and the next one prepares it anew.
      if ((e as { code?: string }).code !== '0A000' || attempt >= 3) throw e;
    }
  }
}

/** A pooled node-postgres connection, as TypeORM's driver hands it out. */
export interface PooledClient {
  query(q: string | NamedStatement): Promise<{ rows: Array<Record<string, unknown>> }>;
}

/**
 * `use` on a connection of TypeORM's pool, given back afterwards. A connection whose work failed
 * is discarded rather than reused (it may be mid-transaction or hold a stale prepared statement).
 */
export async function withPooledClient<T>(ds: DataSource, use: (client: PooledClient) => Promise<T>): Promise<T> {
  const [client, release] = (await (ds.driver as PostgresDriver).obtainMasterConnection()) as [PooledClient, (e?: unknown) => void];
  let failed: unknown;
  try {
    return await use(client);
  } catch (e) {
    failed = e;
    throw e;
  } finally {
    release(failed);
  }
}

async function once(ds: DataSource, q: NamedStatement): Promise<Array<Record<string, unknown>>> {
  return withPooledClient(ds, async (client) => (await client.query(q)).rows);
}
