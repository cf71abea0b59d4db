import { ExecutionContext, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { ThrottlerModuleOptions, ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import type { Redis } from 'ioredis';

/** Requests per minute; counted per user when signed in, per client address otherwise. */
export interface RateLimits {
  perMinute: number;
  writesPerMinute: number;
  /** Requests with a missing, invalid or unknown token, per client address. */
  authFailuresPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { perMinute: 600, writesPerMinute: 120, authFailuresPerMinute: 20 };
const MINUTE = 60_000;
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

export class TooManyRequestsError extends HttpException {
  constructor(
    detail: string,
    readonly retryAfterSeconds: number,
  ) {
    super(detail, HttpStatus.TOO_MANY_REQUESTS);
  }
}

/**
 * The counters live in Redis, so every API process shares them. While Redis is unreachable the
 * counting falls back to this process alone: a safety service stays usable, and still limited.
 */
export class SharedThrottlerStorage implements ThrottlerStorage {
  private readonly shared: ThrottlerStorageRedisService;
  private readonly local = new ThrottlerStorageService();
  private readonly logger = new Logger('RateLimits');
  private warned = false;

  constructor(redis: Redis) {
    this.shared = new ThrottlerStorageRedisService(redis);
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, name: string) {
    try {
      const r = await this.shared.increment(key, ttl, limit, blockDuration, name);
      this.warned = false;
      return r;
    } catch {
      if (!this.warned) this.logger.warn('Redis is unreachable: rate limits are counted per API process until it is back');
      this.warned = true;
      return this.local.increment(key, ttl, limit, blockDuration, name);
    }
  }
}

type Req = { method: string; ip?: string; user?: { id: string } };
const requestOf = (ctx: ExecutionContext) => ctx.switchToHttp().getRequest<Req>();

export function throttlerOptions(limits: RateLimits, storage: ThrottlerStorage): ThrottlerModuleOptions {
  return {
    throttlers: [
      { name: 'default', ttl: MINUTE, limit: limits.perMinute },
      { name: 'writes', ttl: MINUTE, limit: limits.writesPerMinute, skipIf: (ctx) => READS.has(requestOf(ctx).method) },
    ],
    storage,
    // One budget per user (or address) across all routes, not one per route.
    getTracker: (req) => (req as Req).user?.id ?? (req as Req).ip ?? 'unknown',
    generateKey: (_ctx, tracker, name) => `trygg-rate:${name}:${tracker}`,
    errorMessage: (_ctx, d) =>
      `too many requests: at most ${d.limit} per minute${d.key.includes(':writes:') ? ' that change something' : ''}; try again in ${d.timeToBlockExpire} s`,
  };
}

/** Counts failed authentications per client address; past the limit the address gets 429 for a minute. */
export class AuthFailureLimiter {
  constructor(
    private readonly storage: ThrottlerStorage | undefined,
    private readonly perMinute: number,
  ) {}

  async failed(ip: string | undefined): Promise<void> {
    if (!this.storage) return;
    const r = await this.storage.increment(`trygg-rate:auth:${ip ?? 'unknown'}`, MINUTE, this.perMinute, MINUTE, 'auth');
    if (r.isBlocked) {
      throw new TooManyRequestsError(
        `too many failed sign-ins from this address: at most ${this.perMinute} per minute; try again in ${r.timeToBlockExpire} s`,
        r.timeToBlockExpire,
      );
    }
  }
}
