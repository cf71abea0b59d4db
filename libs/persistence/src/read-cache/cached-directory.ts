import { DataSource } from 'typeorm';
import { ChildInfo, GroupInfo, StaffMember, UnitInfo } from '../../../cases/src/ports';
import { TypeormDirectory } from '../typeorm-directory';
import { ReadCache } from './read-cache';

/**
 * The directory with the reads every command and view makes served from the read cache. A user's
 * roles are not among them: the API's user cache has its own, shorter bound (apps/api).
 */
export class CachedDirectory extends TypeormDirectory {
  constructor(
    ds: DataSource,
    private readonly cache: ReadCache,
  ) {
    super(ds);
  }

  override unit(unitId: string): Promise<UnitInfo | undefined> {
    return this.cache.get(`unit:${unitId}`, () => super.unit(unitId));
  }

  override unitsOfOwners(ownerIds: string[]): Promise<UnitInfo[]> {
    return this.cache.get(`units-of:${[...ownerIds].sort().join(',')}`, () => super.unitsOfOwners(ownerIds));
  }

  override unitsByIds(unitIds: string[]): Promise<UnitInfo[]> {
    return this.cache.get(`units:${[...unitIds].sort().join(',')}`, () => super.unitsByIds(unitIds));
  }

  override groups(unitId: string): Promise<GroupInfo[]> {
    return this.cache.get(`groups:${unitId}`, () => super.groups(unitId));
  }

  override group(groupId: string): Promise<GroupInfo | undefined> {
    return this.cache.get(`group:${groupId}`, () => super.group(groupId));
  }

  override children(unitId: string): Promise<ChildInfo[]> {
    return this.cache.get(`children:${unitId}`, () => super.children(unitId));
  }

  override staffOf(unitId: string): Promise<StaffMember[]> {
    return this.cache.get(`staff:${unitId}`, () => super.staffOf(unitId));
  }

  override leaderOf(unit: UnitInfo, handledBy: 'principal' | 'owner'): Promise<string | null> {
    const key = handledBy === 'owner' ? `leader:owner:${unit.ownerId}` : `leader:unit:${unit.id}`;
    return this.cache.get(key, () => super.leaderOf(unit, handledBy));
  }

  override ownerUsers(ownerId: string): Promise<string[]> {
    return this.cache.get(`owner-users:${ownerId}`, () => super.ownerUsers(ownerId));
  }

  override pptUsers(ownerId: string): Promise<string[]> {
    return this.cache.get(`ppt-users:${ownerId}`, () => super.pptUsers(ownerId));
  }

  override async groupsOfChildren(childIds: string[]): Promise<Map<string, string | null>> {
    const key = `groups-of:${[...childIds].sort().join(',')}`;
    return new Map(await this.cache.get(key, async () => [...(await super.groupsOfChildren(childIds))]));
  }

  override async userNames(ids: string[]): Promise<Map<string, string>> {
    const key = `names:${[...ids].sort().join(',')}`;
    return new Map(await this.cache.get(key, async () => [...(await super.userNames(ids))]));
  }
}
