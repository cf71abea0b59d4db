/** The longest a cached read is served even if a change notice were lost. */
export const DEFAULT_READ_CACHE_MS = 60_000;

/**
 * Reads of rarely changing rows (units, children, principals, the owner's policy and guidance)
 * kept in memory for commands and views. Emptied on every change notice; a read that began
 * before a change is not kept after it (the generation). Values are frozen: a caller that
 * changed a shared value would change it for everyone. Nothing is cached while `live()` is false,
 * and absent rows (undefined) are never cached, so something just added is found at once.
 */
export class ReadCache {
  private readonly entries = new Map<string, { value: unknown; at: number }>();
  private generation = 0;

  constructor(
    private readonly live: () => boolean,
    private readonly ttlMs = DEFAULT_READ_CACHE_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  async get<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (!this.live() || this.ttlMs <= 0) return load();
    const hit = this.entries.get(key);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.value as T;
    const generation = this.generation;
    const value = await load();
    if (value !== undefined && generation === this.generation && this.live()) {
      if (this.entries.size >= 10_000) this.entries.clear();
      this.entries.set(key, { value: deepFreeze(value), at: this.now() });
    }
    return value;
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value) && !(value instanceof Date)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
