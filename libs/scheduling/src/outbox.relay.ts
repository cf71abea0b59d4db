import { Clock, OutboxBatch, OutboxStore } from '../../cases/src/ports';
import { JobScheduler, ScheduledJob } from './job-scheduler';
import { archiveJobFor, deadlineJobIdsOf, mailJobFor, nextJobFor } from './queues';

export interface RelayOptions {
  /** Rows per transaction. */
  batchSize?: number;
  /** How long to sleep when the outbox is empty. */
  idleMs?: number;
  /** Pause after a partial batch so the next one is fuller (ms). */
  lingerMs?: number;
  /** False when no SMTP is configured: owed e-mails are marked skipped rather than queued. */
  emailEnabled?: boolean;
  /** The archive service's queue; unset when there is none (the deposit package is the archive's copy). */
  archive?: JobScheduler;
}

/**
 * Moves outbox rows into BullMQ after their transaction committed. Several relays may run: each
 * takes a batch with FOR UPDATE SKIP LOCKED and deletes it only once Redis has the jobs, so a
 * crash in between replays the batch (job ids are deterministic, so a replay adds nothing twice).
 */
export class OutboxRelay {
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private readonly batchSize: number;
  private readonly idleMs: number;
  private readonly emailEnabled: boolean;
  private readonly lingerMs: number;
  private readonly archive?: JobScheduler;

  constructor(
    private readonly outbox: OutboxStore,
    private readonly deadlines: JobScheduler,
    private readonly mail: JobScheduler,
    private readonly clock: Clock,
    private readonly onError: (e: Error) => void,
    opts: RelayOptions = {},
  ) {
    this.batchSize = opts.batchSize ?? 500;
    this.idleMs = opts.idleMs ?? 250;
    this.emailEnabled = opts.emailEnabled ?? true;
    this.lingerMs = opts.lingerMs ?? 25;
    this.archive = opts.archive;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Look at the outbox now rather than after the idle sleep (called after a step commits). */
  kick(): void {
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.kick();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let moved = 0;
      try {
        moved = await this.drainOnce();
      } catch (e) {
        this.onError(e as Error);
      }
      if (moved > 0 && moved < this.batchSize && this.running) {
        // Under load, let rows gather for a moment: one batch of twenty is far cheaper than twenty of one.
        await new Promise((r) => setTimeout(r, this.lingerMs));
      } else if (moved === 0 && this.running) {
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, this.idleMs);
          this.wake = () => (clearTimeout(t), resolve());
        });
        this.wake = undefined;
      }
    }
  }

  /** One batch: returns how many outbox rows it relayed. */
  drainOnce(): Promise<number> {
    return this.outbox.relayBatch(this.batchSize, (batch) => this.relay(batch));
  }

  private async relay({ deadlines, emailIds, archiveEntryIds }: OutboxBatch): Promise<{ skippedEmailIds: string[] }> {
    const now = this.clock.now();
    const adds: ScheduledJob[] = [];
    const removes: string[] = [];
    for (const d of deadlines) {
      if (d.status === 'pending') {
        const job = nextJobFor(d, now);
        if (job) adds.push(job);
        // The due date moved: the previous revision's jobs must not fire.
        if (d.rev > 1) removes.push(...deadlineJobIdsOf(d.id, d.rev - 1));
      } else {
        removes.push(...deadlineJobIdsOf(d.id, d.rev));
      }
    }
    if (adds.length) await this.deadlines.schedule(adds);
    if (removes.length) await this.deadlines.unschedule(removes);
    if (this.archive && archiveEntryIds.length) await this.archive.schedule(archiveEntryIds.map(archiveJobFor));
    // Without SMTP there is nothing to send: the store settles them instead of a job each.
    if (!this.emailEnabled) return { skippedEmailIds: emailIds };
    if (emailIds.length) await this.mail.schedule(emailIds.map(mailJobFor));
    return { skippedEmailIds: [] };
  }
}
