import { open, schoolConcern } from '../harness/flows';
import { startTestApp, TestApp, user } from '../harness/test-app';

/**
 * The user and roles behind a request are reused for a short while (the API reads them once per
 * user per `userCacheMs`, default 5 s): a role taken away stops working within that bound, never later.
 */
describe('cached users and roles', () => {
  const TTL = 300;
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ userCacheMs: TTL });
  });
  afterAll(() => t.close());

  it('a principal whose role is taken away loses the case within the bound, and gets it back when it is given again', async () => {
    const c = await open(t, 'larer', schoolConcern());
    await t.as('rektor').get(`/api/cases/${c.id}`).expect(200);
    const db = await t.sql();
    const { rows } = await db.query(`DELETE FROM user_roles WHERE user_id = $1 AND role = 'principal' RETURNING *`, [user('rektor').id]);
    expect(rows).toHaveLength(1);
    await new Promise((r) => setTimeout(r, TTL + 50));
    await t.as('rektor').get(`/api/cases/${c.id}`).expect(404);
    await db.query(`INSERT INTO user_roles (id, user_id, role, owner_id, unit_id) VALUES ($1, $2, $3, $4, $5)`, [
      rows[0].id,
      rows[0].user_id,
      rows[0].role,
      rows[0].owner_id,
      rows[0].unit_id,
    ]);
    await new Promise((r) => setTimeout(r, TTL + 50));
    await t.as('rektor').get(`/api/cases/${c.id}`).expect(200);
  });
});
