import type { UserContext } from '../../../../libs/cases/src/ports';

/** How long a signed-in user's roles are reused before they are read again. */
export const DEFAULT_USER_CACHE_MS = 5_000;

/**
 * The user and their roles behind a request, read once per `ttlMs` per user instead of on every
 * request. A role given or taken away takes effect within that bound, never later: an entry is
 * only ever served younger than `ttlMs` (wall-clock time, not the domain clock a test may stop).
 * Unknown users are not cached, so a user added a moment ago signs in at once.
 */
export class UserCache {
  private readonly entries = new Map<string, { user: UserContext; at: number }>();

  constructor(
    private readonly load: (username: string) => Promise<UserContext | undefined>,
    private readonly ttlMs = DEFAULT_USER_CACHE_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  async get(username: string): Promise<UserContext | undefined> {
    const hit = this.entries.get(username);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.user;
    const user = await this.load(username);
    if (!user) {
      this.entries.delete(username);
      return undefined;
    }
    // A bounded map: a burst of distinct users cannot grow it without end.
    if (this.entries.size >= 10_000) this.entries.clear();
    if (this.ttlMs > 0) this.entries.set(username, { user, at: this.now() });
    return user;
  }
}
