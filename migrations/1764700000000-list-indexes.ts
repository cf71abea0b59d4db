import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the branches of the case list (libs/persistence/src/case-list.sql.ts), so no role's
 * list reads every case of a unit or of the municipality: PPT's cases per owner (only those PPT was
 * asked into), what a staff member reported, and the cases whose plan gives them a measure.
 */
export class ListIndexes1764700000000 implements MigrationInterface {
  name = 'ListIndexes1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX cases_ppt_idx ON cases(owner_id, opened_at DESC, id DESC) WHERE jsonb_typeof(bti->'context'->'ppt') = 'object'`,
    );
    await q.query(`CREATE INDEX cases_opened_by_idx ON cases(opened_by, opened_at DESC, id DESC)`);
    await q.query(`CREATE INDEX cases_measures_idx ON cases USING gin ((snapshot->'context'->'plan'->'measures') jsonb_path_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cases_measures_idx`);
    await q.query(`DROP INDEX cases_opened_by_idx`);
    await q.query(`DROP INDEX cases_ppt_idx`);
  }
}
