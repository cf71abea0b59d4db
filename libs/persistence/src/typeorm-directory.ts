import { DataSource, In } from 'typeorm';
import { ChildInfo, Directory, GroupInfo, StaffMember, UnitInfo, UserContext } from '../../cases/src/ports';
import { ChildEntity, GroupEntity, UnitEntity, UserEntity, UserRoleEntity } from './entities';

/** The organisation read from PostgreSQL: users and their roles, units, groups, children. */
export class TypeormDirectory implements Directory {
  constructor(private readonly ds: DataSource) {}

  async userByUsername(username: string): Promise<UserContext | undefined> {
    const user = await this.ds.getRepository(UserEntity).findOneBy({ username });
    if (!user) return undefined;
    const roles = await this.ds.getRepository(UserRoleEntity).findBy({ userId: user.id });
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      ownerId: user.ownerId,
      roles: roles.map((r) => ({ role: r.role, ownerId: r.ownerId, unitId: r.unitId })),
    };
  }

  async unit(unitId: string): Promise<UnitInfo | undefined> {
    return (await this.ds.getRepository(UnitEntity).findOneBy({ id: unitId })) ?? undefined;
  }

  unitsOfOwners(ownerIds: string[]): Promise<UnitInfo[]> {
    return this.ds.getRepository(UnitEntity).find({ where: { ownerId: In(ownerIds) }, order: { name: 'ASC' } });
  }

  unitsByIds(unitIds: string[]): Promise<UnitInfo[]> {
    return this.ds.getRepository(UnitEntity).find({ where: { id: In(unitIds) }, order: { name: 'ASC' } });
  }

  groups(unitId: string): Promise<GroupInfo[]> {
    return this.ds.getRepository(GroupEntity).find({ where: { unitId }, order: { name: 'ASC' } });
  }

  async group(groupId: string): Promise<GroupInfo | undefined> {
    return (await this.ds.getRepository(GroupEntity).findOneBy({ id: groupId })) ?? undefined;
  }

  async staffOf(unitId: string): Promise<StaffMember[]> {
    const rows: Array<{ id: string; display_name: string; role: 'staff' | 'principal' }> = await this.ds.query(
      `SELECT DISTINCT ON (u.id) u.id, u.display_name, r.role FROM user_roles r JOIN users u ON u.id = r.user_id
        WHERE r.unit_id = $1 AND r.role IN ('staff', 'principal') ORDER BY u.id, r.role = 'principal' DESC`,
      [unitId],
    );
    return rows
      .map((r) => ({ id: r.id, displayName: r.display_name, role: r.role }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'nb'));
  }

  children(unitId: string): Promise<ChildInfo[]> {
    return this.ds.getRepository(ChildEntity).find({ where: { unitId }, order: { name: 'ASC' } });
  }

  async groupsOfChildren(childIds: string[]): Promise<Map<string, string | null>> {
    if (!childIds.length) return new Map();
    const rows: Array<{ id: string; group_id: string | null }> = await this.ds.query(
      'SELECT id, group_id FROM children WHERE id = ANY($1::uuid[])',
      [childIds],
    );
    return new Map(rows.map((r) => [r.id, r.group_id]));
  }

  async leaderOf(unit: UnitInfo, handledBy: 'principal' | 'owner'): Promise<string | null> {
    // With several principals (deputies), the first by username answers for deadlines until
    // per-case assignment exists.
    const rows: Array<{ user_id: string }> =
      handledBy === 'owner'
        ? await this.ds.query(
            `SELECT r.user_id FROM user_roles r JOIN users u ON u.id = r.user_id
             WHERE r.role = 'owner' AND r.owner_id = $1 ORDER BY u.username LIMIT 1`,
            [unit.ownerId],
          )
        : await this.ds.query(
            `SELECT r.user_id FROM user_roles r JOIN users u ON u.id = r.user_id
             WHERE r.role = 'principal' AND r.unit_id = $1 ORDER BY u.username LIMIT 1`,
            [unit.id],
          );
    return rows[0]?.user_id ?? null;
  }

  ownerUsers(ownerId: string): Promise<string[]> {
    return this.usersWithRole(ownerId, 'owner');
  }

  pptUsers(ownerId: string): Promise<string[]> {
    return this.usersWithRole(ownerId, 'ppt');
  }

  private async usersWithRole(ownerId: string, role: 'owner' | 'ppt'): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await this.ds.query(
      `SELECT r.user_id FROM user_roles r JOIN users u ON u.id = r.user_id
       WHERE r.role = $2 AND r.owner_id = $1 ORDER BY u.username`,
      [ownerId, role],
    );
    return rows.map((r) => r.user_id);
  }

  async userNames(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: Array<{ id: string; display_name: string }> = await this.ds.query(
      'SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.display_name]));
  }

  async existingUserIds(ownerId: string, ids: string[]): Promise<string[]> {
    const valid = ids.filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));
    if (!valid.length) return [];
    const users = await this.ds.getRepository(UserEntity).find({ where: { id: In(valid), ownerId }, select: { id: true } });
    return users.map((u) => u.id);
  }
}
