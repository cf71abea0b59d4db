import { Job, Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { Clock } from '../../../libs/cases/src/ports';
import { RemindOmniAssessments } from '../../../libs/cases/src/omni';
import { HandleDeadlineStep, StartEvaluationOnDate } from '../../../libs/cases/src/deadlines';
import { createDataSource } from '../../../libs/persistence/src/data-source';
import {
  TypeormCaseStore,
  TypeormDeadlineStepStore,
  TypeormDirectory,
  TypeormEmailDeliveryStore,
  TypeormOmniReminderStore,
  TypeormOutboxStore,
  TypeormOwnerSettingsStore,
  TypeormArchiveSendStore,
} from '../../../libs/persistence/src';
import { Mailer, SendNotificationEmail, SmtpMailer } from '../../../libs/notifications/src';
import { ARCHIVE_QUEUE, archiveJobFor, DEADLINE_QUEUE, MAIL_QUEUE, MAINTENANCE_QUEUE } from '../../../libs/scheduling/src/queues';
import { Noark5RestSettings, Noark5RestTransport } from '../../../libs/archive/src';
import { SendJournalEntryToArchive } from '../../../libs/cases/src/archive/send-to-archive.usecase';
import { OutboxRelay } from '../../../libs/scheduling/src/outbox.relay';
import { DeadlineReconciler, ReconcileReport } from '../../../libs/scheduling/src/deadline.reconciler';
import { deadlineProcessor } from './deadline.processor';
import { HEARTBEAT_KEY, processHeartbeat, stampHeartbeat } from './heartbeat.processor';
import { BullMqScheduler } from '../../../libs/scheduling/src/job-scheduler';
import { WorkerMetrics } from './worker.metrics';

export interface WorkerRuntime {
  databaseUrl: string;
  redisUrl: string;
  clock: Clock;
  log: (msg: string, extra?: Record<string, unknown>) => void;
  /** SMTP_URL; without it notifications stay in-app and e-mails are marked skipped. */
  smtpUrl?: string;
  mailFrom?: string;
  /** Base of the links in e-mails (PUBLIC_URL). */
  publicUrl?: string;
  /** Serve worker metrics on this port; undefined = no metrics server. */
  metricsPort?: number;
  /** Interface of the metrics port (default loopback: the figures are for the operator's Prometheus). */
  metricsHost?: string;
  /** How often the reconciler runs besides at start. */
  reconcileEveryMs?: number;
  /** Cron for the Omni-trappa assessment reminder (Europe/Oslo). */
  omniReminderCron?: string;
  deadlineConcurrency?: number;
  /** PostgreSQL connections of the worker. */
  poolSize?: number;
  /** Outbox poll interval when idle. */
  relayIdleMs?: number;
  /** Called after each step is committed, with its lag from due (the benchmark listens here). */
  onStepHandled?: (step: string, lagMs: number) => void;
  /**
   * The municipality's Noark 5 archive service: each journal entry is pushed to it as it is
   * created. Unset: the archive gets deposit packages (POST /archive-deposits) instead.
   */
  archive?: Noark5RestSettings & { retryBaseMs?: number };
  /** Job lock; a killed worker's jobs run again after this (BullMQ stalled-job check). */
  jobLockMs?: number;
}

/**
 * The worker process: BullMQ on Redis as the alarm clock, PostgreSQL as the truth. Starts the
 * outbox relay, reconciles Redis with the deadline rows, then processes deadline steps, e-mails
 * and maintenance jobs (heartbeat, reconcile, Omni reminder).
 */
export class TryggWorker {
  private ds?: DataSource;
  private redis?: Redis;
  private queues: Queue[] = [];
  private workers: Worker[] = [];
  private relay?: OutboxRelay;
  private reconciler?: DeadlineReconciler;
  private mailer?: Mailer;
  private maintenance?: Queue;
  private archiveJobs?: BullMqScheduler;
  private archiveStore?: TypeormArchiveSendStore;
  private reconcileTimer?: NodeJS.Timeout;
  private reconciling?: Promise<ReconcileReport>;
  readonly metrics = new WorkerMetrics();
  metricsUrl?: string;

  constructor(private readonly rt: WorkerRuntime) {}

  async start(): Promise<void> {
    const rt = this.rt;
    // Deadlines fall due in bursts at the end of the school day (decision 108): connections kept
    // open meet a burst signed in, with warm backends and their statements prepared.
    const ds = (this.ds = createDataSource(rt.databaseUrl, { poolSize: rt.poolSize ?? 10, keepIdleConnections: true }));
    await ds.initialize();
    const connection = { url: rt.redisUrl, maxRetriesPerRequest: null };
    const redis = (this.redis = new Redis(rt.redisUrl, { maxRetriesPerRequest: null }));
    const deadlineQueue = new Queue(DEADLINE_QUEUE, { connection });
    const mailQueue = new Queue(MAIL_QUEUE, { connection });
    const maintenance = new Queue(MAINTENANCE_QUEUE, { connection });
    this.queues = [deadlineQueue, mailQueue, maintenance];
    // The archive service may be down for hours: its jobs back off from retryBaseMs, and the
    // reconciler puts back whatever has not arrived.
    const archiveQueue = rt.archive ? new Queue(ARCHIVE_QUEUE, { connection }) : undefined;
    if (archiveQueue) this.queues.push(archiveQueue);
    const archiveJobs = (this.archiveJobs = archiveQueue
      ? new BullMqScheduler(archiveQueue, { attempts: 12, backoff: { type: 'exponential', delay: rt.archive?.retryBaseMs ?? 5000 } })
      : undefined);
    this.archiveStore = new TypeormArchiveSendStore(ds);

    const store = new TypeormCaseStore(ds);
    const directory = new TypeormDirectory(ds);
    const settings = new TypeormOwnerSettingsStore(ds);
    this.mailer = rt.smtpUrl ? new SmtpMailer(rt.smtpUrl, rt.mailFrom ?? 'Trygg <no-reply@trygg.invalid>') : undefined;
    const handle = new HandleDeadlineStep(
      new TypeormDeadlineStepStore(ds, !!this.mailer, (path) => this.metrics.stepWrites.inc({ path })),
      directory,
      new StartEvaluationOnDate(store, directory, settings),
      rt.clock,
    );
    const sendEmail = new SendNotificationEmail(
      new TypeormEmailDeliveryStore(ds),
      this.mailer ?? null,
      rt.publicUrl ?? 'http://localhost:3000',
    );
    const outbox = new TypeormOutboxStore(ds);
    const deadlineJobs = new BullMqScheduler(deadlineQueue);
    const mailJobs = new BullMqScheduler(mailQueue);
    const remindOmni = new RemindOmniAssessments(new TypeormOmniReminderStore(ds));
    const relay = (this.relay = new OutboxRelay(
      outbox,
      deadlineJobs,
      mailJobs,
      rt.clock,
      (e) => rt.log('outbox relay failed', { error: e.message }),
      {
        idleMs: rt.relayIdleMs,
        emailEnabled: !!this.mailer,
        archive: archiveJobs,
      },
    ));
    this.reconciler = new DeadlineReconciler(outbox, deadlineJobs, mailJobs, rt.clock);

    this.maintenance = maintenance;
    relay.start();
    // Whatever happened while no worker ran (a weekend, a FLUSHALL) is put right before new work.
    await this.reconcile();
    // A timer, not a BullMQ job scheduler: it must keep running when Redis has been wiped.
    this.reconcileTimer = setInterval(
      () => void this.reconcile().catch((e) => rt.log('reconcile failed', { error: (e as Error).message })),
      rt.reconcileEveryMs ?? 5 * 60_000,
    );
    this.reconcileTimer.unref();

    const onFailed = (queue: string) => (job: Job | undefined, err: Error) => {
      this.metrics.jobFailures.inc({ queue });
      rt.log('job failed', { queue, jobId: job?.id, attempt: job?.attemptsMade, error: err.message });
    };
    // How soon a crashed worker's job is taken up again: its lock must lapse first.
    const lock = { lockDuration: rt.jobLockMs ?? 30_000, stalledInterval: Math.min(rt.jobLockMs ?? 30_000, 30_000) };
    const deadlines = new Worker(
      DEADLINE_QUEUE,
      deadlineProcessor(handle, this.metrics, () => relay.kick(), rt.onStepHandled),
      {
        connection,
        concurrency: rt.deadlineConcurrency ?? 16,
        ...lock,
      },
    );
    const mail = new Worker(
      MAIL_QUEUE,
      async (job: Job<{ notificationId: string }>) => sendEmail.execute(job.data.notificationId, rt.clock.now()),
      {
        connection,
        concurrency: 2,
        ...lock,
      },
    );
    const maint = new Worker(
      MAINTENANCE_QUEUE,
      async (job) => {
        switch (job.name) {
          case 'heartbeat':
            // Real time, not the (possibly shifted) domain clock: health compares it with the wall clock.
            return processHeartbeat(job, redis, () => new Date());
          case 'omni-staircase-reminder': {
            const n = await remindOmni.execute(rt.clock.now());
            relay.kick();
            return n;
          }
        }
      },
      { connection, concurrency: 1 },
    );
    if (rt.archive) {
      const send = new SendJournalEntryToArchive(this.archiveStore, new Noark5RestTransport(rt.archive), rt.clock, directory);
      // One at a time: an entry's case folder is made by the first entry of the case.
      const archiver = new Worker(ARCHIVE_QUEUE, async (job: Job<{ entryId: string }>) => send.execute(job.data.entryId), {
        connection,
        concurrency: 1,
        ...lock,
      });
      archiver.on('failed', onFailed(ARCHIVE_QUEUE));
      this.workers.push(archiver);
    }
    deadlines.on('failed', onFailed(DEADLINE_QUEUE));
    mail.on('failed', onFailed(MAIL_QUEUE));
    maint.on('failed', onFailed(MAINTENANCE_QUEUE));
    this.workers = [deadlines, mail, maint, ...this.workers];
    await Promise.all(this.workers.map((w) => w.waitUntilReady()));
    // Alive from the first moment, not only once the scheduler's first heartbeat job has run.
    await stampHeartbeat(redis, new Date());
    if (rt.metricsPort !== undefined) {
      // Metrics are for operators; a busy port must not stop deadlines from firing.
      try {
        this.metricsUrl = `http://127.0.0.1:${await this.metrics.listen(rt.metricsPort, rt.metricsHost ?? '127.0.0.1')}/metrics`;
      } catch (e) {
        rt.log('worker metrics not served', { port: rt.metricsPort, error: (e as Error).message });
      }
    }
    rt.log('worker ready', {
      queues: [DEADLINE_QUEUE, MAIL_QUEUE, MAINTENANCE_QUEUE, ...(rt.archive ? [ARCHIVE_QUEUE] : [])],
      email: !!this.mailer,
      archive: rt.archive ? 'noark5-rest' : 'deposit packages',
    });
  }

  /** Brings Redis in line with PostgreSQL; runs at start and on a timer. Never two at once. */
  async reconcile(): Promise<ReconcileReport> {
    if (!this.reconciling) {
      this.reconciling = (async () => {
        try {
          await this.ensureSchedulers();
          const report = await this.reconciler!.reconcile();
          if (this.archiveJobs) {
            await this.archiveJobs.retryFailed();
            await this.archiveJobs.schedule((await this.archiveStore!.unarchived(10_000)).map(archiveJobFor));
          }
          this.rt.log('reconciled', { ...report });
          return report;
        } finally {
          this.reconciling = undefined;
        }
      })();
    }
    return this.reconciling;
  }

  /** The periodic jobs; upserting is idempotent, and re-creates them after a FLUSHALL. */
  private async ensureSchedulers(): Promise<void> {
    const q = this.maintenance!;
    const opts = { removeOnComplete: 10, removeOnFail: 50 };
    await q.upsertJobScheduler('heartbeat', { every: 60_000 }, { name: 'heartbeat', opts });
    await q.upsertJobScheduler(
      'omni-staircase-reminder',
      { pattern: this.rt.omniReminderCron ?? '0 8 1 2,9 *', tz: 'Europe/Oslo' },
      { name: 'omni-staircase-reminder', opts },
    );
  }

  /** Relays what the outbox holds now (tests and the benchmark use this to wait for it). */
  async drainOutbox(): Promise<number> {
    let total = 0;
    for (let n = await this.relay!.drainOnce(); n > 0; n = await this.relay!.drainOnce()) total += n;
    return total;
  }

  async lastHeartbeat(): Promise<string | null> {
    return (await this.redis?.get(HEARTBEAT_KEY)) ?? null;
  }

  async stop(): Promise<void> {
    clearInterval(this.reconcileTimer);
    await Promise.all(this.workers.map((w) => w.close()));
    await this.relay?.stop();
    await Promise.all(this.queues.map((q) => q.close()));
    await this.metrics.close();
    this.mailer?.close();
    this.redis?.disconnect();
    if (this.ds?.isInitialized) await this.ds.destroy();
  }
}
