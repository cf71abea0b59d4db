import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { deadline, JONAS, open, schoolConcern } from '../harness/flows';
import { startTestApp, TestApp, units } from '../harness/test-app';
import { DEMO_OWNER } from '../../libs/persistence/src/seed/demo-data';
import { DEFAULT_DEADLINE_POLICY } from '../../libs/workflow/src';

/** The owner's deadline policy and school holidays: validated, versioned, applied to new deadlines only. */
describe('per-owner deadline policy and school holidays', () => {
  let t: TestApp;
  const policyUrl = `/api/owners/${DEMO_OWNER.id}/deadline-policy`;
  const holidaysUrl = `/api/owners/${DEMO_OWNER.id}/school-holidays`;
  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-01T09:30:00+01:00' }); // a Monday
  });
  afterAll(() => t.close());

  const { version: _v, ...defaults } = DEFAULT_DEADLINE_POLICY;
  const policy = (over: Record<string, unknown> = {}) => ({ expectedVersion: 1, ...defaults, ...over });

  it('reads the defaults, marked as policy and not law', async () => {
    const res = await t.as('rektor').get(policyUrl);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      ownerId: DEMO_OWNER.id,
      version: 1,
      isDefault: true,
      acknowledgeSchoolDays: 1,
      escalateToOwnerSchoolDays: 3,
    });
    expect(res.body.notice).toMatch(/not law/);
    expect((await t.as('rektor').get(`/api/owners/${randomUUID()}/deadline-policy`)).status).toBe(404);
    expect((await t.as('drift').get(policyUrl)).status).toBe(404);
  });

  it('refuses changes from anyone but the owner, and bad values with the field and rule', async () => {
    const byPrincipal = await t.as('rektor').put(policyUrl, policy());
    expect(byPrincipal.status).toBe(403);
    const bad = await t
      .as('kommune')
      .put(policyUrl, policy({ schoolDayEndsAt: '25:00', acknowledgeSchoolDays: 0, investigationSchoolDays: 'five', extra: 1 }));
    expect(bad.status).toBe(422);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    const fields = bad.body.errors.map((e: { field: string }) => e.field);
    // An unknown property is reported on the object that holds it, without repeating its name.
    expect(fields).toEqual(expect.arrayContaining(['schoolDayEndsAt', 'acknowledgeSchoolDays', 'investigationSchoolDays', '(body)']));
    expect(JSON.stringify(bad.body)).not.toContain('extra');
    const ladder = await t.as('kommune').put(policyUrl, policy({ escalateToPrincipalSchoolDays: 3, escalateToOwnerSchoolDays: 2 }));
    expect(ladder.status).toBe(422);
    expect(ladder.body.errors).toEqual([expect.objectContaining({ field: 'escalateToOwnerSchoolDays' })]);
    const stale = await t.as('kommune').put(policyUrl, policy({ expectedVersion: 7 }));
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ version: 1 });
    expect((await t.as('rektor').get(policyUrl)).body.version).toBe(1);
  });

  it('the default language: bokmål until the owner chooses; validated, versioned, a stale change is 409', async () => {
    const url = `/api/owners/${DEMO_OWNER.id}/language`;
    expect((await t.as('larer').get(url)).body).toMatchObject({ defaultLanguage: 'nb', version: 1, isDefault: true });
    expect((await t.as('rektor').put(url, { expectedVersion: 1, defaultLanguage: 'nn' })).status).toBe(403);
    const bad = await t.as('kommune').put(url, { expectedVersion: 1, defaultLanguage: 'en' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'defaultLanguage', message: expect.stringMatching(/nb, nn/) })]);
    const chosen = await t.as('kommune').put(url, { expectedVersion: 1, defaultLanguage: 'nn' });
    expect(chosen.status).toBe(200);
    expect(chosen.body).toMatchObject({ defaultLanguage: 'nn', version: 2, isDefault: false, changedBy: expect.any(String) });
    const stale = await t.as('kommune').put(url, { expectedVersion: 1, defaultLanguage: 'nb' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ version: 2 });
    // Everyone working for the owner reads it (the web app applies it to whoever has not chosen); others do not.
    expect((await t.as('ppt').get(url)).body.defaultLanguage).toBe('nn');
    expect((await t.as('drift').get(url)).status).toBe(404);
    await t.as('kommune').put(url, { expectedVersion: 2, defaultLanguage: 'nb' });
  });

  it('labels the history in nynorsk for a reader who asks for it first; bokmål otherwise', async () => {
    const c = await open(t, 'larer', schoolConcern());
    const nn = await t.as('rektor').get(`/api/cases/${c.id}/events`).set('Accept-Language', 'nn, nb;q=0.8');
    expect(nn.body[0].label).toBe('Melde frå: bekymring meld til rektor/styrar');
    const nb = await t.as('rektor').get(`/api/cases/${c.id}/events`);
    expect(nb.body[0].label).toBe('Melde fra: bekymring meldt til rektor/styrer');
  });

  it('a new policy applies to new deadlines; running ones keep theirs', async () => {
    const before = await open(t, 'larer', schoolConcern());
    expect(deadline(before, 'acknowledge')[0]).toMatchObject({
      dueAt: '2027-03-02T16:00:00+01:00',
      reminderAt: '2027-03-01T16:00:00+01:00',
    });

    const changed = await t.as('kommune').put(policyUrl, policy({ acknowledgeSchoolDays: 2, reminderSchoolDaysBefore: 0 }));
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ version: 2, isDefault: false, acknowledgeSchoolDays: 2, changedBy: expect.any(String) });

    const after = await open(t, 'larer', schoolConcern());
    expect(deadline(after, 'acknowledge')[0]).toMatchObject({ dueAt: '2027-03-03T16:00:00+01:00', reminderAt: null });
    const kept = (await t.as('rektor').get(`/api/cases/${before.id}`)).body;
    expect(deadline(kept, 'acknowledge')[0].dueAt).toBe('2027-03-02T16:00:00+01:00');
    // Each deadline records the policy version it was computed with, for supervision.
    const versions = await t.app
      .get(DataSource)
      .query(`SELECT case_id, policy_version FROM deadlines WHERE kind = 'acknowledge' AND case_id = ANY($1::uuid[])`, [
        [before.id, after.id],
      ]);
    expect(Object.fromEntries(versions.map((r: { case_id: string; policy_version: number }) => [r.case_id, r.policy_version]))).toEqual({
      [before.id]: 1,
      [after.id]: 2,
    });
  });

  it('school holidays uploaded for one unit move that unit’s new deadlines only', async () => {
    const bad = await t.as('kommune').post(holidaysUrl, {
      holidays: [
        { from: '2027-03-05', to: '2027-03-02', name: 'x' },
        { from: '2027-03-02', to: '2027-03-05', name: 'y', unitId: randomUUID() },
      ],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['holidays[0].to', 'holidays[1].unitId']);
    expect(
      (await t.as('rektor').post(holidaysUrl, { holidays: [{ from: '2027-03-02', to: '2027-03-05', name: 'Vinterferie' }] })).status,
    ).toBe(403);

    const added = await t
      .as('kommune')
      .post(holidaysUrl, { holidays: [{ from: '2027-03-02', to: '2027-03-05', name: 'Vinterferie', unitId: units.demoSkole.id }] });
    expect(added.status).toBe(201);
    expect((await t.as('rektor').get(holidaysUrl)).body).toEqual([
      expect.objectContaining({ from: '2027-03-02', to: '2027-03-05', name: 'Vinterferie', unitId: units.demoSkole.id }),
    ]);

    // Policy is now 2 school days: Demo skole skips its winter break, Nabo skole does not.
    const here = await open(t, 'larer', schoolConcern());
    expect(deadline(here, 'acknowledge')[0].dueAt).toBe('2027-03-09T16:00:00+01:00');
    const there = await open(t, 'larer2', schoolConcern({ unitId: units.naboSkole.id, childIds: [JONAS] }));
    expect(deadline(there, 'acknowledge')[0].dueAt).toBe('2027-03-03T16:00:00+01:00');

    expect((await t.as('kommune').delete(`${holidaysUrl}/${added.body[0].id}`)).status).toBe(204);
    expect((await t.as('kommune').delete(`${holidaysUrl}/${added.body[0].id}`)).status).toBe(404);
    expect((await t.as('kommune').get(holidaysUrl)).body).toEqual([]);
  });
});
