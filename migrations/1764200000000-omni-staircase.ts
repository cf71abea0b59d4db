import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Omni-trappa assessments of groups (inside a case or not) and the owner's guidance rules
 * (FFSS warning threshold, suggestions): append-only versions like the deadline policy.
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
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE owner_guidance; DROP TABLE staircase_assessments;');
  }
}
