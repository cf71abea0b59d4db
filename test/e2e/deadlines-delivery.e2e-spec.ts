import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { deadline, open, schoolConcern } from '../harness/flows';
import { DeadlineRig, eventually, startDeadlineRig } from '../harness/deadline-rig';

const ROOT = path.resolve(__dirname, '../..');

/**
 * BullMQ delivers at least once. A step delivered twice, or run again after its worker was
 * killed mid-job, still writes one history event and one notification.
 */
describe('at-least-once delivery of deadline steps', () => {
  let rig: DeadlineRig;
  beforeAll(async () => {
    rig = await startDeadlineRig({ now: '2027-03-01T09:30:00+01:00', startWorker: false });
  });
  afterAll(() => rig.close());

  const count = async (caseId: string, type: string) =>
    (await rig.sql<{ n: number }>('SELECT count(*)::int AS n FROM case_events WHERE case_id = $1 AND type = $2', [caseId, type]))[0].n;
  const notifications = async (deadlineId: string, kind: string) =>
    (
      await rig.sql<{ n: number }>('SELECT count(*)::int AS n FROM notifications WHERE deadline_id = $1 AND kind = $2', [deadlineId, kind])
    )[0].n;

  it('the same job delivered twice gives one event and one notification', async () => {
    rig.clock.travelTo('2027-03-01T09:30:00+01:00');
    const c = await open(rig.api, 'larer', schoolConcern());
    const ack = deadline(c, 'acknowledge')[0];
    rig.clock.travelTo('2027-03-02T16:00:05+01:00'); // just past due
    // Two deliveries of the same step (as after a stalled job), racing each other.
    const data = { deadlineId: ack.id, rev: 1, step: 'overdue' };
    await rig.deadlines.addBulk([
      { name: 'overdue', data, opts: { jobId: 'delivery-1' } },
      { name: 'overdue', data, opts: { jobId: 'delivery-2' } },
    ]);
    const worker = await rig.startWorker();
    await rig.settle();
    expect(await count(c.id, 'DEADLINE_OVERDUE')).toBe(1);
    expect(await notifications(ack.id, 'deadline_overdue')).toBe(1);
    const outcomes = await worker.metrics.stepOutcomes.get();
    const overdue = outcomes.values.filter((v) => v.labels.step === 'overdue');
    expect(overdue.find((v) => v.labels.outcome === 'done')?.value).toBe(1);
    expect(overdue.filter((v) => v.labels.outcome !== 'done').reduce((n, v) => n + v.value, 0)).toBeGreaterThanOrEqual(1);
    await rig.stopWorker();
  });

  it('a worker killed with SIGKILL mid-job: the job runs again, still one notification', async () => {
    rig.clock.travelTo('2027-03-08T09:30:00+01:00');
    const c = await open(rig.api, 'larer', schoolConcern());
    const ack = deadline(c, 'acknowledge')[0];
    rig.clock.travelTo('2027-03-09T16:00:05+01:00');

    // Hold the case row so the worker's step blocks inside its transaction.
    const blocker = new Client({ connectionString: rig.databaseUrl });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('SELECT id FROM cases WHERE id = $1 FOR UPDATE', [c.id]);

    let child: ChildProcess | undefined;
    try {
      child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
        cwd: ROOT,
        env: {
          ...process.env,
          NODE_ENV: 'test',
          DATABASE_URL: rig.databaseUrl,
          REDIS_URL: rig.redis.url,
          TRYGG_NOW: rig.clock.now().toISOString(),
          TRYGG_CLOCK_ANCHOR: String(Date.now()),
          JOB_LOCK_SECONDS: '2',
          WORKER_METRICS_PORT: '0',
          LOG_LEVEL: 'silent',
        },
        stdio: 'ignore',
      });
      // The child reconciles at start, takes the deadline's next step, and waits on the lock.
      await eventually(async () => (await rig.deadlines.getActive()).some((j) => j.id?.startsWith(`dl-${ack.id}-r1-`)), 30_000);
      child.kill('SIGKILL');
      await new Promise((r) => child!.once('exit', r));
    } finally {
      if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await blocker.query('ROLLBACK');
      await blocker.end();
    }
    expect(await count(c.id, 'DEADLINE_OVERDUE')).toBe(0);

    // A new worker finds the job stalled once its lock lapses, and runs it again.
    await rig.startWorker();
    await eventually(async () => (await count(c.id, 'DEADLINE_OVERDUE')) === 1, 20_000);
    await rig.settle();
    expect(await count(c.id, 'DEADLINE_OVERDUE')).toBe(1);
    expect(await notifications(ack.id, 'deadline_overdue')).toBe(1);
    await rig.stopWorker();
  });
});
