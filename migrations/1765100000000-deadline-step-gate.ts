import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A deadline step is written by one statement that holds only if neither the case's last link nor
 * the deadline moved since they were read (decision 98). The statement takes the case row first
 * (as commands do), then the deadline; this function is its last word: if it got the case but not
 * the deadline, it raises, and the whole statement writes nothing. The step is then decided again
 * under the locks of trygg_lock_deadline_step.
 */
export class DeadlineStepGate1765100000000 implements MigrationInterface {
  name = 'DeadlineStepGate1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION trygg_deadline_step_written(case_rows bigint, deadline_rows bigint) RETURNS int
      LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        IF case_rows <> deadline_rows THEN
          RAISE EXCEPTION 'the deadline changed after the step read it; nothing is written'
            USING ERRCODE = 'serialization_failure';
        END IF;
        RETURN deadline_rows;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION trygg_deadline_step_written(bigint, bigint)`);
  }
}
