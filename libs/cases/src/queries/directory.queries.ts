import { visibleUnitIds } from '../authorization.policy';
import { NotFoundError } from '../errors';
import { ChildInfo, Directory, GroupInfo, StaffMember, UnitInfo, UserContext } from '../ports';

export interface UnitView extends UnitInfo {
  groups: GroupInfo[];
}

/** The user, their roles and their units; units and children within scope. */
export class DirectoryQueries {
  constructor(private readonly directory: Directory) {}

  async me(user: UserContext) {
    const units = await this.units(user);
    return { id: user.id, username: user.username, displayName: user.displayName, ownerId: user.ownerId, roles: user.roles, units };
  }

  async units(user: UserContext): Promise<UnitView[]> {
    const ids = await this.visibleIds(user);
    const units = await this.directory.unitsByIds(ids);
    return Promise.all(units.map(async (u) => ({ ...u, groups: await this.directory.groups(u.id) })));
  }

  async unit(user: UserContext, unitId: string): Promise<UnitView> {
    const ids = await this.visibleIds(user);
    if (!ids.includes(unitId)) throw new NotFoundError('unit not found');
    const unit = await this.directory.unit(unitId);
    if (!unit) throw new NotFoundError('unit not found');
    return { ...unit, groups: await this.directory.groups(unitId) };
  }

  /** Children are for those who work with the unit, its owner and auditors; PPT sees none here. */
  async children(user: UserContext, unitId: string): Promise<ChildInfo[]> {
    const unit = await this.unit(user, unitId);
    const allowed = user.roles.some(
      (r) => r.ownerId === unit.ownerId && (r.unitId === unitId || r.role === 'owner' || r.role === 'auditor'),
    );
    if (!allowed) throw new NotFoundError('unit not found');
    return this.directory.children(unitId);
  }

  /** The unit's staff by name, for the same people who see its children. */
  async staff(user: UserContext, unitId: string): Promise<StaffMember[]> {
    await this.children(user, unitId);
    return this.directory.staffOf(unitId);
  }

  private async visibleIds(user: UserContext): Promise<string[]> {
    const ownerIds = [...new Set(user.roles.map((r) => r.ownerId))];
    return visibleUnitIds(user, await this.directory.unitsOfOwners(ownerIds));
  }
}
