import { ok, open, schoolConcern } from '../harness/flows';
import { DeadlineRig, eventually, startDeadlineRig } from '../harness/deadline-rig';

type Ev = { type: string; payload: Record<string, unknown> };

/**
 * Statsforvalteren's deadline fires through BullMQ like every other: a reminder to the principal,
 * overdue, and at once to the owner (who answers for the tvangsmulkt) — also after the school has
 * closed its case.
 */
describe("Statsforvalteren's deadline fires and goes to the owner", () => {
  let rig: DeadlineRig;
  beforeAll(async () => {
    rig = await startDeadlineRig({ now: '2027-03-01T09:30:00+01:00' });
  });
  afterAll(() => rig.close());

  const ofType = async (caseId: string, type: string): Promise<Ev[]> =>
    ((await rig.api.as('rektor').get(`/api/cases/${caseId}/events`)).body as Ev[]).filter((e) => e.type === type);
  const notes = async (user: string) =>
    (await rig.api.as(user).get('/api/me/notifications')).body.items as Array<{ kind: string; caseId: string; deadlineId: string }>;

  it('reminds the principal, and escalates to the owner the moment it is overdue', async () => {
    const c = await open(rig.api, 'rektor', schoolConcern({ source: 'parent_told', childSaysUnsafe: false }));
    await ok(rig.api, 'rektor', c.id, 'ACKNOWLEDGE', 1);
    await ok(rig.api, 'rektor', c.id, 'RECORD_CHILD_VOICE', 2, {
      childId: c.childIds[0],
      heardAt: '2027-03-01T11:00:00+01:00',
      heardBy: 'Rektor',
      summary: 'Eva says it is fine now',
    });
    // The school closes its case; the parents go to Statsforvalteren all the same.
    const closed = await ok(rig.api, 'rektor', c.id, 'CLOSE', 3, { summary: 'the school found the environment safe' });
    expect(closed.state).toBe('closed');
    const v = closed.version;
    await rig.travelTo('2027-03-09T10:00:00+01:00');
    await ok(rig.api, 'rektor', c.id, 'REPORTED_TO_STATSFORVALTEREN', v, { at: '2027-03-09T09:00:00+01:00' });
    const decided = await ok(rig.api, 'kommune', c.id, 'SF_DECISION', v + 1, {
      at: '2027-03-09T09:30:00+01:00',
      requirements: ['Hear the pupil and make a plan'],
      deadline: '2027-03-19',
    });
    expect(decided.deadlines.find((d: { kind: string }) => d.kind === 'sf_compliance')).toMatchObject({
      status: 'pending',
      dueAt: '2027-03-19T16:00:00+01:00',
    });
    await rig.settle();

    await rig.travelTo('2027-03-18T16:00:01+01:00');
    await eventually(async () => (await ofType(c.id, 'DEADLINE_REMINDER_SENT')).some((e) => e.payload.kind === 'sf_compliance'));

    await rig.travelTo('2027-03-19T16:00:02+01:00');
    const escalated = await eventually(async () =>
      (await ofType(c.id, 'DEADLINE_ESCALATED')).find((e) => e.payload.kind === 'sf_compliance'),
    );
    expect(escalated.payload).toMatchObject({ level: 'owner' });
    expect((await ofType(c.id, 'DEADLINE_OVERDUE')).filter((e) => e.payload.kind === 'sf_compliance')).toHaveLength(1);
    const sf = decided.deadlines.find((d: { kind: string }) => d.kind === 'sf_compliance');
    expect((await notes('kommune')).filter((n) => n.kind === 'deadline_escalated' && n.deadlineId === sf.id)).toHaveLength(1);
    // Nothing else of the closed case is overdue or escalated.
    expect((await ofType(c.id, 'DEADLINE_ESCALATED')).map((e) => e.payload.kind)).toEqual(['sf_compliance']);
    const ownerTasks = (await rig.api.as('kommune').get('/api/me/tasks')).body;
    expect(ownerTasks).toEqual(expect.arrayContaining([expect.objectContaining({ caseId: c.id, kind: 'sf_compliance', overdue: true })]));
  });
});
