import { DataSource } from 'typeorm';

/** For /api/health: one round trip that needs nothing but a connection. */
export async function databaseReachable(ds: DataSource): Promise<void> {
  await ds.query('SELECT 1');
}

/** For /metrics: pending deadlines per kind, and how many of them are overdue at `now`. */
export function pendingDeadlineCounts(ds: DataSource, now: Date): Promise<Array<{ kind: string; pending: number; overdue: number }>> {
  return ds.query(
    `SELECT kind, count(*)::int AS pending, count(*) FILTER (WHERE due_at < $1)::int AS overdue
     FROM deadlines WHERE status = 'pending' GROUP BY kind`,
    [now],
  );
}
