import { CaseRecord } from '../../libs/cases/src';
import { DEMO_CHILDREN } from '../../libs/persistence/src/seed/demo-data';
import { TypeormOutboxStore } from '../../libs/persistence/src';
import { JobScheduler, ScheduledJob } from '../../libs/scheduling/src/job-scheduler';
import { OutboxRelay } from '../../libs/scheduling/src/outbox.relay';
import { DeadlineReconciler } from '../../libs/scheduling/src/deadline.reconciler';
import { deadlineJobIdsOf } from '../../libs/scheduling/src/queues';
import { concern, MediumRig, startMediumRig } from './medium-rig';

/** A scheduler that keeps its jobs in a map: BullMQ's "an existing id is a no-op", and a switch to fail. */
class MemoryScheduler implements JobScheduler {
  readonly jobs = new Map<string, ScheduledJob>();
  failing = false;
  async schedule(jobs: ScheduledJob[]): Promise<void> {
    if (this.failing) throw new Error('queue down');
    for (const j of jobs) if (!this.jobs.has(j.id)) this.jobs.set(j.id, j);
  }
  async unschedule(ids: string[]): Promise<void> {
    if (this.failing) throw new Error('queue down');
    for (const id of ids) this.jobs.delete(id);
  }
  async retryFailed(): Promise<number> {
    return 0;
  }
}

const EVA = DEMO_CHILDREN.find((c) => c.name === 'Eva Nordmann')!.id;

/** The outbox relay and the reconciler against the real PostgreSQL, with the queue in memory. */
describe('outbox relay and reconciler', () => {
  let rig: MediumRig;
  let outbox: TypeormOutboxStore;
  const outboxRows = async () => (await rig.ds.query('SELECT count(*)::int AS n FROM outbox'))[0].n as number;
  const pendingIds = async () =>
    ((await rig.ds.query(`SELECT id FROM deadlines WHERE status = 'pending' ORDER BY id`)) as Array<{ id: string }>).map((r) => r.id);
  beforeAll(async () => {
    rig = await startMediumRig();
    outbox = new TypeormOutboxStore(rig.ds);
  });
  afterAll(() => rig.close());

  it('relays committed rows as jobs and deletes them only after the queue took them', async () => {
    const c = await rig.open.execute(await rig.user('larer'), concern('demoSkole', [EVA]));
    expect(await outboxRows()).toBeGreaterThan(0);
    const deadlines = new MemoryScheduler();
    const mail = new MemoryScheduler();
    const errors: Error[] = [];
    const relay = new OutboxRelay(outbox, deadlines, mail, rig.clock, (e) => errors.push(e));

    // The queue is down: the batch fails and stays in the outbox, nothing is lost.
    deadlines.failing = true;
    const before = await outboxRows();
    await expect(relay.drainOnce()).rejects.toThrow('queue down');
    expect(await outboxRows()).toBe(before);

    deadlines.failing = false;
    while ((await relay.drainOnce()) > 0);
    expect(await outboxRows()).toBe(0);
    const [ack] = await rig.ds.query(`SELECT id, rev FROM deadlines WHERE case_id = $1 AND kind = 'acknowledge'`, [c.id]);
    const ackJobs = [...deadlines.jobs.keys()].filter((id) => deadlineJobIdsOf(ack.id, ack.rev).includes(id));
    expect(ackJobs).toHaveLength(1);
    const owed = await outbox.owedEmails();
    expect([...mail.jobs.keys()].sort()).toEqual(owed.map((id) => `mail-${id}`).sort());

    // Acknowledged: the deadline is met, and its job goes.
    const rektor = await rig.user('rektor');
    await rig.run.execute(rektor, { caseId: c.id, type: 'ACKNOWLEDGE', expectedVersion: 1, payload: {} });
    while ((await relay.drainOnce()) > 0);
    expect([...deadlines.jobs.keys()].some((id) => deadlineJobIdsOf(ack.id, ack.rev).includes(id))).toBe(false);
    expect(errors).toEqual([]);
  });

  it('without SMTP the owed e-mails are settled as skipped in the same transaction', async () => {
    const owedBefore = await outbox.owedEmails();
    const c = await rig.open.execute(await rig.user('larer'), concern('demoSkole', [EVA]));
    // The reporter is told the concern is taken up: a notification that owes an e-mail.
    await rig.run.execute(await rig.user('rektor'), { caseId: c.id, type: 'ACKNOWLEDGE', expectedVersion: 1, payload: {} });
    expect((await outbox.owedEmails()).length).toBeGreaterThan(owedBefore.length);
    const relay = new OutboxRelay(outbox, new MemoryScheduler(), new MemoryScheduler(), rig.clock, () => undefined, {
      emailEnabled: false,
    });
    while ((await relay.drainOnce()) > 0);
    expect(await outbox.owedEmails()).toEqual(owedBefore);
    expect(await outboxRows()).toBe(0);
  });

  it('the reconciler gives every pending deadline its next job and every owed e-mail its job, and running it twice adds nothing', async () => {
    const c = await rig.open.execute(await rig.user('rektor'), concern('demoSkole', [EVA]));
    expect((await rig.store.get(c.id)) as CaseRecord).toBeDefined();
    const deadlines = new MemoryScheduler();
    const mail = new MemoryScheduler();
    // As after a FLUSHALL: the outbox was relayed long ago, Redis is empty.
    const reconciler = new DeadlineReconciler(outbox, deadlines, mail, rig.clock, 2);
    const first = await reconciler.reconcile();
    const pending = await pendingIds();
    expect(first.pendingDeadlines).toBe(pending.length);
    const withJob = new Set([...deadlines.jobs.values()].map((j) => (j.data as { deadlineId: string }).deadlineId));
    expect([...withJob].sort()).toEqual(pending);
    const ids = [...deadlines.jobs.keys()].sort();
    await reconciler.reconcile();
    expect([...deadlines.jobs.keys()].sort()).toEqual(ids);
    expect(mail.jobs.size).toBe((await outbox.owedEmails()).length);
  });
});
