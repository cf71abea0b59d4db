import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import type { Redis } from 'ioredis';
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
import { ApiRuntime, infrastructureProviders, QUEUES, REDIS } from './infrastructure.providers';
import { Queue } from 'bullmq';
import { pinoOptions } from './logging';

@Module({})
export class ApiModule implements OnApplicationShutdown {
  constructor(
    private readonly ds: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(QUEUES) private readonly queues: Queue[],
  ) {}

  static forRoot(rt: ApiRuntime & { logLevel: string }): DynamicModule {
    return {
      module: ApiModule,
      imports: [TerminusModule.forRoot({ logger: false }), LoggerModule.forRoot(pinoOptions(rt.logLevel))],
      controllers: [HealthController, MeController, UnitsController, CasesController, OwnersController, GroupsController, SupervisionController, RetentionController, MetricsController],
      providers: [
        ...infrastructureProviders(rt),
        // Guards run in this order: who you are, then whether you may write at all.
        { provide: APP_GUARD, useClass: BearerAuthGuard },
        { provide: APP_GUARD, useClass: ReadOnlyAuditorGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.queues.map((q) => q.close()));
    this.redis.disconnect();
    if (this.ds.isInitialized) await this.ds.destroy();
  }
}
