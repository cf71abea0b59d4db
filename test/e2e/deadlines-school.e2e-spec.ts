import { deadline, ids, ok, open, planEvaluatedOn, schoolConcern, toActive } from '../harness/flows';
import { DeadlineRig, eventually, startDeadlineRig } from '../harness/deadline-rig';

type Ev = { type: string; actor: { userId: string | null; role: string } | null; payload: Record<string, unknown>; at: string };

/**
 * A school case whose deadlines fire through BullMQ on real Redis and PostgreSQL: reminder,
 * overdue, escalation to the principal and the owner, and the automatic start of evaluation,
 * with due dates across Easter (and the switch to summer time) and 17 May.
 */
describe('deadlines fire for a school case (reminder, overdue, escalation, evaluation start)', () => {
  let rig: DeadlineRig;
  beforeAll(async () => {
    rig = await startDeadlineRig({ now: '2027-03-24T10:00:00+01:00' }); // Wednesday before Easter
  });
  afterAll(() => rig.close());

  const events = async (caseId: string, as = 'rektor'): Promise<Ev[]> => (await rig.api.as(as).get(`/api/cases/${caseId}/events`)).body;
  const ofType = async (caseId: string, type: string) => (await events(caseId)).filter((e) => e.type === type);
  const notes = async (user: string) =>
    (await rig.api.as(user).get('/api/me/notifications')).body.items as Array<{ kind: string; caseId: string; read: boolean; id: string }>;

  it('walks the whole ladder on the right school days', async () => {
    const c = await open(rig.api, 'larer', schoolConcern({ occurredAt: '2027-03-24T09:00:00+01:00' }));
    const ack = deadline(c, 'acknowledge')[0];
    // Maundy Thursday, Good Friday and Easter Monday are not school days; summer time starts 28 March.
    expect(ack).toMatchObject({
      dueAt: '2027-03-30T16:00:00+02:00',
      reminderAt: '2027-03-24T16:00:00+01:00',
      escalation: { toPrincipalAt: '2027-03-31T16:00:00+02:00', toOwnerAt: '2027-04-02T16:00:00+02:00', escalatedTo: [] },
    });
    await rig.settle();
    const scheduled = (await rig.deadlines.getDelayed()).map((j) => j.id);
    expect(scheduled).toContain(`dl-${ack.id}-r1-remind`);

    // A second before the reminder: the delayed job fires by itself.
    await rig.travelTo('2027-03-24T15:59:59+01:00');
    expect(await ofType(c.id, 'DEADLINE_REMINDER_SENT')).toHaveLength(0);
    const reminded = await eventually(async () => (await ofType(c.id, 'DEADLINE_REMINDER_SENT'))[0]);
    expect(reminded.actor).toEqual({ userId: null, role: 'system', name: 'Trygg (automatisk)' });
    expect(reminded.payload).toMatchObject({ kind: 'acknowledge', to: ids.rektor });
    expect((await notes('rektor')).filter((n) => n.kind === 'deadline_reminder' && n.caseId === c.id)).toHaveLength(1);

    // Not overdue on Maundy Thursday or over Easter.
    await rig.travelTo('2027-03-29T12:00:00+02:00');
    expect(await ofType(c.id, 'DEADLINE_OVERDUE')).toHaveLength(0);
    expect((await rig.api.as('rektor').get('/api/cases?overdue=true')).body.items).toHaveLength(0);

    // Tuesday after Easter, 16:00: overdue — on the case, in the tasks, in the overdue list.
    await rig.travelTo('2027-03-30T16:00:01+02:00');
    await eventually(async () => (await ofType(c.id, 'DEADLINE_OVERDUE')).length === 1);
    const viewed = (await rig.api.as('rektor').get(`/api/cases/${c.id}`)).body;
    expect(deadline(viewed, 'acknowledge')[0].status).toBe('overdue');
    const tasks = (await rig.api.as('rektor').get('/api/me/tasks')).body;
    expect(tasks.filter((x: { kind: string }) => x.kind === 'acknowledge')).toEqual([
      expect.objectContaining({ caseId: c.id, overdue: true }),
    ]);
    expect((await rig.api.as('rektor').get('/api/cases?overdue=true')).body.items.map((x: { id: string }) => x.id)).toEqual([c.id]);
    expect((await notes('rektor')).filter((n) => n.kind === 'deadline_overdue')).toHaveLength(1);
    expect(await ofType(c.id, 'DEADLINE_ESCALATED')).toHaveLength(0);

    // One school day later: to the principal.
    await rig.travelTo('2027-03-31T16:00:01+02:00');
    const toPrincipal = await eventually(async () => (await ofType(c.id, 'DEADLINE_ESCALATED'))[0]);
    expect(toPrincipal.payload).toMatchObject({ level: 'principal', to: [ids.rektor] });
    expect((await rig.api.as('kommune').get('/api/me/tasks')).body).toEqual([]);

    // Three school days after due: to the owner, who now has it among their tasks.
    await rig.travelTo('2027-04-02T16:00:01+02:00');
    await eventually(async () => (await ofType(c.id, 'DEADLINE_ESCALATED')).length === 2);
    expect((await ofType(c.id, 'DEADLINE_ESCALATED'))[1].payload).toMatchObject({ level: 'owner', to: [ids.kommune] });
    expect((await rig.api.as('kommune').get('/api/me/tasks')).body).toEqual([
      expect.objectContaining({
        caseId: c.id,
        kind: 'acknowledge',
        overdue: true,
        escalation: expect.objectContaining({ escalatedTo: [ids.rektor, ids.kommune] }),
      }),
    ]);
    const kommuneNotes = await notes('kommune');
    expect(kommuneNotes.filter((n) => n.kind === 'deadline_escalated')).toHaveLength(1);

    // Read/unread.
    const read = await rig.api.as('kommune').post(`/api/me/notifications/${kommuneNotes[0].id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.read).toBe(true);
    expect(
      (await rig.api.as('kommune').get('/api/me/notifications?unread=true')).body.items.map((n: { id: string }) => n.id),
    ).not.toContain(kommuneNotes[0].id);
    expect((await rig.api.as('rektor').post(`/api/me/notifications/${kommuneNotes[0].id}/read`)).status).toBe(404);

    // Nothing more happens for this deadline, and meeting it removes its jobs.
    await ok(rig.api, 'rektor', c.id, 'ACKNOWLEDGE', 1);
    await rig.settle();
    const jobs = [...(await rig.deadlines.getDelayed()), ...(await rig.deadlines.getWaiting())].map((j) => j.id);
    expect(jobs.some((id) => id?.includes(ack.id))).toBe(false);
  });

  it('starts the evaluation itself on the plan date, with the reminder before 17 May', async () => {
    await rig.travelTo('2027-05-10T09:00:00+02:00');
    const opened = await open(rig.api, 'larer', schoolConcern({ occurredAt: '2027-05-10T08:00:00+02:00' }));
    const c = await toActive(rig.api, opened.id, planEvaluatedOn(ids.larer, '2027-05-18'), '2027-05-10T08:30:00+02:00');
    expect(c.state).toBe('active');
    // 17 May (and Whit Monday) is no school day: the reminder comes on Friday 14 May.
    expect(deadline(c, 'plan_evaluation')[0]).toMatchObject({
      dueAt: '2027-05-18T16:00:00+02:00',
      reminderAt: '2027-05-14T16:00:00+02:00',
    });

    await rig.travelTo('2027-05-14T16:00:01+02:00');
    await eventually(async () => (await ofType(c.id, 'DEADLINE_REMINDER_SENT')).length === 3); // the plan and both measures
    expect((await rig.api.as('rektor').get(`/api/cases/${c.id}`)).body.state).toBe('active');

    // Midnight at the start of the evaluation date: Trygg sends START_EVALUATION.
    await rig.travelTo('2027-05-18T00:00:01+02:00');
    const started = await eventually(async () => (await ofType(c.id, 'START_EVALUATION'))[0]);
    expect(started.actor).toEqual({ userId: null, role: 'system', name: 'Trygg (automatisk)' });
    expect(started.payload).toMatchObject({ reason: 'evaluation_date_reached', evaluationDate: '2027-05-18' });
    const now = (await rig.api.as('rektor').get(`/api/cases/${c.id}`)).body;
    expect(now.state).toBe('evaluating');
    expect(now.allowedCommands).toContain('EVALUATE');
    expect((await notes('rektor')).filter((n) => n.kind === 'evaluation_started' && n.caseId === c.id)).toHaveLength(1);

    // Evaluating in time meets the deadline: no overdue, no escalation.
    await ok(rig.api, 'rektor', c.id, 'EVALUATE', now.version, {
      outcome: 'resolved',
      summary: 'Safe now',
      childVoice: 'Eva says it is good',
    });
    await rig.travelTo('2027-05-25T16:00:00+02:00');
    expect(await ofType(c.id, 'DEADLINE_OVERDUE')).toHaveLength(0);
  });
});
