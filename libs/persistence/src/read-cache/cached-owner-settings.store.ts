import { DataSource } from 'typeorm';
import { DeadlinePolicy, Guidance, HolidayRange } from '../../../workflow/src';
import { SchoolHolidayRecord, StoredPolicy } from '../../../cases/src/ports';
import { TypeormOwnerSettingsStore } from '../typeorm-owner-settings.store';
import { ReadCache } from './read-cache';

/**
 * The owner's deadline policy, Omni guidance and school holidays served from the read cache.
 * A change made here empties the cache at once, before the change notice reaches the other
 * processes, so this process never answers with the version it replaced.
 */
export class CachedOwnerSettingsStore extends TypeormOwnerSettingsStore {
  constructor(
    ds: DataSource,
    private readonly cache: ReadCache,
  ) {
    super(ds);
  }

  override currentPolicy(ownerId: string): Promise<StoredPolicy> {
    return this.cache.get(`policy:${ownerId}`, () => super.currentPolicy(ownerId));
  }

  override currentGuidance(ownerId: string): Promise<{ guidance: Guidance; changedBy: string | null; changedAt: Date | null }> {
    return this.cache.get(`guidance:${ownerId}`, () => super.currentGuidance(ownerId));
  }

  protected override holidayRanges(ownerId: string, unitId: string): Promise<HolidayRange[]> {
    return this.cache.get(`holidays:${ownerId}:${unitId}`, () => super.holidayRanges(ownerId, unitId));
  }

  override async savePolicy(ownerId: string, policy: DeadlinePolicy, expectedVersion: number, by: string, at: Date): Promise<boolean> {
    return this.cleared(await super.savePolicy(ownerId, policy, expectedVersion, by, at));
  }

  override async saveGuidance(ownerId: string, guidance: Guidance, expectedVersion: number, by: string, at: Date): Promise<boolean> {
    return this.cleared(await super.saveGuidance(ownerId, guidance, expectedVersion, by, at));
  }

  override async addHolidays(recs: SchoolHolidayRecord[]): Promise<void> {
    await super.addHolidays(recs);
    this.cache.clear();
  }

  override async removeHoliday(ownerId: string, id: string): Promise<boolean> {
    return this.cleared(await super.removeHoliday(ownerId, id));
  }

  private cleared<T>(result: T): T {
    this.cache.clear();
    return result;
  }
}
