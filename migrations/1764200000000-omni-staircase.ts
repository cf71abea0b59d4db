import { MigrationInterface, QueryRunner } from 'typeorm';
import { btiOpeningSnapshotV1 } from './frozen/1764200000000-bti-snapshot';

/**
 * Omni-trappa assessments of groups (inside a case or not) and the owner's guidance rules
 * (FFSS warning threshold, suggestions): append-only versions like the deadline policy.
 * Each case gets its BTI snapshot (the second machine); existing cases start at level 0.
 */
export class OmniStaircase1764200000000 implements MigrationInterface {
  name = 'OmniStaircase1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE staircase_assessments (
        id uuid PRIMARY KEY,
        -- Insertion order breaks ties between assessments made at the same instant.
        seq bigserial NOT NULL,
        owner_id uuid NOT NULL REFERENCES owners(id),
        unit_id uuid NOT NULL REFERENCES units(id),
        group_id uuid NOT NULL REFERENCES groups(id),
        step int NOT NULL CHECK (step BETWEEN 1 AND 5),
        basis text NOT NULL,
        case_id uuid REFERENCES cases(id),
        assessed_by uuid NOT NULL REFERENCES users(id),
        assessed_at timestamptz NOT NULL
      );
      CREATE INDEX staircase_group_idx ON staircase_assessments(group_id, assessed_at DESC, seq DESC);

      CREATE TABLE owner_guidance (
        owner_id uuid NOT NULL REFERENCES owners(id),
        version int NOT NULL,
        guidance jsonb NOT NULL,
        changed_by uuid REFERENCES users(id),
        changed_at timestamptz NOT NULL,
        PRIMARY KEY (owner_id, version)
      );
      ALTER TABLE cases ADD COLUMN bti jsonb;
    `);
    for (const handledBy of ['principal', 'owner'] as const) {
      await q.query('UPDATE cases SET bti = $1 WHERE handled_by = $2', [JSON.stringify(btiOpeningSnapshotV1(handledBy)), handledBy]);
    }
    await q.query('ALTER TABLE cases ALTER COLUMN bti SET NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE cases DROP COLUMN bti; DROP TABLE owner_guidance; DROP TABLE staircase_assessments;');
  }
}
