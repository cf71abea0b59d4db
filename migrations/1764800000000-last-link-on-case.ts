import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The case's last history link (seq and hash) on its own row, kept by the statement that appends
 * events, so a command reads it with the UPDATE that takes the row lock instead of a query of its own.
 */
export class LastLinkOnCase1764800000000 implements MigrationInterface {
  name = 'LastLinkOnCase1764800000000';

  /** Sets every case's last link from its history (also after an older migration rechained it). */
  static readonly BACKFILL = `UPDATE cases c SET last_seq = e.seq, last_hash = e.hash
    FROM (SELECT DISTINCT ON (case_id) case_id, seq, hash FROM case_events ORDER BY case_id, seq DESC) e
    WHERE e.case_id = c.id`;

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases ADD COLUMN last_seq int NOT NULL DEFAULT 0, ADD COLUMN last_hash text`);
    await q.query(LastLinkOnCase1764800000000.BACKFILL);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases DROP COLUMN last_seq, DROP COLUMN last_hash`);
  }
}
