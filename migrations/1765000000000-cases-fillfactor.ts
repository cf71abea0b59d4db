import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Room on each page of `cases` for the row's next version. Every history append moves the case's
 * last link (decision 91), a deadline step too. A case row is large (its snapshots), so on full
 * pages each such UPDATE went to another page and wrote a new entry in every index of `cases`.
 * With space left on the page it is a HOT update, which touches no index since the link is not
 * indexed. At 1,000 deadline steps a second, the lag p99 went from 1.4 s to 0.37 s
 * (docs/benchmarks.md). Pages written before this keep no room until the table is rewritten
 * (docs/operations.md, "After upgrading").
 */
export class CasesFillfactor1765000000000 implements MigrationInterface {
  name = 'CasesFillfactor1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE cases SET (fillfactor = 70)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE cases RESET (fillfactor)');
  }
}
