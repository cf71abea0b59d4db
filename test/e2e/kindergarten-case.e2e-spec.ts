import { deadline, EMMA, ids, ok, open, planFor } from '../harness/flows';
import { startTestApp, TestApp, units } from '../harness/test-app';

/** Kindergarten cases (barnehageloven §42), including a revised plan and a case found safe. */
describe('a kindergarten case (barnehageloven §42)', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Wednesday before Easter: deadlines must skip Maundy Thursday to Easter Monday.
    t = await startTestApp({ now: '2027-03-24T10:00:00+01:00' });
  });
  afterAll(() => t.close());

  const concern = (over: Record<string, unknown> = {}) => ({
    unitId: units.demoBarnehage.id,
    childIds: [EMMA],
    concern: 'Emma is left out of play by the same three children every day.',
    source: 'staff_observation',
    ...over,
  });

  it('runs through plan, revision to version 2 and closing, with deadlines across Easter', async () => {
    let c = await open(t, 'ansatt', concern());
    expect(c).toMatchObject({ regime: 'kindergarten', legalBasis: ['barnehageloven §42'], childSaysUnsafe: false });
    expect(deadline(c, 'acknowledge')[0]).toMatchObject({ dueAt: '2027-03-30T16:00:00+02:00', responsibleUserId: ids.styrer });

    c = await ok(t, 'styrer', c.id, 'ACKNOWLEDGE', 1);
    expect(deadline(c, 'investigation')[0].dueAt).toBe('2027-04-05T16:00:00+02:00');
    c = await ok(t, 'ansatt', c.id, 'RECORD_CHILD_VOICE', 2, {
      childId: EMMA,
      heardAt: '2027-03-24T11:00:00+01:00',
      heardBy: 'Ansatt Aas',
      summary: 'Emma says nobody wants to play with her',
      saysUnsafe: true,
    });
    expect(c.childSaysUnsafe).toBe(true);
    c = await ok(t, 'styrer', c.id, 'CONCLUDE_INVESTIGATION', 3, { outcome: 'not_safe', summary: 's', bestInterest: 'b' });
    c = await ok(t, 'ansatt', c.id, 'SUBMIT_PLAN', 4, {
      plan: planFor(ids.ansatt, { evaluateAt: '2027-04-20', measures: [{ ...planFor(ids.ansatt).measures[0], evaluateAt: '2027-04-15' }] }),
    });
    c = await ok(t, 'styrer', c.id, 'RETURN_PLAN', 5, { reason: 'Add how the parents take part' });
    expect(c).toMatchObject({ state: 'planning', plan: { status: 'returned', returnedReason: 'Add how the parents take part' } });
    expect(deadline(c, 'approval')[0].status).toBe('cancelled');
    expect(deadline(c, 'plan').filter((d: { status: string }) => d.status === 'pending')).toHaveLength(1);

    c = await ok(t, 'ansatt', c.id, 'SUBMIT_PLAN', 6, {
      plan: planFor(ids.ansatt, { evaluateAt: '2027-04-20', measures: [{ ...planFor(ids.ansatt).measures[0], evaluateAt: '2027-04-15' }] }),
    });
    c = await ok(t, 'styrer', c.id, 'APPROVE_PLAN', 7);
    c = await ok(t, 'styrer', c.id, 'START_EVALUATION', 8);
    c = await ok(t, 'styrer', c.id, 'EVALUATE', 9, { outcome: 'revise', summary: 'Did not help', childVoice: 'Still alone' });
    expect(c).toMatchObject({ state: 'planning', plan: null });
    expect(c.planVersions).toEqual([expect.objectContaining({ version: 1, status: 'superseded' })]);
    expect(deadline(c, 'plan').filter((d: { status: string }) => d.status === 'pending')).toHaveLength(1);

    c = await ok(t, 'ansatt', c.id, 'SUBMIT_PLAN', 10, {
      plan: planFor(ids.ansatt, {
        problem: 'Emma is left out (version 2)',
        evaluateAt: '2027-04-20',
        measures: [{ ...planFor(ids.ansatt).measures[0], evaluateAt: '2027-04-15' }],
      }),
    });
    expect(c.plan.version).toBe(2);
    c = await ok(t, 'styrer', c.id, 'APPROVE_PLAN', 11);
    c = await ok(t, 'ansatt', c.id, 'START_EVALUATION', 12);
    c = await ok(t, 'styrer', c.id, 'CLOSE', 13, { summary: 'Emma plays with others; parents agree' });
    expect(c.state).toBe('closed');
  });

  it('a concern found safe after hearing the child is closed by the principal', async () => {
    let c = await open(t, 'ansatt', concern({ childSaysUnsafe: false }));
    c = await ok(t, 'styrer', c.id, 'ACKNOWLEDGE', 1);
    const early = await t.as('styrer').command(c.id, 'CONCLUDE_INVESTIGATION', 2, { outcome: 'safe', summary: 's', bestInterest: 'b' });
    expect(early.status).toBe(409);
    expect(early.body.detail).toMatch(/RECORD_CHILD_VOICE/);
    c = await ok(t, 'styrer', c.id, 'RECORD_CHILD_VOICE', 2, {
      childId: EMMA,
      notHeardReason: 'Emma is 2 and not yet talking; observed her play over a week',
    });
    c = await ok(t, 'styrer', c.id, 'CONCLUDE_INVESTIGATION', 3, { outcome: 'safe', summary: 'Plays well with others', bestInterest: 'b' });
    expect(c).toMatchObject({ state: 'closed', investigationOutcome: 'safe' });
  });

  it('school staff cannot open a case in the kindergarten', async () => {
    const res = await t.as('larer').post('/api/cases', concern());
    expect(res.status).toBe(403);
    expect(res.body.detail).toMatch(/staff and the principal of the unit/);
  });
});
