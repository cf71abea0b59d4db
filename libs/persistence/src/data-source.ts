import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from '../../../migrations';

/** The one way to reach PostgreSQL: schema changes only through migrations, never synchronize. */
export function createDataSource(url: string, opts: { poolSize?: number; keepIdleConnections?: boolean } = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    logging: false,
    // Short OLTP statements: JIT compilation only adds latency (hundreds of ms on a cold statement).
    // pg-pool closes a connection idle for 10 s; `keepIdleConnections` keeps them (idleTimeoutMillis 0).
    extra: { max: opts.poolSize ?? 20, options: '-c jit=off', ...(opts.keepIdleConnections ? { idleTimeoutMillis: 0 } : {}) },
  });
}

export async function runMigrations(ds: DataSource): Promise<string[]> {
  const done = await ds.runMigrations({ transaction: 'each' });
  return done.map((m) => m.name);
}
