import { deadline, EVA, ids, ok, open, schoolConcern } from '../harness/flows';
import { children, startTestApp, TestApp, user } from '../harness/test-app';

/** PPT at escalation (docs/domain.md §4): anonymous, or named with consent; access ends with the consent. */
describe('PPT', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-01T09:30:00+01:00' });
  });
  afterAll(() => t.close());

  /** Every child id, name and name part of the demo organisation, found anywhere in a response (names as whole words). */
  const leaks = (json: unknown) => {
    const text = JSON.stringify(json).toLowerCase();
    return children.flatMap((c) => [
      ...(text.includes(c.id) ? [c.id] : []),
      ...[c.name, ...c.name.split(' ')].filter((n) => new RegExp(`\\b${n.toLowerCase()}\\b`, 'u').test(text)),
    ]);
  };

  it('sees nothing before a request; anonymously, no child name or id anywhere; advice is recorded as PPT’s', async () => {
    let c = await open(
      t,
      'larer',
      schoolConcern({ concern: 'Eva Nordmann is pushed around by Ola Hansen in the breaks.', childIds: [EVA] }),
    );
    expect((await t.as('ppt').get(`/api/cases/${c.id}`)).status).toBe(404);
    expect((await t.as('ppt').get('/api/cases')).body.items).toEqual([]);

    const missing = await t
      .as('rektor')
      .command(c.id, 'REQUEST_PPT', 1, { question: 'How can the class work on inclusion?', anonymous: true });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'anonymousSummary' })]);
    c = await ok(t, 'rektor', c.id, 'REQUEST_PPT', 1, {
      question: 'How can the class work on inclusion and stop the exclusion in breaks?',
      anonymous: true,
      anonymousSummary: 'A pupil in year 5 is excluded and pushed in the breaks by classmates.',
    });
    expect(deadline(c, 'ppt_advice')[0]).toMatchObject({ responsibleUserId: user('ppt').id, status: 'pending' });
    // Some more case work with names in it, which PPT must not see.
    c = await ok(t, 'larer', c.id, 'ADD_NOTE', 2, { kind: 'observation', text: 'Ola Hansen pushed Eva Nordmann at the swings' });
    // A consent's scope is the school's free text too.
    c = await ok(t, 'rektor', c.id, 'RECORD_CONSENT', 3, {
      service: 'helsestasjon',
      givenBy: 'Eva Nordmann’s mother',
      form: 'written',
      scope: 'Eva Nordmann’s sleep, to the health nurse',
      givenAt: '2027-03-01T09:00:00+01:00',
    });
    expect((await t.as('rektor').get(`/api/cases/${c.id}`)).body.bti.consents).toEqual([
      expect.objectContaining({ service: 'helsestasjon', scope: 'Eva Nordmann’s sleep, to the health nurse' }),
    ]);

    const list = (await t.as('ppt').get('/api/cases')).body;
    const detail = (await t.as('ppt').get(`/api/cases/${c.id}`)).body;
    const history = (await t.as('ppt').get(`/api/cases/${c.id}/events`)).body;
    const bti = (await t.as('ppt').get(`/api/cases/${c.id}/bti-log`)).body;
    const tasks = (await t.as('ppt').get('/api/me/tasks')).body;
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([c.id]);
    expect(detail).toMatchObject({
      childIds: [],
      concern: 'A pupil in year 5 is excluded and pushed in the breaks by classmates.',
      ppt: { anonymous: true },
    });
    expect(history.map((e: { type: string }) => e.type)).toEqual(['REQUEST_PPT']);
    expect(tasks).toEqual([expect.objectContaining({ caseId: c.id, kind: 'ppt_advice' })]);
    for (const response of [list, detail, history, bti, tasks]) expect(leaks(response)).toEqual([]);
    // The principal still sees everything.
    expect(leaks((await t.as('rektor').get(`/api/cases/${c.id}`)).body)).toContain(EVA);

    // PPT advises; it is recorded as PPT's; PPT changes nothing else.
    expect(detail.bti.consents).toEqual([expect.objectContaining({ service: 'helsestasjon', scope: null })]);
    expect((await t.as('ppt').command(c.id, 'ADD_NOTE', 4, { kind: 'other', text: 'x' })).status).toBe(403);
    const advised = await ok(t, 'ppt', c.id, 'PPT_ADVICE', 4, {
      text: 'Work with the whole class; adults present in breaks.',
      part: 'advice',
    });
    expect(leaks(advised)).toEqual([]);
    const events = (await t.as('rektor').get(`/api/cases/${c.id}/events`)).body;
    expect(events.at(-1)).toMatchObject({ type: 'PPT_ADVICE', actor: { userId: user('ppt').id, role: 'ppt' } });
    expect(deadline((await t.as('rektor').get(`/api/cases/${c.id}`)).body, 'ppt_advice')[0].status).toBe('met');
    // Other roles cannot send PPT's advice.
    expect((await t.as('rektor').command(c.id, 'PPT_ADVICE', 5, { text: 'x' })).status).toBe(403);
  });

  it('named: needs consent for ppt; with it PPT sees the case; after withdrawal 404 and the history says so', async () => {
    let c = await open(t, 'larer', schoolConcern());
    const refused = await t.as('rektor').command(c.id, 'REQUEST_PPT', 1, { question: 'Assess Eva’s needs', anonymous: false });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/pptMayTakePart|consent/);

    c = await ok(t, 'rektor', c.id, 'RECORD_CONSENT', 1, {
      service: 'ppt',
      givenBy: 'Eva’s parents',
      form: 'written',
      scope: 'to PPT',
      givenAt: '2027-03-01T09:00:00+01:00',
    });
    c = await ok(t, 'rektor', c.id, 'REQUEST_PPT', 2, { question: 'Assess Eva’s needs', anonymous: false });
    const seen = (await t.as('ppt').get(`/api/cases/${c.id}`)).body;
    expect(seen).toMatchObject({ childIds: [EVA], ppt: { anonymous: false } });
    expect((await t.as('ppt').get(`/api/cases/${c.id}/events`)).body.length).toBeGreaterThan(2);

    c = await ok(t, 'rektor', c.id, 'WITHDRAW_CONSENT', 3, { service: 'ppt', reason: 'The parents withdrew it' });
    expect((await t.as('ppt').get(`/api/cases/${c.id}`)).status).toBe(404);
    expect((await t.as('ppt').get(`/api/cases/${c.id}/events`)).status).toBe(404);
    expect((await t.as('ppt').get('/api/cases')).body.items.map((x: { id: string }) => x.id)).not.toContain(c.id);
    const history = (await t.as('rektor').get(`/api/cases/${c.id}/events`)).body.map((e: { type: string }) => e.type);
    expect(history.slice(-2)).toEqual(['WITHDRAW_CONSENT', 'PPT_ACCESS_ENDED']);
    expect(ids.rektor).toBeTruthy();
  });

  it('an anonymous request cannot be found by child: the filters are no oracle, the group’s step is not shown', async () => {
    const { groups } = await import('../harness/test-app');
    // Its own database: the other tests count on PPT seeing nothing before they ask.
    const t = await startTestApp({ now: '2027-03-01T09:30:00+01:00' });
    const eva = children.find((x) => x.id === EVA)!;
    const group = groups.find((g) => g.id === eva.groupId)!;
    // The group's Omni step is assessed, so a view that showed it would point at the group.
    expect((await t.as('larer').post(`/api/groups/${group.id}/staircase`, { step: 3, basis: 'Uro i klassen' })).status).toBe(201);
    const c = await open(t, 'larer', schoolConcern({ childIds: [EVA] }));
    await ok(t, 'rektor', c.id, 'REQUEST_PPT', 1, {
      question: 'Advice for the class?',
      anonymous: true,
      anonymousSummary: 'A pupil in year 5 is left out.',
    });
    const ids = (path: string) =>
      t
        .as('ppt')
        .get(path)
        .then((r) => r.body.items.map((x: { id: string }) => x.id));
    expect(await ids('/api/cases')).toContain(c.id);
    // The same (empty) answer for the child it is about, any other child, and a made-up id.
    for (const child of [...children.map((x) => x.id), '00000000-0000-4000-8000-000000000000']) {
      expect(await ids(`/api/cases?childId=${child}`)).not.toContain(c.id);
    }
    expect((await t.as('ppt').get(`/api/cases/${c.id}`)).body).toMatchObject({
      groupId: null,
      childIds: [],
      staircaseStep: null,
      suggestions: [],
    });
    // The principal's filter still finds it.
    expect(
      await t
        .as('rektor')
        .get(`/api/cases?childId=${EVA}`)
        .then((r) => r.body.items.map((x: { id: string }) => x.id)),
    ).toContain(c.id);
    await t.close();
  });
});
