import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * PPT's branch of the case list: only the cases PPT was asked into, newest first, per owner, so
 * PPT's start page reads a handful of rows instead of every case of the municipality.
 */
export class ListIndexes1764700000000 implements MigrationInterface {
  name = 'ListIndexes1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX cases_ppt_idx ON cases(owner_id, opened_at DESC, id DESC) WHERE jsonb_typeof(bti->'context'->'ppt') = 'object'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cases_ppt_idx`);
  }
}
