import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Omni step of a group joins the read cache (decision 101): a committed change to
 * `staircase_assessments` is announced on `trygg_directory` like the directory's tables
 * (migration 1764900000000), whoever wrote it.
 */
export class StaircaseChangeNotify1765200000000 implements MigrationInterface {
  name = 'StaircaseChangeNotify1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TRIGGER staircase_assessments_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON staircase_assessments
       FOR EACH STATEMENT EXECUTE FUNCTION trygg_directory_changed()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER staircase_assessments_changed ON staircase_assessments');
  }
}
