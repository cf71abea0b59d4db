import { DynamicModule, Inject, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { Redis } from 'ioredis';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { BearerAuthGuard } from './auth/bearer-auth.guard';
import { ReadOnlyAuditorGuard } from './auth/read-only-auditor.guard';
import { ProblemDetailsFilter } from './errors/problem-details.filter';
import { HealthController } from './controllers/health.controller';
import { MeController } from './controllers/me.controller';
import { UnitsController } from './controllers/units.controller';
import { CasesController } from './controllers/cases.controller';
import { OwnersController } from './controllers/owners.controller';
import { MetricsController } from './controllers/metrics.controller';
import { GroupsController } from './controllers/groups.controller';
import { SupervisionController } from './controllers/supervision.controller';
import { RetentionController } from './controllers/retention.controller';
import { ArchiveController } from './controllers/archive.controller';
import { API_RUNTIME, ApiRuntime, DIRECTORY_CHANGES, infrastructureProviders, QUEUES, RATE_REDIS, REDIS } from './infrastructure.providers';
import type { DirectoryChangesListener } from '../../../libs/persistence/src';
import { JOURNAL_RENDERER, JournalRenderer } from '../../../libs/cases/src/ports';
import { AuthFailureLimiter, DEFAULT_RATE_LIMITS, SharedThrottlerStorage, throttlerOptions } from './http/rate-limits';
import { Queue } from 'bullmq';
import { AuthController } from './controllers/auth.controller';
import { SessionStore } from './auth/session.store';
import { OidcLogin } from './auth/oidc-login';

@Module({})
export class ApiModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly ds: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(QUEUES) private readonly queues: Queue[],
    @Inject(RATE_REDIS) private readonly rateRedis: Redis | null,
    @Inject(DIRECTORY_CHANGES) private readonly directoryChanges: DirectoryChangesListener,
    @Inject(JOURNAL_RENDERER) private readonly renderer: JournalRenderer & { close?(): Promise<void> },
  ) {}

  static forRoot(rt: ApiRuntime & { logLevel: string }): DynamicModule {
    const limits = rt.rateLimits === false ? undefined : (rt.rateLimits ?? DEFAULT_RATE_LIMITS);
    // Its own connection, failing fast: a request never waits on an unreachable Redis to be counted.
    const rateRedis = limits ? new Redis(rt.redisUrl, { maxRetriesPerRequest: 0, enableOfflineQueue: false }) : undefined;
    rateRedis?.on('error', () => undefined);
    const storage = rateRedis ? new SharedThrottlerStorage(rateRedis) : undefined;
    return {
      module: ApiModule,
      imports: [
        TerminusModule.forRoot({ logger: false }),
        ...(limits && storage ? [ThrottlerModule.forRoot(throttlerOptions(limits, storage))] : []),
      ],
      controllers: [
        AuthController,
        HealthController,
        MeController,
        UnitsController,
        CasesController,
        OwnersController,
        GroupsController,
        SupervisionController,
        RetentionController,
        MetricsController,
        ArchiveController,
      ],
      providers: [
        ...infrastructureProviders(rt),
        { provide: API_RUNTIME, useValue: rt },
        { provide: SessionStore, useFactory: (redis: Redis) => new SessionStore(redis), inject: [REDIS] },
        { provide: OidcLogin, useFactory: (redis: Redis) => new OidcLogin(rt.oidc, redis), inject: [REDIS] },
        { provide: AuthFailureLimiter, useValue: new AuthFailureLimiter(storage, limits?.authFailuresPerMinute ?? 0) },
        { provide: RATE_REDIS, useValue: rateRedis ?? null },
        // Guards run in this order: who you are, how much you have asked lately, whether you may write at all.
        { provide: APP_GUARD, useClass: BearerAuthGuard },
        ...(limits ? [{ provide: APP_GUARD, useClass: ThrottlerGuard }] : []),
        { provide: APP_GUARD, useClass: ReadOnlyAuditorGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
    };
  }

  /**
   * Before the first request, the rate counters' own Redis connection gets a moment to be ready:
   * it fails fast by design, and a request counted before it is ready is counted by this process
   * alone, which lets one address get past the shared limit while the API starts.
   */
  async onModuleInit(): Promise<void> {
    const r = this.rateRedis;
    if (!r || r.status === 'ready') return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, RATE_REDIS_READY_MS);
      r.once('ready', done);
      function done() {
        clearTimeout(timer);
        r!.off('ready', done);
        resolve();
      }
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.queues.map((q) => q.close()));
    this.redis.disconnect();
    this.rateRedis?.disconnect();
    await this.directoryChanges.stop();
    await this.renderer.close?.();
    if (this.ds.isInitialized) await this.ds.destroy();
  }
}

/** How long the API waits at start for the rate counters' Redis (then it counts per process until Redis is back). */
const RATE_REDIS_READY_MS = 3000;
