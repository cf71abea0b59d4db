import { deadline, EVA, ids, ok, open, planEvaluatedOn, schoolConcern, EMMA, toActive } from '../harness/flows';
import { units } from '../harness/test-app';
import { DeadlineRig, eventually, startDeadlineRig } from '../harness/deadline-rig';
import { deadlineJobId } from '../../libs/scheduling/src/queues';
import { DeadlineStep } from '../../libs/workflow/src';

/**
 * Redis is only the alarm clock. After a FLUSHALL, or a worker that was down over a weekend,
 * the reconciler gives every pending deadline its job again and fires what is overdue, once.
 */
describe('recovery: FLUSHALL, a weekend without worker, and moved deadlines', () => {
  let rig: DeadlineRig;
  beforeAll(async () => {
    rig = await startDeadlineRig({ now: '2027-03-05T10:00:00+01:00' }); // a Friday
  });
  afterAll(() => rig.close());

  const perDeadline = (type: string) =>
    rig.sql<{ id: string; n: number }>(
      `SELECT d.id, count(e.*)::int AS n FROM deadlines d
       LEFT JOIN case_events e ON e.case_id = d.case_id AND e.type = $1 AND e.payload->>'deadlineId' = d.id::text
       WHERE d.kind = 'acknowledge' GROUP BY d.id`,
      [type],
    );
  const pendingWithoutJob = async () => {
    const rows = await rig.sql<{ id: string; rev: number; step: DeadlineStep }>(
      `SELECT id, rev, CASE WHEN reminded_at IS NULL AND remind_at IS NOT NULL THEN 'remind'
                            WHEN overdue_at IS NULL THEN 'overdue'
                            WHEN escalated_principal_at IS NULL THEN 'escalate_principal'
                            WHEN escalated_owner_at IS NULL THEN 'escalate_owner' END AS step
       FROM deadlines WHERE status = 'pending'`,
    );
    const missing = [];
    for (const r of rows) if (r.step && !(await rig.deadlines.getJob(deadlineJobId(r.id, r.rev, r.step)))) missing.push(r);
    return { pending: rows.length, missing };
  };

  it('a worker down over a weekend plus FLUSHALL: every deadline gets its job back, overdue ones fire exactly once', async () => {
    const cases = [
      await open(rig.api, 'larer', schoolConcern()),
      await open(rig.api, 'larer', schoolConcern({ childIds: [EVA], concern: 'Another episode at the bus stop.' })),
      await open(rig.api, 'ansatt', {
        unitId: units.demoBarnehage.id,
        childIds: [EMMA],
        concern: 'Emma is hit in the wardrobe.',
        source: 'staff_observation',
      }),
    ];
    await rig.settle();
    for (const c of cases) expect(deadline(c, 'acknowledge')[0].dueAt).toBe('2027-03-08T16:00:00+01:00');

    // Friday afternoon the worker stops; Redis is wiped; it comes back on Tuesday morning.
    await rig.stopWorker();
    await rig.redisClient.flushall();
    rig.clock.travelTo('2027-03-09T08:00:00+01:00');
    await rig.startWorker();
    await rig.settle();

    const overdue = await perDeadline('DEADLINE_OVERDUE');
    expect(overdue.map((r) => r.n)).toEqual([1, 1, 1]);
    // The Friday reminders are past their point (the item is already overdue): not sent late.
    expect((await perDeadline('DEADLINE_REMINDER_SENT')).map((r) => r.n)).toEqual([0, 0, 0]);
    expect(await pendingWithoutJob()).toEqual({ pending: 6, missing: [] }); // an acknowledgement and a BTI decision per case

    // Wiped again while the worker runs: the periodic reconcile puts it right, nothing fires twice.
    await rig.redisClient.flushall();
    expect((await pendingWithoutJob()).missing).toHaveLength(6);
    await rig.worker!.reconcile();
    await rig.settle();
    expect(await pendingWithoutJob()).toEqual({ pending: 6, missing: [] }); // an acknowledgement and a BTI decision per case
    expect((await perDeadline('DEADLINE_OVERDUE')).map((r) => r.n)).toEqual([1, 1, 1]);
    expect((await rig.sql<{ n: number }>(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'deadline_overdue'`))[0].n).toBe(3);

    // And the escalation still comes on its day (Wednesday 16:00), once.
    await rig.travelTo('2027-03-10T16:00:01+01:00');
    await eventually(async () => (await perDeadline('DEADLINE_ESCALATED')).every((r) => r.n === 1));
  });

  it('a deadline moved by a new plan version: the old job is gone, the new one fires at the new time', async () => {
    await rig.travelTo('2027-04-05T09:00:00+02:00');
    const opened = await open(rig.api, 'larer', schoolConcern({ occurredAt: '2027-04-05T08:00:00+02:00' }));
    let c = await toActive(rig.api, opened.id, planEvaluatedOn(ids.larer, '2027-04-16'), '2027-04-05T08:30:00+02:00');
    const first = deadline(c, 'plan_evaluation')[0];
    await rig.settle();
    const oldJob = deadlineJobId(first.id, 1, 'remind');
    expect(await rig.deadlines.getJob(oldJob)).toBeTruthy();

    // The principal evaluates early and revises: a new plan version with a later evaluation date.
    c = await ok(rig.api, 'rektor', c.id, 'START_EVALUATION', 6);
    c = await ok(rig.api, 'rektor', c.id, 'EVALUATE', 7, {
      outcome: 'revise',
      summary: 'Measures did not work',
      childVoice: 'Still afraid',
    });
    c = await ok(rig.api, 'larer', c.id, 'SUBMIT_PLAN', 8, { plan: planEvaluatedOn(ids.larer, '2027-04-23') });
    c = await ok(rig.api, 'rektor', c.id, 'APPROVE_PLAN', 9);
    const second = deadline(c, 'plan_evaluation').find((d) => d.status === 'pending')!;
    expect(second.dueAt).toBe('2027-04-23T16:00:00+02:00');
    await rig.settle();
    expect(await rig.deadlines.getJob(oldJob)).toBeUndefined();
    const newJob = await rig.deadlines.getJob(deadlineJobId(second.id, 1, 'remind'));
    expect(newJob).toBeTruthy();

    // The old date passes quietly; the new one starts the evaluation.
    await rig.travelTo('2027-04-16T00:00:01+02:00');
    const started = async () =>
      (await rig.api.as('rektor').get(`/api/cases/${c.id}/events`)).body.filter(
        (e: { type: string; actor: { role: string } | null }) => e.type === 'START_EVALUATION' && e.actor?.role === 'system',
      );
    expect(await started()).toHaveLength(0);
    expect((await rig.api.as('rektor').get(`/api/cases/${c.id}`)).body.state).toBe('active');
    // A second before midnight on the new date: the delayed job fires by itself.
    await rig.travelTo('2027-04-22T23:59:59+02:00');
    await eventually(async () => (await started()).length === 1);
    expect((await rig.api.as('rektor').get(`/api/cases/${c.id}`)).body.state).toBe('evaluating');
  });
});
