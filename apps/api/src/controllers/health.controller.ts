import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { databaseReachable } from '../../../../libs/persistence/src/operations.queries';
import { Public } from '../auth/public.decorator';
import { QUEUES, REDIS } from '../infrastructure.providers';
import { HEARTBEAT_KEY } from '../../../worker/src/heartbeat.processor';

/** A worker that has not stamped its heartbeat for this long is considered down. */
const WORKER_SILENT_AFTER_MS = 3 * 60_000;

/** GET /api/health: PostgreSQL, Redis and the worker's queues; /api/health/worker: the worker itself. */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly ds: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(QUEUES) private readonly queues: Queue[],
  ) {}

  @Public()
  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: PostgreSQL, Redis, and the Redis behind the worker queues' })
  check() {
    return this.health.check([
      () => this.probe('postgres', () => databaseReachable(this.ds)),
      () => this.probe('redis', async () => void (await this.redis.ping())),
      () => this.probe('queues', async () => void (await Promise.all(this.queues.map((q) => q.getJobCounts('waiting'))))),
    ]);
  }

  @Public()
  @Get('worker')
  @HealthCheck()
  @ApiOperation({ summary: 'The worker: its Redis answers and its heartbeat job ran within 3 minutes' })
  worker() {
    return this.health.check([
      () => this.probe('queues', async () => void (await Promise.all(this.queues.map((q) => q.getJobCounts('waiting'))))),
      () =>
        this.probe('worker', async () => {
          const beat = await this.redis.get(HEARTBEAT_KEY);
          if (!beat) throw new Error('no heartbeat from the worker');
          const age = Date.now() - Date.parse(JSON.parse(beat).at);
          if (!(age < WORKER_SILENT_AFTER_MS)) throw new Error(`last heartbeat ${Math.round(age / 1000)} s ago`);
        }),
    ]);
  }

  private async probe(key: string, ping: () => Promise<void>) {
    const check = this.indicator.check(key);
    try {
      await withTimeout(ping(), 2000);
      return check.up();
    } catch (e) {
      return check.down({ message: (e as Error).message });
    }
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e) => (clearTimeout(t), reject(e)),
    );
  });
}
