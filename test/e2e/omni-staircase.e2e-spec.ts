import { randomUUID } from 'node:crypto';
import { EVA, ids, ok, open, planFor, schoolConcern } from '../harness/flows';
import { groups, startTestApp, TestApp } from '../harness/test-app';
import { DEMO_OWNER } from '../../libs/persistence/src/seed/demo-data';

/** Omni-trappa per group, the FFSS warning on plans, and the owner's suggestions (decision support, policy). */
describe('Omni-trappa, FFSS and suggestions', () => {
  let t: TestApp;
  const g5A = groups.find((g) => g.name === '5A')!.id; // Eva's group
  const g5B = groups.find((g) => g.name === '5B')!.id;
  const blabaer = groups.find((g) => g.name === 'Blåbær')!.id;
  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-01T09:30:00+01:00' });
  });
  afterAll(() => t.close());

  it('a group has its own staircase history, assessed by its unit, read by owner and auditor', async () => {
    expect((await t.as('rektor').get(`/api/groups/${g5B}/staircase`)).body).toMatchObject({ name: '5B', currentStep: null, history: [] });
    const first = await t.as('larer').post(`/api/groups/${g5B}/staircase`, { step: 2, basis: 'Autumn survey: some name-calling' });
    expect(first.status).toBe(201);
    t.clock.advance(60_000);
    const second = await t.as('rektor').post(`/api/groups/${g5B}/staircase`, { step: 1, basis: 'Spring: calm' });
    expect(second.body).toMatchObject({ currentStep: 1, currentLabel: 'Trygt, godt og inkluderende miljø' });
    expect(second.body.history.map((h: { step: number }) => h.step)).toEqual([1, 2]);
    expect((await t.as('kommune').get(`/api/groups/${g5B}/staircase`)).body.history).toHaveLength(2);
    expect((await t.as('revisor').get(`/api/groups/${g5B}/staircase`)).status).toBe(200);

    // Outside the unit: not found; reading roles cannot assess; bad input names the field.
    expect((await t.as('larer2').get(`/api/groups/${g5B}/staircase`)).status).toBe(404);
    expect((await t.as('styrer').post(`/api/groups/${g5B}/staircase`, { step: 1, basis: 'x' })).status).toBe(404);
    expect((await t.as('kommune').post(`/api/groups/${g5B}/staircase`, { step: 1, basis: 'x' })).status).toBe(403);
    expect((await t.as('ansatt').get(`/api/groups/${blabaer}/staircase`)).status).toBe(200);
    const bad = await t.as('larer').post(`/api/groups/${g5B}/staircase`, { step: 6, basis: '' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['basis', 'step']);
    expect((await t.as('larer').get(`/api/groups/${randomUUID()}/staircase`)).status).toBe(404);
  });

  it('in a case: assessed while investigating, warns on a plan without stoppe/stotte, and suggests by step', async () => {
    let c = await open(t, 'larer', schoolConcern({ groupId: g5A }));
    expect(c).toMatchObject({ staircaseStep: null, suggestions: [] });
    c = await ok(t, 'rektor', c.id, 'ACKNOWLEDGE', 1);
    expect(c.allowedCommands).toContain('ASSESS_STAIRCASE');

    const wrongGroup = await t.as('rektor').command(c.id, 'ASSESS_STAIRCASE', 2, { groupId: blabaer, step: 3, basis: 'b' });
    expect(wrongGroup.status).toBe(422);
    expect(wrongGroup.body.errors).toEqual([expect.objectContaining({ field: 'groupId' })]);

    c = await ok(t, 'larer', c.id, 'ASSESS_STAIRCASE', 2, { groupId: g5A, step: 4, basis: 'The class laughs along; nobody intervenes' });
    expect(c.staircaseStep).toBe(4);
    // Step 4 or higher: the default guidance suggests MARK_SERIOUS and BTI level 2 or higher.
    expect(c.suggestions.map((s: { code: string }) => s.code)).toEqual(['MARK_SERIOUS', 'BTI_LEVEL_2_OR_HIGHER']);
    expect(c.suggestions[0].basis).toMatch(/policy/);
    const history = (await t.as('rektor').get(`/api/groups/${g5A}/staircase`)).body;
    expect(history.history[0]).toMatchObject({ step: 4, caseId: c.id });

    // Done what it suggests → that suggestion goes away.
    c = await ok(t, 'rektor', c.id, 'MARK_SERIOUS', 3, { reason: 'Collective bullying in 5A' });
    expect(c.suggestions.map((s: { code: string }) => s.code)).toEqual(['BTI_LEVEL_2_OR_HIGHER']);

    c = await ok(t, 'larer', c.id, 'RECORD_CHILD_VOICE', 4, {
      childId: EVA,
      heardAt: '2027-03-01T10:00:00+01:00',
      heardBy: 'Lærer Larsen',
      summary: 'Eva is afraid',
    });
    c = await ok(t, 'rektor', c.id, 'CONCLUDE_INVESTIGATION', 5, { outcome: 'not_safe', summary: 's', bestInterest: 'b' });

    // A plan that only promotes and prevents, for a group at step 4: accepted, with a warning.
    const soft = planFor(ids.larer);
    soft.measures = soft.measures.map((m) => ({ ...m, ffss: 'fremme' }));
    const submitted = await t.as('larer').command(c.id, 'SUBMIT_PLAN', 6, { plan: soft });
    expect(submitted.status).toBe(200);
    expect(submitted.body.state).toBe('awaiting_approval');
    expect(submitted.body.warnings).toEqual([
      expect.objectContaining({ code: 'FFSS_NO_STOPPE_OR_STOTTE', basis: expect.stringMatching(/policy/) }),
    ]);
    c = await ok(t, 'rektor', c.id, 'RETURN_PLAN', 7, { reason: 'Add a measure that stops it' });

    // With a stoppe measure: no warning.
    const firm = await t.as('larer').command(c.id, 'SUBMIT_PLAN', 8, { plan: planFor(ids.larer) });
    expect(firm.body.warnings).toBeUndefined();
    c = await ok(t, 'rektor', c.id, 'APPROVE_PLAN', 9);
    c = await ok(t, 'rektor', c.id, 'START_EVALUATION', 10);

    // Reassessed at the evaluation: step 2 → the suggestions disappear.
    c = await ok(t, 'larer', c.id, 'ASSESS_STAIRCASE', 11, { groupId: g5A, step: 2, basis: 'Better after the measures' });
    expect(c).toMatchObject({ staircaseStep: 2, suggestions: [] });
    // Not in other states: the machine refuses it with 409.
    const active = await open(t, 'larer', schoolConcern({ groupId: g5A }));
    const refused = await t.as('larer').command(active.id, 'ASSESS_STAIRCASE', 1, { groupId: g5A, step: 3, basis: 'b' });
    expect(refused.status).toBe(409);
  });

  it('the owner sets the guidance: the FFSS threshold and the suggestion rules', async () => {
    const url = `/api/owners/${DEMO_OWNER.id}/guidance`;
    const current = (await t.as('rektor').get(url)).body;
    expect(current).toMatchObject({ version: 1, isDefault: true, ffssWarningFromStep: 3 });
    expect(current.notice).toMatch(/never law/);
    expect((await t.as('rektor').put(url, { expectedVersion: 1, ffssWarningFromStep: 2, rules: [] })).status).toBe(403);
    const bad = await t
      .as('kommune')
      .put(url, { expectedVersion: 1, ffssWarningFromStep: 9, rules: [{ whenStepAtLeast: 2, suggest: ['PANIC'] }] });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['ffssWarningFromStep', 'rules[0].suggest']);
    const changed = await t
      .as('kommune')
      .put(url, { expectedVersion: 1, ffssWarningFromStep: 2, rules: [{ whenStepAtLeast: 2, suggest: ['INVOLVE_PPT'] }] });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ version: 2, isDefault: false });
    expect((await t.as('kommune').put(url, { expectedVersion: 1, ffssWarningFromStep: 3, rules: [] })).status).toBe(409);

    // 5A now stands at 2: the new rule suggests PPT on its cases.
    const c = await open(t, 'larer', schoolConcern({ groupId: g5A }));
    expect(c.suggestions.map((s: { code: string }) => s.code)).toEqual(['INVOLVE_PPT']);
    // A case without a group takes its children's groups (Eva is in 5A).
    const noGroup = await open(t, 'larer', schoolConcern());
    expect(noGroup.staircaseStep).toBe(2);
  });
});
