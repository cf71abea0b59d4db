import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Clock } from '../../cases/src/ports';
import { toDeadline } from '../../persistence/src/case-writes.sql';
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
    private readonly ds: DataSource,
    private readonly deadlines: Queue,
    private readonly mail: Queue,
    private readonly clock: Clock,
    private readonly pageSize = 5000,
  ) {}

  async reconcile(): Promise<ReconcileReport> {
    const started = Date.now();
    const report: ReconcileReport = { pendingDeadlines: 0, jobsEnsured: 0, failedRetried: 0, emailsEnsured: 0, ms: 0 };

    for (const queue of [this.deadlines, this.mail]) {
      for (const job of await queue.getFailed(0, 999)) {
        await job.retry().then(() => report.failedRetried++, () => undefined);
      }
    }

    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await this.ds.query(
        `SELECT * FROM deadlines WHERE status = 'pending' AND id > $1 ORDER BY id LIMIT $2`,
        [after, this.pageSize],
      );
      if (!rows.length) break;
      after = rows[rows.length - 1].id;
      report.pendingDeadlines += rows.length;
      const now = this.clock.now();
      const jobs = rows.map(toDeadline).flatMap((d: ReturnType<typeof toDeadline>) => nextJobFor(d, now) ?? []);
      for (let i = 0; i < jobs.length; i += 1000) await this.deadlines.addBulk(jobs.slice(i, i + 1000));
      report.jobsEnsured += jobs.length;
    }

    const owed: Array<{ id: string }> = await this.ds.query(`SELECT id FROM notifications WHERE email_status = 'pending' ORDER BY created_at`);
    for (let i = 0; i < owed.length; i += 1000) await this.mail.addBulk(owed.slice(i, i + 1000).map((n) => mailJobFor(n.id)));
    report.emailsEnsured = owed.length;

    report.ms = Date.now() - started;
    return report;
  }
}
