import { startTestApp, TestApp, units, children } from '../harness/test-app';

describe('smoke', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('health, me, open a case', async () => {
    const h = await t.http().get('/api/health');
    expect(h.status).toBe(200);
    const me = await t.as('rektor').get('/api/me');
    expect(me.status).toBe(200);
    const res = await t.as('larer').post('/api/cases', {
      unitId: units.demoSkole.id,
      childIds: [children[0].id],
      concern: 'x',
      source: 'child_told',
      childSaysUnsafe: true,
    });
    expect(res.body).toMatchObject({ state: 'reported' });
    expect(res.status).toBe(201);
  });
});
