import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Marks the cases `npm start` creates as demo data, so nobody mistakes them for real cases and an
 * operator can find (or leave out) exactly those. Not part of the history or its hash chain.
 */
export class DemoMarker1764400000000 implements MigrationInterface {
  name = 'DemoMarker1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases ADD COLUMN demo boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases DROP COLUMN demo`);
  }
}
