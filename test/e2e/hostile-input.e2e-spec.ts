import fc from 'fast-check';
import request from 'supertest';
import { signDevToken } from '../../libs/identity/src';
import { DEMO_OWNER } from '../../libs/persistence/src/seed/demo-data';
import { open, schoolConcern } from '../harness/flows';
import { groups, startTestApp, TestApp } from '../harness/test-app';

/**
 * Bodies built to break a parser or a validator: nested thousands of levels deep, keys that reach
 * the prototype machinery, and a child's name typed where it does not belong. Each is a 4xx that
 * names the field and rule, and no error repeats what the client sent.
 */
describe('hostile input', () => {
  let t: TestApp;
  let caseId: string;
  const owner = DEMO_OWNER.id;
  const group = groups[0].id;
  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-01T09:30:00+01:00' });
    caseId = (await open(t, 'larer', schoolConcern())).id;
  });
  afterAll(() => t.close());

  /** As text: JSON.stringify itself cannot write 10,000 levels. */
  const nested = (depth: number): string => '{"a":['.repeat(depth / 2) + '1' + ']}'.repeat(depth / 2);
  /** Every endpoint that reads a JSON body, with the user who may call it. */
  const bodyEndpoints = (): Array<{ user: string; method: 'post' | 'put'; path: string; base: Record<string, unknown> }> => [
    { user: 'larer', method: 'post', path: '/api/cases', base: schoolConcern() },
    {
      user: 'larer',
      method: 'post',
      path: `/api/cases/${caseId}/commands`,
      base: { type: 'ADD_NOTE', expectedVersion: 1, kind: 'observation', text: 'x' },
    },
    { user: 'kommune', method: 'put', path: `/api/owners/${owner}/deadline-policy`, base: { expectedVersion: 1 } },
    { user: 'kommune', method: 'put', path: `/api/owners/${owner}/guidance`, base: { expectedVersion: 1 } },
    { user: 'kommune', method: 'put', path: `/api/owners/${owner}/retention`, base: { expectedVersion: 1 } },
    { user: 'kommune', method: 'post', path: `/api/owners/${owner}/school-holidays`, base: { holidays: [] } },
    { user: 'kommune', method: 'post', path: `/api/owners/${owner}/retention/run`, base: {} },
    { user: 'larer', method: 'post', path: `/api/groups/${group}/staircase`, base: { step: 2, basis: 'x' } },
  ];

  it('JSON nested 2,000 or 10,000 levels deep is a 422 on every endpoint with a body, never a stack overflow', async () => {
    for (const e of bodyEndpoints()) {
      for (const depth of [40, 2000, 10000]) {
        const raw = JSON.stringify({ ...e.base, extra: 0 }).replace(/0}$/, `${nested(depth)}}`);
        const res = await request(t.app.getHttpServer())
          [e.method](e.path)
          .set('Authorization', `Bearer ${await signDevToken(e.user)}`)
          .set('Content-Type', 'application/json')
          .send(raw);
        expect({ path: e.path, depth, status: res.status }).toEqual({ path: e.path, depth, status: 422 });
        expect(res.body.errors[0].message).toMatch(/nested deeper than 32 levels/);
      }
    }
  });

  it('a value that is an object with a constructor, __proto__ or prototype key is a 422 naming the field', async () => {
    const cases: Array<[string, 'post' | 'put', string, Record<string, unknown>, string]> = [
      ['larer', 'post', '/api/cases', { ...schoolConcern(), unitId: { constructor: 1 } }, 'unitId.constructor'],
      ['larer', 'post', '/api/cases', { ...schoolConcern(), childIds: [{ constructor: 1 }] }, 'childIds[0].constructor'],
      [
        'larer',
        'post',
        `/api/cases/${caseId}/commands`,
        { type: 'ADD_NOTE', expectedVersion: 1, kind: 'other', text: { constructor: 1 } },
        'text.constructor',
      ],
      [
        'larer',
        'post',
        `/api/cases/${caseId}/commands`,
        { type: 'ADD_NOTE', expectedVersion: 1, kind: 'other', text: 'x', occurredAt: { constructor: {} } },
        'occurredAt.constructor',
      ],
      [
        'kommune',
        'post',
        `/api/owners/${owner}/school-holidays`,
        { holidays: [{ from: { constructor: 1 }, to: '2027-10-08', name: 'Høstferie' }] },
        'holidays[0].from.constructor',
      ],
      [
        'kommune',
        'put',
        `/api/owners/${owner}/deadline-policy`,
        { expectedVersion: 1, schoolDayEndsAt: { constructor: 1 } },
        'schoolDayEndsAt.constructor',
      ],
      ['larer', 'post', `/api/groups/${group}/staircase`, { step: 2, basis: { prototype: 1 } }, 'basis.prototype'],
      ['larer', 'post', '/api/cases', JSON.parse(`{"unitId":"x","__proto__":{"admin":true}}`), '__proto__'],
    ];
    for (const [user, method, path, body, field] of cases) {
      const res = await t.as(user)[method](path, body);
      expect({ path, status: res.status, errors: res.body.errors }).toEqual({
        path,
        status: 422,
        errors: [expect.objectContaining({ field })],
      });
    }
  });

  it('errors never repeat what was sent: a child’s name in malformed JSON or as an unknown property', async () => {
    const auth = `Bearer ${await signDevToken('larer')}`;
    const server = t.app.getHttpServer();
    const malformed = await request(server)
      .post('/api/cases')
      .set('Authorization', auth)
      .set('Content-Type', 'application/json')
      .send('Eva Nordmann was pushed');
    expect(malformed.status).toBe(400);
    expect(malformed.body.detail).toBe('the request body is not valid JSON');
    const partial = await request(server)
      .post('/api/cases')
      .set('Authorization', auth)
      .set('Content-Type', 'application/json')
      .send('{"concern": "Eva Nordmann');
    expect(partial.status).toBe(400);
    const unknown = await t.as('larer').post('/api/cases', { ...schoolConcern(), 'Eva Nordmann': 'pushed in the break' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([{ field: '(body)', message: expect.stringMatching(/not a property of this request/) }]);
    const nestedUnknown = await t.as('kommune').put(`/api/owners/${owner}/guidance`, {
      expectedVersion: 1,
      ffssWarningFromStep: 3,
      rules: [{ whenStepAtLeast: 4, suggest: 'MARK_SERIOUS', 'Ola Hansen': 2 }],
      'Eva Nordmann': 1,
    });
    expect(nestedUnknown.status).toBe(422);
    expect(nestedUnknown.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'rules[0]' }), expect.objectContaining({ field: '(body)' })]),
    );
    const deepName = await t.as('larer').post('/api/cases', { ...schoolConcern(), unitId: { 'Eva Nordmann': { constructor: 1 } } });
    expect(deepName.body.errors).toEqual([expect.objectContaining({ field: 'unitId.(unnamed).constructor' })]);
    for (const res of [malformed, partial, unknown, nestedUnknown, deepName]) {
      expect(JSON.stringify(res.body)).not.toMatch(/Eva|Nordmann|Ola|Hansen|pushed/);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    }
  });

  it('random bodies with prototype-shaped keys at every level and wrong types never get a 5xx', async () => {
    const key = fc.constantFrom(
      'constructor',
      '__proto__x',
      'prototype',
      'toString',
      'valueOf',
      'hasOwnProperty',
      'then',
      'length',
      'type',
      'text',
      'plan',
      'measures',
    );
    const hostile: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.string(),
        fc.integer(),
        fc.constant(null),
        fc.boolean(),
        tie('object'),
        fc.array(tie('value'), { maxLength: 3 }),
      ),
      object: fc.dictionary(key, tie('value'), { maxKeys: 3 }),
    })).value;
    const field = fc.constantFrom(
      'unitId',
      'childIds',
      'concern',
      'occurredAt',
      'text',
      'kind',
      'plan',
      'expectedVersion',
      'type',
      'holidays',
      'schoolDayEndsAt',
      'basis',
      'step',
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...bodyEndpoints()), fc.dictionary(field, hostile, { maxKeys: 4 }), async (e, extra) => {
        // Built as text, so __proto__ arrives as a key just as a hostile client would send it.
        const raw = JSON.stringify({ ...e.base, ...extra }).replace(/"__proto__x"/g, '"__proto__"');
        const res = await request(t.app.getHttpServer())
          [e.method](e.path)
          .set('Authorization', `Bearer ${await signDevToken(e.user)}`)
          .set('Content-Type', 'application/json')
          .send(raw);
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) expect(res.headers['content-type']).toMatch(/problem\+json/);
      }),
      { numRuns: 300, seed: 20261201 },
    );
  });
});
