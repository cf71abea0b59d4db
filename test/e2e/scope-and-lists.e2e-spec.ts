import { EVA, JONAS, OLA, ok, open, schoolConcern } from '../harness/flows';
import { startTestApp, TestApp, units } from '../harness/test-app';
import { CASE_COMMAND_TYPES } from '../../libs/cases/src/commands/command.usecase';

/** Need-to-know: who sees which cases, list filters, cursor pagination and overdue items. */
describe('scope, lists and pagination', () => {
  let t: TestApp;
  const opened: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-01T09:30:00+01:00' });
    opened.evaByLarer = (await open(t, 'larer', schoolConcern())).id;
    t.clock.advance(60_000);
    opened.olaByRektor = (await open(t, 'rektor', schoolConcern({ childIds: [OLA], childSaysUnsafe: false }))).id;
    t.clock.advance(60_000);
    opened.jonas = (await open(t, 'larer2', { ...schoolConcern(), unitId: units.naboSkole.id, childIds: [JONAS] })).id;
    for (let i = 0; i < 4; i++) {
      t.clock.advance(60_000);
      opened[`extra${i}`] = (await open(t, 'rektor', schoolConcern({ childIds: [EVA], childSaysUnsafe: false }))).id;
    }
  });
  afterAll(() => t.close());

  const listIds = async (username: string, query = '') => {
    const res = await t.as(username).get(`/api/cases${query}`);
    expect(res.status).toBe(200);
    return res.body.items.map((x: { id: string }) => x.id) as string[];
  };

  it('staff see what they opened or are involved in; principals their unit; owner and auditor everything', async () => {
    expect(await listIds('larer')).toEqual([opened.evaByLarer]);
    expect((await listIds('rektor')).sort()).toEqual(
      [opened.evaByLarer, opened.olaByRektor, opened.extra0, opened.extra1, opened.extra2, opened.extra3].sort(),
    );
    expect(await listIds('rektor2')).toEqual([opened.jonas]);
    expect(await listIds('styrer')).toEqual([]);
    expect(await listIds('ppt')).toEqual([]);
    expect((await listIds('kommune')).length).toBe(7);
    expect((await listIds('revisor')).length).toBe(7);
  });

  it('a case outside scope is 404, never 403', async () => {
    for (const who of ['larer2', 'rektor2', 'styrer', 'ansatt', 'ppt']) {
      expect((await t.as(who).get(`/api/cases/${opened.evaByLarer}`)).status).toBe(404);
    }
    expect((await t.as('larer').get(`/api/cases/${opened.olaByRektor}`)).status).toBe(404);
    expect((await t.as('larer').get('/api/cases/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await t.as('larer').get('/api/cases/not-a-uuid')).status).toBe(404);
  });

  it('the auditor reads everything and can write nothing', async () => {
    const c = await t.as('revisor').get(`/api/cases/${opened.evaByLarer}`);
    expect(c.status).toBe(200);
    expect(c.body.allowedCommands).toEqual([]);
    expect((await t.as('revisor').get(`/api/cases/${opened.evaByLarer}/events`)).status).toBe(200);
    const write = await t.as('revisor').command(opened.evaByLarer, 'ADD_NOTE', 1, { kind: 'other', text: 'x' });
    expect(write.status).toBe(403);
    expect(write.body.detail).toMatch(/auditors/);
    expect((await t.as('revisor').post('/api/cases', schoolConcern())).status).toBe(403);
  });

  it('staff become involved by taking part, and then see the case', async () => {
    // rektor names larer responsible for a measure: larer then sees the case.
    expect(await listIds('larer')).not.toContain(opened.olaByRektor);
    let c = await ok(t, 'rektor', opened.olaByRektor, 'ACKNOWLEDGE', 1);
    c = await ok(t, 'rektor', c.id, 'CONCLUDE_INVESTIGATION', 2, { outcome: 'not_safe', summary: 's', bestInterest: 'b' });
    await ok(t, 'rektor', c.id, 'SUBMIT_PLAN', 3, {
      plan: {
        problem: 'p',
        evaluateAt: '2027-03-20',
        measures: [
          {
            id: 'a',
            description: 'd',
            ffss: 'stoppe',
            when: 'w',
            responsibleUserId: (await t.as('larer').get('/api/me')).body.id,
            evaluateAt: '2027-03-20',
          },
        ],
      },
    });
    expect(await listIds('larer')).toContain(opened.olaByRektor);
  });

  it('filters by unit, state and child, and pages with a cursor without gaps or repeats', async () => {
    expect(await listIds('kommune', `?unitId=${units.naboSkole.id}`)).toEqual([opened.jonas]);
    expect(await listIds('kommune', '?state=planning')).toEqual([]);
    expect(await listIds('kommune', `?childId=${OLA}`)).toEqual([opened.olaByRektor]);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; body: { items: Array<{ id: string }>; nextCursor: string | null } } = await t
        .as('kommune')
        .get(`/api/cases?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((x) => x.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(4);
    expect(new Set(seen).size).toBe(7);
    expect(seen[0]).toBe(opened.extra3); // newest first
    const bad = await t.as('kommune').get('/api/cases?cursor=nonsense');
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].field).toBe('cursor');
    const badLimit = await t.as('kommune').get('/api/cases?limit=1000');
    expect(badLimit.status).toBe(422);
    expect(badLimit.body.errors[0].field).toBe('limit');
  });

  it('filters by group (its own cases and those about its children) and leaves out closed cases with ?open=true', async () => {
    const { groups } = await import('../harness/test-app');
    const g5a = groups.find((g) => g.name === '5A')!.id; // Eva and Ola
    const g7a = groups.find((g) => g.name === '7A')!.id; // Jonas
    expect(new Set(await listIds('kommune', `?groupId=${g5a}`))).toEqual(
      new Set(
        Object.entries(opened)
          .filter(([k]) => k !== 'jonas')
          .map(([, id]) => id),
      ),
    );
    expect(await listIds('kommune', `?groupId=${g7a}`)).toEqual([opened.jonas]);
    const sql = await t.sql();
    const c = (await t.as('rektor').get(`/api/cases/${opened.extra0}`)).body;
    await ok(t, 'rektor', c.id, 'ACKNOWLEDGE', c.version);
    await ok(t, 'rektor', c.id, 'RECORD_CHILD_VOICE', c.version + 1, {
      childId: EVA,
      heardAt: '2027-03-01T09:00:00+01:00',
      heardBy: 'R',
      summary: 'ok',
    });
    await ok(t, 'rektor', c.id, 'CONCLUDE_INVESTIGATION', c.version + 2, { outcome: 'safe', summary: 's', bestInterest: 'b' });
    expect((await sql.query('SELECT state FROM cases WHERE id = $1', [c.id])).rows[0].state).toBe('closed');
    expect(await listIds('kommune', '?open=true')).not.toContain(c.id);
    expect(await listIds('kommune', '?open=false')).toContain(c.id);
    expect((await t.as('kommune').get('/api/cases?open=maybe')).status).toBe(422);
  });

  it('overdue items show on the case, in tasks, and under ?overdue=true', async () => {
    expect(await listIds('rektor2', '?overdue=true')).toEqual([]);
    t.clock.set('2027-03-02T16:30:00+01:00'); // past the end of the next school day
    expect(await listIds('rektor2', '?overdue=true')).toEqual([opened.jonas]);
    const c = await t.as('rektor2').get(`/api/cases/${opened.jonas}`);
    expect(c.body.deadlines[0]).toMatchObject({ kind: 'acknowledge', status: 'overdue' });
    const tasks = await t.as('rektor2').get('/api/me/tasks');
    expect(tasks.body[0]).toMatchObject({ caseId: opened.jonas, overdue: true, status: 'overdue' });
  });

  it('the period a case was reported in: from and to are Oslo dates, both included; a bad date is a 422 naming it', async () => {
    t.clock.set('2027-03-03T23:30:00+01:00');
    const late = (await open(t, 'rektor', schoolConcern({ childIds: [OLA], childSaysUnsafe: false }))).id;
    const on = async (query: string) => listIds('kommune', `?limit=100&${query}`);
    expect(await on('from=2027-03-03&to=2027-03-03')).toEqual([late]);
    expect(await on('from=2027-03-04')).toEqual([]);
    expect(await on('to=2027-03-02')).toEqual(expect.arrayContaining([opened.evaByLarer, opened.jonas]));
    expect(await on('to=2027-03-02')).not.toContain(late);
    const bad = await t.as('kommune').get('/api/cases?from=2027-02-30');
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'from' })]);
    const backwards = await t.as('kommune').get('/api/cases?from=2027-03-04&to=2027-03-01');
    expect(backwards.status).toBe(422);
    expect(backwards.body.errors).toEqual([expect.objectContaining({ field: 'to' })]);
  });
});

describe('identity', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('401 without or with a bad token, as problem+json', async () => {
    const none = await t.http().get('/api/me');
    expect(none.status).toBe(401);
    expect(none.headers['content-type']).toMatch(/problem\+json/);
    const bad = await t.http().get('/api/me').set('Authorization', 'Bearer abc.def.ghi');
    expect(bad.status).toBe(401);
  });

  it('/api/me, units and children within scope', async () => {
    const me = await t.as('larer').get('/api/me');
    expect(me.body).toMatchObject({ username: 'larer', roles: [{ role: 'staff', unitId: units.demoSkole.id }] });
    expect(me.body.units.map((u: { name: string }) => u.name)).toEqual(['Demo skole']);
    const all = await t.as('kommune').get('/api/units');
    expect(all.body.map((u: { name: string; kind: string }) => `${u.name}:${u.kind}`)).toEqual([
      'Demo barnehage:kindergarten',
      'Demo skole:school',
      'Nabo skole:school',
    ]);
    expect((await t.as('larer').get(`/api/units/${units.naboSkole.id}`)).status).toBe(404);
    const kids = await t.as('larer').get(`/api/units/${units.demoSkole.id}/children`);
    expect(kids.body[0]).toEqual({
      id: expect.any(String),
      unitId: units.demoSkole.id,
      groupId: expect.any(String),
      name: expect.any(String),
    });
    expect((await t.as('ppt').get(`/api/units/${units.demoSkole.id}/children`)).status).toBe(404);
  });

  it('serves the OpenAPI document and UI without a token', async () => {
    const doc = await t.http().get('/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/cases',
        '/api/cases/{caseId}',
        '/api/cases/{caseId}/commands',
        '/api/cases/{caseId}/events',
        '/api/me/tasks',
        '/api/units/{unitId}/children',
        '/api/health',
        '/api/cases/{caseId}/verify',
        '/api/cases/{caseId}/access-log',
        '/api/cases/{caseId}/export',
        '/api/units/{unitId}/supervision',
        '/api/owners/{ownerId}/supervision',
        '/api/owners/{ownerId}/retention',
        '/api/owners/{ownerId}/retention/preview',
        '/api/owners/{ownerId}/retention/run',
      ]),
    );
    expect((await t.http().get('/api/docs')).status).toBe(200);
    const schemas = doc.body.components.schemas;
    expect(schemas.CaseDto.properties).toHaveProperty('allowedCommands');
    expect(schemas.ProblemDto.properties).toHaveProperty('errors');
    const commandBody = doc.body.paths['/api/cases/{caseId}/commands'].post.requestBody.content['application/json'].schema;
    expect(Object.keys(commandBody.discriminator.mapping)).toHaveLength(CASE_COMMAND_TYPES.length);
    expect(doc.body.paths['/api/cases'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['unitId', 'state', 'overdue', 'childId', 'cursor', 'limit']),
    );
  });
});
