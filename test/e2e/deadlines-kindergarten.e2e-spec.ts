import { deadline, EMMA, ids, ok, open, planFor } from '../harness/flows';
import { units } from '../harness/test-app';
import { DeadlineRig, eventually, startDeadlineRig } from '../harness/deadline-rig';

type Ev = { type: string; actor: { userId: string | null; role: string } | null; payload: Record<string, unknown> };

/**
 * A kindergarten case (barnehageloven §42): the acknowledge deadline across 17 May, then a
 * measure and the plan evaluated across Easter 2028, each step fired by BullMQ.
 */
describe('deadlines fire for a kindergarten case', () => {
  let rig: DeadlineRig;
  beforeAll(async () => {
    rig = await startDeadlineRig({ now: '2027-05-14T10:00:00+02:00' }); // Friday before 17 May
  });
  afterAll(() => rig.close());

  const ofType = async (caseId: string, type: string): Promise<Ev[]> =>
    ((await rig.api.as('styrer').get(`/api/cases/${caseId}/events`)).body as Ev[]).filter((e) => e.type === type);
  const notes = async (user: string, kind: string) =>
    ((await rig.api.as(user).get('/api/me/notifications')).body.items as Array<{ kind: string }>).filter((n) => n.kind === kind);

  it('reminds, marks overdue and escalates across 17 May, and starts the evaluation across Easter', async () => {
    let c = await open(rig.api, 'ansatt', {
      unitId: units.demoBarnehage.id,
      childIds: [EMMA],
      concern: 'Emma is left out of play by the same three children every day.',
      source: 'staff_observation',
    });
    // 17 May 2027 is both Constitution Day and Whit Monday.
    expect(deadline(c, 'acknowledge')[0]).toMatchObject({
      dueAt: '2027-05-18T16:00:00+02:00',
      responsibleUserId: ids.styrer,
      reminderAt: '2027-05-14T16:00:00+02:00',
      escalation: { toPrincipalAt: '2027-05-19T16:00:00+02:00', toOwnerAt: '2027-05-21T16:00:00+02:00' },
    });

    await rig.travelTo('2027-05-14T16:00:01+02:00');
    await eventually(async () => (await notes('styrer', 'deadline_reminder')).length === 1);
    await rig.travelTo('2027-05-17T12:00:00+02:00');
    expect(await ofType(c.id, 'DEADLINE_OVERDUE')).toHaveLength(0);
    await rig.travelTo('2027-05-18T16:00:01+02:00');
    await eventually(async () => (await ofType(c.id, 'DEADLINE_OVERDUE')).length === 1);
    await rig.travelTo('2027-05-19T16:00:01+02:00');
    await eventually(async () => (await ofType(c.id, 'DEADLINE_ESCALATED')).length === 1);
    await rig.travelTo('2027-05-21T16:00:01+02:00');
    const ladder = await eventually(async () => {
      const e = await ofType(c.id, 'DEADLINE_ESCALATED');
      return e.length === 2 && e;
    });
    expect(ladder.map((e) => e.payload.level)).toEqual(['principal', 'owner']);
    expect(await notes('kommune', 'deadline_escalated')).toHaveLength(1);

    c = await ok(rig.api, 'styrer', c.id, 'ACKNOWLEDGE', 1);
    // BTI: the styrer decides level 1 (measures inside the kindergarten), meeting that deadline.
    c = await ok(rig.api, 'styrer', c.id, 'BTI_DECIDE', 2, { decision: 'level1', reason: 'Measures in the department' });
    expect(c.bti).toMatchObject({ level: 1, state: 'level1' });
    c = await ok(rig.api, 'ansatt', c.id, 'RECORD_CHILD_VOICE', 3, {
      childId: EMMA,
      heardAt: '2027-05-21T17:00:00+02:00',
      heardBy: 'Ansatt Aas',
      summary: 'Emma is sad',
      saysUnsafe: true,
    });
    c = await ok(rig.api, 'styrer', c.id, 'CONCLUDE_INVESTIGATION', 4, { outcome: 'not_safe', summary: 's', bestInterest: 'b' });
    const base = planFor(ids.ansatt);
    c = await ok(rig.api, 'ansatt', c.id, 'SUBMIT_PLAN', 5, {
      plan: { ...base, evaluateAt: '2028-04-18', measures: [{ ...base.measures[0], evaluateAt: '2028-04-18' }] },
    });
    c = await ok(rig.api, 'styrer', c.id, 'APPROVE_PLAN', 6);
    // Easter 2028: Maundy Thursday 13 April to Easter Monday 17 April are no school days.
    expect(deadline(c, 'measure_evaluation', 'm1')[0]).toMatchObject({
      dueAt: '2028-04-18T16:00:00+02:00',
      responsibleUserId: ids.ansatt,
      reminderAt: '2028-04-12T16:00:00+02:00',
      escalation: { toPrincipalAt: '2028-04-19T16:00:00+02:00' },
    });

    await rig.travelTo('2028-04-12T16:00:01+02:00');
    await eventually(async () => (await notes('ansatt', 'deadline_reminder')).length === 1);

    await rig.travelTo('2028-04-18T00:00:01+02:00');
    const started = await eventually(async () => (await ofType(c.id, 'START_EVALUATION'))[0]);
    expect(started.actor).toEqual({ userId: null, role: 'system', name: 'Trygg (automatisk)' });
    expect((await rig.api.as('styrer').get(`/api/cases/${c.id}`)).body.state).toBe('evaluating');

    // The measure's evaluation is overdue for the staff member who owns it, then escalates to the styrer.
    await rig.travelTo('2028-04-18T16:00:01+02:00');
    await eventually(async () => (await notes('ansatt', 'deadline_overdue')).length === 1);
    await rig.travelTo('2028-04-19T16:00:01+02:00');
    await eventually(async () => (await ofType(c.id, 'DEADLINE_ESCALATED')).length === 4); // the measure's and the plan's
    const styrerTasks = (await rig.api.as('styrer').get('/api/me/tasks')).body as Array<{ kind: string; overdue: boolean }>;
    expect(styrerTasks.map((t) => t.kind).sort()).toEqual(['measure_evaluation', 'plan_evaluation']);
    expect(styrerTasks.every((t) => t.overdue)).toBe(true);
  });
});
