import { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables the API keeps in its read cache: the directory and the owner's settings commands use. */
export const CACHED_TABLES = [
  'owners',
  'units',
  'groups',
  'children',
  'users',
  'user_roles',
  'deadline_policies',
  'owner_guidance',
  'school_holidays',
] as const;

/**
 * Every committed change to a cached table is announced on the channel `trygg_directory`
 * (NOTIFY is sent at commit, and not at all on rollback), whoever made it: the API, the admin CLI,
 * an import or an operator in psql. Each API process listens and empties its cache.
 */
export class DirectoryChangeNotify1764900000000 implements MigrationInterface {
  name = 'DirectoryChangeNotify1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION trygg_directory_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify('trygg_directory', TG_TABLE_NAME); RETURN NULL; END $$`);
    for (const t of CACHED_TABLES) {
      await q.query(
        `CREATE TRIGGER ${t}_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${t}
         FOR EACH STATEMENT EXECUTE FUNCTION trygg_directory_changed()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of CACHED_TABLES) await q.query(`DROP TRIGGER ${t}_changed ON ${t}`);
    await q.query('DROP FUNCTION trygg_directory_changed()');
  }
}
