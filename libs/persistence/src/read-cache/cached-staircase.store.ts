import { DataSource } from 'typeorm';
import { StaircaseAssessment } from '../../../cases/src/ports';
import { TypeormStaircaseStore } from '../typeorm-staircase.store';
import { ReadCache } from './read-cache';

/**
 * The groups' latest Omni steps, which every case view shows, served from the read cache. A group
 * without an assessment is kept as such (an empty answer is a value here): a step added anywhere
 * else is heard through the change notice (migration 1765200000000), and one added through this
 * process empties the cache at once, here or in `CachedCaseStore`. The history is always read.
 */
export class CachedStaircaseStore extends TypeormStaircaseStore {
  constructor(
    ds: DataSource,
    private readonly cache: ReadCache,
  ) {
    super(ds);
  }

  override async latestSteps(groupIds: string[]): Promise<Map<string, number>> {
    if (!groupIds.length) return new Map();
    const key = `steps:${[...new Set(groupIds)].sort().join(',')}`;
    // Pairs, not a Map: cached values are frozen, and a frozen Map could still be changed.
    const pairs = await this.cache.get(key, async () => [...(await super.latestSteps(groupIds))]);
    return new Map(pairs);
  }

  override async add(a: StaircaseAssessment): Promise<void> {
    await super.add(a);
    this.cache.clear();
  }
}
