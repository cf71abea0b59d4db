import { Controller, Get, Header, Inject, Req } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { ForbiddenError } from '../../../../libs/cases/src/errors';
import { ApiExcludeController } from '@nestjs/swagger';
import { Queue } from 'bullmq';
import { Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import { DataSource } from 'typeorm';
import { CLOCK, Clock } from '../../../../libs/cases/src/ports';
import { pendingDeadlineCounts } from '../../../../libs/persistence/src/operations.queries';
import { Public } from '../auth/public.decorator';
import { API_RUNTIME, ApiRuntime, QUEUES } from '../infrastructure.providers';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/** METRICS_TOKEN as bearer when it is configured; without one, only the machine itself may ask. */
function mayReadMetrics(req: Request, token: string | undefined): boolean {
  if (!token) return LOOPBACK.test(req.socket.remoteAddress ?? '');
  const sent = Buffer.from(/^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  return sent.length === expected.length && timingSafeEqual(sent, expected);
}

/**
 * GET /metrics for Prometheus: deadlines pending and overdue per kind, queue depth per state,
 * how long the oldest ready job has waited (job lag), and failed jobs. Counts only, no personal
 * data. Only loopback clients, or whoever sends METRICS_TOKEN; the worker adds step lag on its own /metrics.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  private readonly registry = new Registry();
  private readonly pending: Gauge;
  private readonly overdue: Gauge;
  private readonly jobs: Gauge;
  private readonly waitLag: Gauge;

  constructor(
    private readonly ds: DataSource,
    @Inject(QUEUES) private readonly queues: Queue[],
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(API_RUNTIME) private readonly rt: ApiRuntime,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'trygg_api_' });
    const registers = [this.registry];
    this.pending = new Gauge({ name: 'trygg_deadlines_pending', help: 'Pending deadlines by kind', labelNames: ['kind'], registers });
    this.overdue = new Gauge({
      name: 'trygg_deadlines_overdue',
      help: 'Pending deadlines past due, by kind',
      labelNames: ['kind'],
      registers,
    });
    this.jobs = new Gauge({
      name: 'trygg_queue_jobs',
      help: 'Jobs per queue and state (failed = failures kept for inspection)',
      labelNames: ['queue', 'state'],
      registers,
    });
    this.waitLag = new Gauge({
      name: 'trygg_queue_oldest_waiting_seconds',
      help: 'How long the oldest job ready to run has waited (job lag)',
      labelNames: ['queue'],
      registers,
    });
  }

  @Public()
  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  async metrics(@Req() req: Request): Promise<string> {
    if (!mayReadMetrics(req, this.rt.metricsToken)) {
      throw new ForbiddenError(
        'metrics are for the operator: send METRICS_TOKEN as bearer token, or ask from the machine itself',
        'METRICS_TOKEN',
      );
    }
    const rows = await pendingDeadlineCounts(this.ds, this.clock.now());
    this.pending.reset();
    this.overdue.reset();
    for (const r of rows) {
      this.pending.set({ kind: r.kind }, r.pending);
      this.overdue.set({ kind: r.kind }, r.overdue);
    }
    this.jobs.reset();
    this.waitLag.reset();
    await Promise.all(
      this.queues.map(async (q) => {
        const counts = await q.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized');
        for (const [state, n] of Object.entries(counts)) this.jobs.set({ queue: q.name, state }, n);
        const [oldest] = await q.getJobs(['waiting'], 0, 0, true);
        const readySince = oldest ? oldest.timestamp + (oldest.opts.delay ?? 0) : Date.now();
        this.waitLag.set({ queue: q.name }, Math.max(0, Date.now() - readySince) / 1000);
      }),
    );
    return this.registry.metrics();
  }
}
