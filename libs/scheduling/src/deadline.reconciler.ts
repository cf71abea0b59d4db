import { Clock, OutboxStore } from '../../cases/src/ports';
import { JobScheduler } from './job-scheduler';
import { mailJobFor, nextJobFor } from './queues';

export interface ReconcileReport {
  pendingDeadlines: number;
  jobsEnsured: number;
  failedRetried: number;
  emailsEnsured: number;
  ms: number;
}

/**
 * Makes Redis agree with PostgreSQL: every pending deadline gets the job for its next step
 * (already due → delay 0, so what is overdue fires now), every e-mail still owed gets its job,
 * and failed jobs are retried. Adding a job whose id exists is a no-op in BullMQ, so this is
 * safe to run at any time — after a FLUSHALL, a restore, or a worker that was down a weekend.
 */
export class DeadlineReconciler {
  constructor(
    private readonly outbox: OutboxStore,
    private readonly deadlines: JobScheduler,
    private readonly mail: JobScheduler,
    private readonly clock: Clock,
    private readonly pageSize = 5000,
  ) {}

  async reconcile(): Promise<ReconcileReport> {
    const started = Date.now();
    const report: ReconcileReport = { pendingDeadlines: 0, jobsEnsured: 0, failedRetried: 0, emailsEnsured: 0, ms: 0 };

    report.failedRetried = (await this.deadlines.retryFailed()) + (await this.mail.retryFailed());

    let after: string | null = null;
    for (;;) {
      const rows = await this.outbox.pendingDeadlines(after, this.pageSize);
      if (!rows.length) break;
      after = rows[rows.length - 1].id;
      report.pendingDeadlines += rows.length;
      const now = this.clock.now();
      const jobs = rows.flatMap((d) => nextJobFor(d, now) ?? []);
      await this.deadlines.schedule(jobs);
      report.jobsEnsured += jobs.length;
    }

    const owed = await this.outbox.owedEmails();
    await this.mail.schedule(owed.map(mailJobFor));
    report.emailsEnsured = owed.length;

    report.ms = Date.now() - started;
    return report;
  }
}
