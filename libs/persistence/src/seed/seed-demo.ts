import { DataSource, EntityManager } from 'typeorm';
import { DEMO_CHILDREN, DEMO_GROUPS, DEMO_OWNER, DEMO_UNITS, DEMO_USERS } from './demo-data';

const roleId = (userId: string) => userId.replace(/^d0000000/, 'e0000000');

/** Inserts rows that are not there yet; existing rows (same id) are left as they are. */
async function insertMissing(m: EntityManager, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const placeholders = columns.map((_, i) => `$${i + 1}`).join(',');
  for (const row of rows) {
    await m.query(`INSERT INTO ${table}(${columns.join(',')}) VALUES (${placeholders}) ON CONFLICT DO NOTHING`, row);
  }
}

/** Inserts the demo organisation; safe to run on every start. */
export async function seedDemoData(ds: DataSource): Promise<void> {
  await ds.transaction(async (m) => {
    await insertMissing(m, 'owners', ['id', 'name'], [[DEMO_OWNER.id, DEMO_OWNER.name]]);
    await insertMissing(
      m,
      'units',
      ['id', 'owner_id', 'name', 'kind'],
      Object.values(DEMO_UNITS).map((u) => [u.id, DEMO_OWNER.id, u.name, u.kind]),
    );
    await insertMissing(
      m,
      'groups',
      ['id', 'unit_id', 'name'],
      DEMO_GROUPS.map((g) => [g.id, g.unitId, g.name]),
    );
    await insertMissing(
      m,
      'children',
      ['id', 'unit_id', 'group_id', 'name'],
      DEMO_CHILDREN.map((c) => [c.id, c.unitId, c.groupId, c.name]),
    );
    await insertMissing(
      m,
      'users',
      ['id', 'username', 'display_name', 'owner_id', 'email'],
      DEMO_USERS.map((u) => [u.id, u.username, u.displayName, DEMO_OWNER.id, `${u.username}@demo.trygg.invalid`]),
    );
    await insertMissing(
      m,
      'user_roles',
      ['id', 'user_id', 'role', 'owner_id', 'unit_id'],
      DEMO_USERS.map((u) => [roleId(u.id), u.id, u.role, DEMO_OWNER.id, u.unitId]),
    );
  });
}
