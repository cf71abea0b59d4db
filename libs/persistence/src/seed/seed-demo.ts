import { DataSource } from 'typeorm';
import { DEMO_CHILDREN, DEMO_GROUPS, DEMO_OWNER, DEMO_UNITS, DEMO_USERS } from './demo-data';

const roleId = (userId: string) => userId.replace(/^d0000000/, 'e0000000');

/** Inserts the demo organisation; safe to run on every start (ON CONFLICT DO NOTHING). */
export async function seedDemoData(ds: DataSource): Promise<void> {
  await ds.transaction(async (m) => {
    await m.query('INSERT INTO owners(id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [DEMO_OWNER.id, DEMO_OWNER.name]);
    for (const u of Object.values(DEMO_UNITS)) {
      await m.query('INSERT INTO units(id, owner_id, name, kind) VALUES ($1,$2,$3,$4) ON CONFLICT (id) DO NOTHING', [
        u.id,
        DEMO_OWNER.id,
        u.name,
        u.kind,
      ]);
    }
    for (const g of DEMO_GROUPS) {
      await m.query('INSERT INTO groups(id, unit_id, name) VALUES ($1,$2,$3) ON CONFLICT (id) DO NOTHING', [g.id, g.unitId, g.name]);
    }
    for (const c of DEMO_CHILDREN) {
      await m.query('INSERT INTO children(id, unit_id, group_id, name) VALUES ($1,$2,$3,$4) ON CONFLICT (id) DO NOTHING', [
        c.id,
        c.unitId,
        c.groupId,
        c.name,
      ]);
    }
    for (const u of DEMO_USERS) {
      await m.query(
        'INSERT INTO users(id, username, display_name, owner_id, email) VALUES ($1,$2,$3,$4,$5) ON CONFLICT (id) DO NOTHING',
        [u.id, u.username, u.displayName, DEMO_OWNER.id, `${u.username}@demo.trygg.invalid`],
      );
      await m.query(
        'INSERT INTO user_roles(id, user_id, role, owner_id, unit_id) VALUES ($1,$2,$3,$4,$5) ON CONFLICT DO NOTHING',
        [roleId(u.id), u.id, u.role, DEMO_OWNER.id, u.unitId],
      );
    }
  });
}
