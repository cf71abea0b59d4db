import { JobsOptions, Queue } from 'bullmq';

/** A job to run at a given time: its id makes adding it twice a no-op. */
export interface ScheduledJob {
  id: string;
  name: string;
  data: object;
  /** How long from now; 0 or absent: at once. */
  delayMs?: number;
}

/**
 * The job queue as the relay and the reconciler see it. BullMQ is only the alarm clock: the
 * rows in PostgreSQL are the truth, so anything behind this interface may lose jobs and be
 * reconciled. (The worker's processors still read BullMQ's own job objects.)
 */
export interface JobScheduler {
  schedule(jobs: ScheduledJob[]): Promise<void>;
  /** Removes jobs that have not started; one running right now stays (its handler sees the row and stops). */
  unschedule(jobIds: string[]): Promise<void>;
  /** Retries the jobs that failed; returns how many. */
  retryFailed(): Promise<number>;
}

const RETRIES: JobsOptions = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: true,
  // Failed jobs stay a fortnight for the dashboard; the reconciler retries them meanwhile.
  removeOnFail: { age: 14 * 24 * 3600 },
};

/** BullMQ adds an existing job id silently and rejects ids with `:`; the ids are made for that (queues.ts). */
export class BullMqScheduler implements JobScheduler {
  private readonly retries: JobsOptions;
  /** `retries`: the backoff of this queue's jobs, when it is not the default's (the archive service's). */
  constructor(
    private readonly queue: Queue,
    retries: Partial<JobsOptions> = {},
  ) {
    this.retries = { ...RETRIES, ...retries };
  }

  async schedule(jobs: ScheduledJob[]): Promise<void> {
    for (let i = 0; i < jobs.length; i += 1000) {
      await this.queue.addBulk(
        jobs.slice(i, i + 1000).map((j) => ({ name: j.name, data: j.data, opts: { ...this.retries, jobId: j.id, delay: j.delayMs ?? 0 } })),
      );
    }
  }

  async unschedule(jobIds: string[]): Promise<void> {
    await Promise.all(jobIds.map((id) => this.queue.remove(id).catch(() => 0)));
  }

  async retryFailed(): Promise<number> {
    let retried = 0;
    for (const job of await this.queue.getFailed(0, 999)) {
      await job.retry().then(
        () => retried++,
        () => undefined,
      );
    }
    return retried;
  }
}
