import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The language the owner chooses for everyone who has not chosen one (bokmål or nynorsk), versioned
 * like the owner's other settings: append-only, the newest version is in force.
 */
export class OwnerLanguage1764500000000 implements MigrationInterface {
  name = 'OwnerLanguage1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE owner_language (
        owner_id uuid NOT NULL REFERENCES owners(id),
        version int NOT NULL,
        language jsonb NOT NULL,
        changed_by uuid REFERENCES users(id),
        changed_at timestamptz NOT NULL,
        PRIMARY KEY (owner_id, version)
      )
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE owner_language`);
  }
}
