import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from '../auth/public.decorator';
import { REDIS } from '../infrastructure.providers';

/** GET /api/health: PostgreSQL and Redis reachable. */
@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly ds: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Public()
  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness and readiness: PostgreSQL and Redis' })
  check() {
    return this.health.check([
      () => this.probe('postgres', async () => void (await this.ds.query('SELECT 1'))),
      () => this.probe('redis', async () => void (await this.redis.ping())),
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
