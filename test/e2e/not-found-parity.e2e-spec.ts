import { randomUUID } from 'node:crypto';
import { signDevToken } from '../../libs/identity/src';
import { DEMO_GROUPS, DEMO_OWNER, DEMO_UNITS, DEMO_USERNAMES, demoUser } from '../../libs/persistence/src/seed/demo-data';
import { EMMA, JONAS, open, schoolConcern } from '../harness/flows';
import { startTestApp, TestApp } from '../harness/test-app';

/**
 * "Not there" and "not yours" must be the same answer, or a status code tells a user that a case,
 * unit or owner exists. Generated over the API's own OpenAPI document: every operation with a path
 * parameter × every user (the demo users and a principal of another municipality) × each existing
 * resource that user cannot see, compared with a random id. Resources the user can see are tried
 * too, and must never give a 5xx.
 */
type Kind = 'caseId' | 'unitId' | 'ownerId' | 'groupId' | 'notificationId' | 'holidayId' | 'entryId';

describe('not found and not yours answer alike on every endpoint', () => {
  let t: TestApp;
  const other = {
    owner: randomUUID(),
    unit: randomUUID(),
    group: randomUUID(),
    child: randomUUID(),
    user: randomUUID(),
    holiday: randomUUID(),
  };
  const resources: Record<Kind, string[]> = {
    caseId: [],
    unitId: [],
    ownerId: [],
    groupId: [],
    notificationId: [],
    holidayId: [],
    entryId: [],
  };
  const users = [...DEMO_USERNAMES, 'annen-rektor'];

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-01T09:30:00+01:00' });
    const sql = await t.sql();
    await sql.query(`INSERT INTO owners(id, name) VALUES ($1, 'Annen kommune')`, [other.owner]);
    await sql.query(`INSERT INTO units(id, owner_id, name, kind) VALUES ($1, $2, 'Annen skole', 'school')`, [other.unit, other.owner]);
    await sql.query(`INSERT INTO groups(id, unit_id, name) VALUES ($1, $2, '6C')`, [other.group, other.unit]);
    await sql.query(`INSERT INTO children(id, unit_id, group_id, name) VALUES ($1, $2, $3, 'Kari Annen')`, [
      other.child,
      other.unit,
      other.group,
    ]);
    await sql.query(`INSERT INTO users(id, username, display_name, owner_id) VALUES ($1, 'annen-rektor', 'Rektor Annen', $2)`, [
      other.user,
      other.owner,
    ]);
    await sql.query(`INSERT INTO user_roles(id, user_id, role, owner_id, unit_id) VALUES ($1, $2, 'principal', $3, $4)`, [
      randomUUID(),
      other.user,
      other.owner,
      other.unit,
    ]);
    await sql.query(
      `INSERT INTO school_holidays(id, owner_id, unit_id, from_date, to_date, name, created_at) VALUES ($1, $2, NULL, '2027-10-04', '2027-10-08', 'Høstferie', now())`,
      [other.holiday, other.owner],
    );
    await t.addUser('annen-rektor');
    const demoHoliday = await t
      .as('kommune')
      .post(`/api/owners/${DEMO_OWNER.id}/school-holidays`, { holidays: [{ from: '2027-10-04', to: '2027-10-08', name: 'Høstferie' }] });

    const school = await open(t, 'larer', schoolConcern());
    const leadership = await open(
      t,
      'larer',
      schoolConcern({ staffOffender: true, offenderIsLeadership: true, concern: 'The deputy head shouted' }),
    );
    const kindergarten = await open(t, 'ansatt', { unitId: DEMO_UNITS.demoBarnehage.id, childIds: [EMMA], concern: 'c', source: 'other' });
    const nabo = await open(t, 'larer2', { unitId: DEMO_UNITS.naboSkole.id, childIds: [JONAS], concern: 'c', source: 'other' });
    const elsewhere = await open(t, 'annen-rektor', { unitId: other.unit, childIds: [other.child], concern: 'c', source: 'other' });
    resources.caseId = [school.id, leadership.id, kindergarten.id, nabo.id, elsewhere.id];
    resources.unitId = [...Object.values(DEMO_UNITS).map((u) => u.id), other.unit];
    resources.ownerId = [DEMO_OWNER.id, other.owner];
    resources.groupId = [DEMO_GROUPS[0].id, DEMO_GROUPS[3].id, DEMO_GROUPS[5].id, other.group];
    resources.holidayId = [demoHoliday.body[0].id, other.holiday];
    // Each concern is a journal entry of its case (the archive's journalpost).
    resources.entryId = (await sql.query('SELECT id FROM journal_entries WHERE case_id = ANY($1::uuid[])', [resources.caseId])).rows.map(
      (r: { id: string }) => r.id,
    );
    const note = async (userId: string, ownerId: string, unitId: string, caseId: string) => {
      const id = randomUUID();
      await sql.query(
        `INSERT INTO notifications(id, dedupe_key, user_id, owner_id, unit_id, case_id, kind, created_at, email_status) VALUES ($1::uuid, $1::text, $2, $3, $4, $5, 'deadline_reminder', now(), 'none')`,
        [id, userId, ownerId, unitId, caseId],
      );
      return id;
    };
    resources.notificationId = [
      await note(demoUser('rektor').id, DEMO_OWNER.id, DEMO_UNITS.demoSkole.id, school.id),
      await note(other.user, other.owner, other.unit, elsewhere.id),
    ];
  });
  afterAll(() => t.close());

  /** Whether this user can see the resource at all: its own read answers 200. */
  async function sees(user: string, kind: Kind, id: string): Promise<boolean> {
    const as = t.as(user);
    switch (kind) {
      case 'caseId':
        return (await as.get(`/api/cases/${id}`)).status === 200;
      case 'unitId':
        return (await as.get(`/api/units/${id}`)).status === 200;
      case 'ownerId':
        return (await as.get(`/api/owners/${id}/school-holidays`)).status === 200;
      case 'groupId':
        return (await as.get(`/api/groups/${id}/staircase`)).status === 200;
      case 'notificationId':
        return (await as.get('/api/me/notifications')).body.items?.some((n: { id: string }) => n.id === id) ?? false;
      case 'holidayId':
        throw new Error('a holiday is seen through its owner');
      case 'entryId': {
        const { rows } = await t.sql().then((c) => c.query('SELECT case_id FROM journal_entries WHERE id = $1', [id]));
        return (await as.get(`/api/cases/${rows[0].case_id}/journal`)).status === 200;
      }
    }
  }

  it('is generated from the OpenAPI document', async () => {
    const doc = (await t.http().get('/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => ({ method, path })));
    const withParams = operations.filter((o) => /\{\w+\}/.test(o.path));
    expect(withParams.length).toBeGreaterThanOrEqual(25);
    const tokens = new Map(await Promise.all(users.map(async (u) => [u, await signDevToken(u)] as const)));

    const call = async (user: string, method: string, path: string) => {
      const req = t
        .http()
        [method as 'get'](path)
        .set('Authorization', `Bearer ${tokens.get(user)}`);
      return method === 'get' || method === 'delete' ? req : req.set('Content-Type', 'application/json').send('{}');
    };
    const mismatches: string[] = [];
    let compared = 0;
    for (const op of withParams) {
      const params = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as Kind);
      // The parameter under test is the last one; the ones before it name the user's own owner.
      const tested = params[params.length - 1];
      for (const user of users) {
        const ownOwner = user === 'annen-rektor' ? other.owner : DEMO_OWNER.id;
        const build = (id: string) => op.path.replace(/\{(\w+)\}/g, (_, p: string) => (p === tested ? id : ownOwner));
        const random = await call(user, op.method, build(randomUUID()));
        expect(random.status).toBeLessThan(500);
        for (const id of resources[tested]) {
          const visible =
            tested === 'holidayId'
              ? (user === 'annen-rektor') === (id === other.holiday) && (await sees(user, 'ownerId', ownOwner))
              : await sees(user, tested, id);
          // What the user may see is only read here: this test changes nothing that is theirs.
          if (visible && op.method !== 'get') continue;
          const res = await call(user, op.method, build(id));
          expect(res.status).toBeLessThan(500);
          if (visible) continue;
          compared++;
          if (res.status !== random.status)
            mismatches.push(
              `${op.method.toUpperCase()} ${op.path} as ${user}, ${tested} not theirs: ${res.status}, random: ${random.status}`,
            );
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(300);
  }, 240_000);
});
