import { deadline, EVA, ids, ok, open, planFor, schoolConcern } from '../harness/flows';
import { startTestApp, TestApp } from '../harness/test-app';

/** A full school case, child_told to closed, over the HTTP contract against real PostgreSQL. */
describe('a school case from child_told to closed (opplæringslova §12-4)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-01T09:30:00+01:00' }); // a Monday
  });
  afterAll(() => t.close());

  it('moves through every duty with deadlines, history and tasks', async () => {
    // Melde fra: the teacher reports what Eva told her.
    let c = await open(t, 'larer', schoolConcern());
    expect(c).toMatchObject({
      version: 1,
      regime: 'school',
      legalBasis: ['opplæringslova §12-4'],
      state: 'reported',
      handledBy: 'principal',
      childSaysUnsafe: true,
      serious: false,
      bti: { level: 0 },
      staircaseStep: null,
      plan: null,
      planVersions: [],
      allowedCommands: ['ADD_NOTE', 'RECORD_CHILD_VOICE', 'CORRECT_ENTRY'],
    });
    expect(deadline(c, 'acknowledge')).toEqual([
      expect.objectContaining({ dueAt: '2027-03-02T16:00:00+01:00', status: 'pending', responsibleUserId: ids.rektor }),
    ]);

    // The principal sees the task and what they may do.
    const tasks = await t.as('rektor').get('/api/me/tasks');
    expect(tasks.body).toEqual([
      expect.objectContaining({ caseId: c.id, kind: 'acknowledge', overdue: false }),
      // BTI level 0 starts with the case: decide the level within 14 days (policy).
      expect.objectContaining({ caseId: c.id, kind: 'bti_decision', dueAt: '2027-03-15T16:00:00+01:00' }),
    ]);
    const asRektor = await t.as('rektor').get(`/api/cases/${c.id}`);
    expect(asRektor.body.allowedCommands).toEqual([
      'ACKNOWLEDGE',
      'MARK_SERIOUS',
      'ADD_NOTE',
      'RECORD_CHILD_VOICE',
      'BTI_DECIDE',
      'ASSIGN_COORDINATOR',
      'RECORD_CONSENT',
      'RECORD_CONSENT_REFUSAL',
      'REQUEST_PPT',
      'RAISED_WITH_PRINCIPAL',
      'CORRECT_ENTRY',
    ]);

    c = await ok(t, 'rektor', c.id, 'ACKNOWLEDGE', 1);
    expect(c.state).toBe('investigating');
    expect(deadline(c, 'acknowledge')[0].status).toBe('met');
    expect(deadline(c, 'investigation')[0]).toMatchObject({ dueAt: '2027-03-08T16:00:00+01:00', status: 'pending' });
    // The teacher who reported is told that the concern is taken up; the notice names nobody.
    const told = (await t.as('larer').get('/api/me/notifications')).body.items;
    expect(told).toEqual([expect.objectContaining({ kind: 'case_acknowledged', caseId: c.id, read: false })]);
    expect(JSON.stringify(told)).not.toMatch(/Eva|Nordmann|Rektor/);

    c = await ok(t, 'larer', c.id, 'ADD_NOTE', 2, { kind: 'intervention', text: 'Stopped the name-calling at the football pitch' });
    c = await ok(t, 'larer', c.id, 'RECORD_CHILD_VOICE', 3, {
      childId: EVA,
      heardAt: '2027-03-01T12:00:00+01:00',
      heardBy: 'Lærer Larsen',
      summary: 'Eva does not want to go out in the breaks',
    });
    expect(c.childVoiceOnRecord).toEqual([EVA]);

    // The child's experience decides: "safe" is refused.
    const refused = await t.as('rektor').command(c.id, 'CONCLUDE_INVESTIGATION', 4, { outcome: 'safe', summary: 's', bestInterest: 'b' });
    expect(refused.status).toBe(409);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 409, currentState: 'investigating', version: 4 });
    expect(refused.body.detail).toMatch(/childSaysUnsafe/);
    expect(refused.body.allowedCommands).toContain('CONCLUDE_INVESTIGATION');

    c = await ok(t, 'rektor', c.id, 'CONCLUDE_INVESTIGATION', 4, {
      outcome: 'not_safe',
      summary: 'Several pupils exclude Eva',
      bestInterest: 'Eva needs adults present and a class that includes her',
    });
    expect(c.state).toBe('planning');
    expect(deadline(c, 'investigation')[0].status).toBe('met');
    expect(deadline(c, 'plan')[0]).toMatchObject({ dueAt: '2027-03-08T16:00:00+01:00', status: 'pending' });

    t.clock.set('2027-03-02T10:00:00+01:00');
    c = await ok(t, 'larer', c.id, 'SUBMIT_PLAN', 5, { plan: planFor(ids.larer) });
    expect(c.state).toBe('awaiting_approval');
    expect(c.plan).toMatchObject({ version: 1, status: 'submitted', problem: expect.any(String) });
    expect(deadline(c, 'approval')[0]).toMatchObject({ dueAt: '2027-03-04T16:00:00+01:00' });

    c = await ok(t, 'rektor', c.id, 'APPROVE_PLAN', 6);
    expect(c.state).toBe('active');
    expect(c.plan.status).toBe('approved');
    expect(deadline(c, 'plan')[0].status).toBe('met');
    expect(deadline(c, 'measure_evaluation', 'm1')[0]).toMatchObject({ dueAt: '2027-03-12T16:00:00+01:00', responsibleUserId: ids.larer });
    expect(deadline(c, 'plan_evaluation')[0]).toMatchObject({ dueAt: '2027-03-19T16:00:00+01:00', responsibleUserId: ids.rektor });

    const larerTasks = await t.as('larer').get('/api/me/tasks');
    expect(larerTasks.body.map((x: { kind: string; ref: string }) => `${x.kind}:${x.ref}`)).toEqual([
      'measure_evaluation:m1',
      'measure_evaluation:m2',
    ]);

    c = await ok(t, 'larer', c.id, 'RECORD_MEASURE', 7, { measureId: 'm1', status: 'done', note: 'Present every break this week' });
    expect(c.measureStatus).toEqual({ m1: 'done' });
    c = await ok(t, 'larer', c.id, 'START_EVALUATION', 8);
    expect(c.state).toBe('evaluating');

    t.clock.set('2027-03-12T09:00:00+01:00');
    c = await ok(t, 'rektor', c.id, 'EVALUATE', 9, {
      outcome: 'continue',
      summary: 'Better, but not yet good',
      childVoice: 'Eva says it is better when the adult is there',
      nextEvaluationAt: '2027-03-31',
    });
    expect(c.state).toBe('active');
    const planEvals = deadline(c, 'plan_evaluation');
    expect(planEvals.map((d: { status: string }) => d.status).sort()).toEqual(['met', 'pending']);
    expect(planEvals.find((d) => d.status === 'pending')?.dueAt).toBe('2027-03-31T16:00:00+02:00');

    c = await ok(t, 'rektor', c.id, 'START_EVALUATION', 10);
    c = await ok(t, 'rektor', c.id, 'EVALUATE', 11, {
      outcome: 'resolved',
      summary: 'Eva plays with the others again',
      childVoice: 'Eva says she is happy at school now',
    });
    expect(c.state).toBe('closed');
    expect(c.closedAt).toBe('2027-03-12T09:00:00+01:00');
    expect(c.deadlines.every((d: { status: string }) => d.status !== 'pending')).toBe(true);
    // Statsforvalteren and corrections may still come after closing.
    expect(c.allowedCommands).toEqual(['REOPEN', 'RAISED_WITH_PRINCIPAL', 'CORRECT_ENTRY']);
    const asLarerClosed = await t.as('larer').get(`/api/cases/${c.id}`);
    expect(asLarerClosed.body.allowedCommands).toEqual(['CORRECT_ENTRY']);

    // REOPEN keeps all history.
    c = await ok(t, 'rektor', c.id, 'REOPEN', 12, { reason: 'New incident in the SFO' });
    expect(c).toMatchObject({ state: 'investigating', closedAt: null, version: 13 });
    expect(c.plan.version).toBe(1);

    const events = await t.as('rektor').get(`/api/cases/${c.id}/events`);
    expect(events.status).toBe(200);
    expect(events.body.map((e: { seq: number }) => e.seq)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    expect(events.body.map((e: { type: string }) => e.type)).toEqual([
      'CASE_OPENED',
      'ACKNOWLEDGE',
      'ADD_NOTE',
      'RECORD_CHILD_VOICE',
      'CONCLUDE_INVESTIGATION',
      'SUBMIT_PLAN',
      'APPROVE_PLAN',
      'RECORD_MEASURE',
      'START_EVALUATION',
      'EVALUATE',
      'START_EVALUATION',
      'EVALUATE',
      'REOPEN',
    ]);
    expect(events.body[0]).toMatchObject({ actor: { userId: ids.larer, role: 'staff' }, payload: { source: 'child_told' } });
  });

  it('refuses a plan missing any legal element with 422 per field, writing nothing', async () => {
    let c = await open(t, 'larer', schoolConcern({ childSaysUnsafe: false }));
    c = await ok(t, 'rektor', c.id, 'ACKNOWLEDGE', 1);
    c = await ok(t, 'rektor', c.id, 'CONCLUDE_INVESTIGATION', 2, { outcome: 'not_safe', summary: 's', bestInterest: 'b' });
    const today = '2027-03-12';
    const base = planFor(ids.larer, {
      evaluateAt: '2027-04-01',
      measures: [{ ...planFor(ids.larer).measures[0], evaluateAt: '2027-03-30' }],
    });
    const measure = base.measures[0] as Record<string, unknown>;
    const cases: Array<[string, Record<string, unknown>]> = [
      ['plan.problem', { ...base, problem: '' }],
      ['plan.measures', { ...base, measures: [] }],
      ['plan.measures[0].description', { ...base, measures: [{ ...measure, description: undefined }] }],
      ['plan.measures[0].when', { ...base, measures: [{ ...measure, when: ' ' }] }],
      ['plan.measures[0].responsibleUserId', { ...base, measures: [{ ...measure, responsibleUserId: undefined }] }],
      ['plan.measures[0].evaluateAt', { ...base, measures: [{ ...measure, evaluateAt: undefined }] }],
      ['plan.evaluateAt', { ...base, evaluateAt: undefined }],
      ['plan.evaluateAt', { ...base, evaluateAt: '2027-03-01' }],
      [
        'plan.measures[0].responsibleUserId',
        { ...base, measures: [{ ...measure, responsibleUserId: 'd0000000-0000-4000-8000-00000000ffff' }] },
      ],
    ];
    for (const [field, plan] of cases) {
      const res = await t.as('larer').command(c.id, 'SUBMIT_PLAN', 3, { plan });
      expect({ field, status: res.status }).toEqual({ field, status: 422 });
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    }
    expect(today < '2027-04-01').toBe(true);
    const after = await t.as('rektor').get(`/api/cases/${c.id}`);
    expect(after.body).toMatchObject({ version: 3, state: 'planning', plan: null });
    const events = await t.as('rektor').get(`/api/cases/${c.id}/events`);
    expect(events.body).toHaveLength(3);
  });
});
