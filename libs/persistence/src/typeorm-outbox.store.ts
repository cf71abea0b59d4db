import { DataSource } from 'typeorm';
import { DeadlineRecord, OutboxBatch, OutboxStore } from '../../cases/src/ports';
import { toDeadline } from './case-writes.sql';

const FIRST_ID = '00000000-0000-0000-0000-000000000000';

/** The outbox table: rows written in the command's transaction, relayed to the queue after it committed. */
export class TypeormOutboxStore implements OutboxStore {
  constructor(private readonly ds: DataSource) {}

  relayBatch(limit: number, relay: (batch: OutboxBatch) => Promise<{ skippedEmailIds: string[] }>): Promise<number> {
    return this.ds.transaction(async (m) => {
      // Losing this commit in a crash only replays the batch (the job ids make that harmless).
      await m.query('SET LOCAL synchronous_commit = off');
      const rows: Array<{ id: string; topic: string; ref: string }> = await m.query(
        'SELECT id, topic, ref FROM outbox ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED',
        [limit],
      );
      if (!rows.length) return 0;
      const deadlineIds = [...new Set(rows.filter((r) => r.topic === 'deadline').map((r) => r.ref))];
      const emailIds = [...new Set(rows.filter((r) => r.topic === 'email').map((r) => r.ref))];
      const archiveEntryIds = [...new Set(rows.filter((r) => r.topic === 'archive').map((r) => r.ref))];
      const deadlines: DeadlineRecord[] = deadlineIds.length
        ? (await m.query('SELECT * FROM deadlines WHERE id = ANY($1::uuid[])', [deadlineIds])).map(toDeadline)
        : [];
      const { skippedEmailIds } = await relay({ deadlines, emailIds, archiveEntryIds });
      if (skippedEmailIds.length) {
        await m.query(`UPDATE notifications SET email_status = 'skipped' WHERE id = ANY($1::uuid[]) AND email_status = 'pending'`, [
          skippedEmailIds,
        ]);
      }
      await m.query('DELETE FROM outbox WHERE id = ANY($1::bigint[])', [rows.map((r) => r.id)]);
      return rows.length;
    });
  }

  async pendingDeadlines(afterId: string | null, limit: number): Promise<DeadlineRecord[]> {
    const rows = await this.ds.query(`SELECT * FROM deadlines WHERE status = 'pending' AND id > $1 ORDER BY id LIMIT $2`, [
      afterId ?? FIRST_ID,
      limit,
    ]);
    return rows.map(toDeadline);
  }

  async owedEmails(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.ds.query(
      `SELECT id FROM notifications WHERE email_status = 'pending' ORDER BY created_at`,
    );
    return rows.map((r) => r.id);
  }
}
