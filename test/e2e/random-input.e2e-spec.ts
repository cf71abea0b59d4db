import fc from 'fast-check';
import { CASE_COMMAND_TYPES } from '../../libs/cases/src/commands/command.usecase';
import { EVA, ids, ok, open, schoolConcern } from '../harness/flows';
import { startTestApp, TestApp, units } from '../harness/test-app';

/**
 * Property: whatever JSON a client sends to any endpoint, the answer is never a 5xx; errors are
 * problem+json. Bodies mix random JSON with the real field names carrying wrong-typed values.
 */
describe('random input never gives a 5xx', () => {
  let t: TestApp;
  let caseIds: string[];
  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-01T09:30:00+01:00' });
    const a = await open(t, 'larer', schoolConcern());
    const b = await open(t, 'larer', schoolConcern({ childSaysUnsafe: false }));
    await ok(t, 'rektor', b.id, 'ACKNOWLEDGE', 1);
    await ok(t, 'rektor', b.id, 'CONCLUDE_INVESTIGATION', 2, { outcome: 'not_safe', summary: 's', bestInterest: 'b' });
    caseIds = [a.id, b.id];
  });
  afterAll(() => t.close());

  const wild = fc.oneof(
    fc.string(),
    // NUL is valid JSON but no PostgreSQL text: it must be refused at the edge.
    fc.string().map((x) => `${x}\u0000`),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.uuid(),
    fc.constant(units.demoSkole.id),
    fc.constant(EVA),
    fc.constant(ids.larer),
    fc.constant('2027-03-20'),
    fc.constant('2027-03-01T09:30:00+01:00'),
    fc.array(fc.oneof(fc.string(), fc.uuid(), fc.constant(EVA), fc.integer()), { maxLength: 3 }),
    fc.jsonValue({ maxDepth: 2 }),
  );
  const planLike = fc.record(
    {
      problem: wild,
      evaluateAt: wild,
      measures: fc.oneof(
        wild,
        fc.array(fc.dictionary(fc.constantFrom('id', 'description', 'ffss', 'when', 'responsibleUserId', 'evaluateAt', 'x'), wild), {
          maxLength: 3,
        }),
      ),
      childParticipation: wild,
    },
    { requiredKeys: [] },
  );
  const openBody = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.record(
      {
        unitId: wild,
        childIds: wild,
        groupId: wild,
        concern: wild,
        source: fc.oneof(wild, fc.constantFrom('staff_observation', 'child_told', 'parent_told', 'other')),
        childSaysUnsafe: wild,
        staffOffender: wild,
        offenderIsLeadership: wild,
        occurredAt: wild,
      },
      { requiredKeys: [] },
    ),
  );
  const commandBody = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.record(
      {
        type: fc.oneof(fc.constantFrom(...CASE_COMMAND_TYPES), wild),
        expectedVersion: fc.oneof(fc.integer({ min: -2, max: 6 }), wild),
        reason: wild,
        kind: wild,
        text: wild,
        childId: wild,
        heardAt: wild,
        heardBy: wild,
        summary: wild,
        notHeardReason: wild,
        saysUnsafe: wild,
        outcome: fc.oneof(fc.constantFrom('safe', 'not_safe', 'resolved', 'continue', 'revise'), wild),
        bestInterest: wild,
        plan: fc.oneof(planLike, wild),
        measureId: wild,
        status: wild,
        note: wild,
        childVoice: wild,
        nextEvaluationAt: wild,
        groupId: wild,
        step: fc.oneof(fc.integer({ min: 0, max: 6 }), wild),
        basis: wild,
        decision: fc.oneof(fc.constantFrom('close', 'level1', 'level2', 'level3', 'continue', 'change_level'), wild),
        services: fc.oneof(fc.array(fc.constantFrom('ppt', 'barnevern', 'bup', 'x')), wild),
        toLevel: fc.oneof(fc.integer({ min: 0, max: 4 }), wild),
        userId: fc.oneof(fc.constant(ids.larer), wild),
        service: fc.oneof(fc.constantFrom('ppt', 'helsestasjon', 'x'), wild),
        givenBy: wild,
        form: fc.oneof(fc.constantFrom('written', 'oral'), wild),
        scope: wild,
        givenAt: wild,
        expiresAt: wild,
        refusedBy: wild,
        participants: wild,
        barnevernReported: wild,
        barnevernReportedAt: wild,
        at: fc.oneof(fc.constantFrom('2027-03-01T09:00:00+01:00', '2027-02-20T09:00:00+01:00', '2031-01-01T00:00:00Z'), wild),
        specialGrounds: wild,
        requirements: fc.oneof(fc.array(fc.string(), { maxLength: 3 }), wild),
        deadline: fc.oneof(fc.constantFrom('2027-04-01', '2027-02-30', '2020-01-01'), wild),
        seq: fc.oneof(fc.integer({ min: -1, max: 12 }), wild),
        corrected: fc.oneof(
          fc.dictionary(fc.constantFrom('text', 'concern', 'summary', 'childId', 'kind', 'occurredAt', 'plan'), wild),
          wild,
        ),
      },
      { requiredKeys: ['type'] },
    ),
  );
  const users = fc.constantFrom('larer', 'rektor', 'kommune', 'revisor', 'ppt', 'larer2');

  const expectClientOrSuccess = (res: { status: number; headers: Record<string, string> }) => {
    expect(res.status).toBeLessThan(500);
    if (res.status >= 400) expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  };

  it('POST /api/cases', async () => {
    await fc.assert(
      fc.asyncProperty(users, openBody, async (u, body) => {
        expectClientOrSuccess(await t.as(u).post('/api/cases', body));
      }),
      { numRuns: 150 },
    );
  });

  it('POST /api/cases/{caseId}/commands', async () => {
    await fc.assert(
      fc.asyncProperty(users, fc.constantFrom(0, 1), commandBody, async (u, which, body) => {
        expectClientOrSuccess(await t.as(u).post(`/api/cases/${caseIds[which]}/commands`, body));
      }),
      { numRuns: 300 },
    );
  });

  it('GET endpoints with random ids and query strings', async () => {
    const segment = fc.oneof(fc.string({ minLength: 1 }), fc.uuid(), fc.constantFrom(...caseIds));
    const query = fc.dictionary(
      fc.constantFrom('unitId', 'state', 'overdue', 'childId', 'cursor', 'limit', 'x'),
      fc.oneof(fc.string(), fc.uuid(), fc.integer().map(String)),
    );
    await fc.assert(
      fc.asyncProperty(users, segment, query, async (u, seg, q) => {
        const s = encodeURIComponent(seg);
        const qs = new URLSearchParams(q).toString();
        for (const path of [
          `/api/cases?${qs}`,
          `/api/cases/${s}`,
          `/api/cases/${s}/events?purpose=${s}`,
          `/api/cases/${s}/verify`,
          `/api/cases/${s}/access-log?${qs}`,
          `/api/cases/${s}/export?format=${s}`,
          `/api/units/${s}`,
          `/api/units/${s}/children`,
          `/api/units/${s}/supervision?from=${s}&to=${s}`,
          `/api/owners/${s}/supervision?${qs}`,
          `/api/owners/${s}/retention/preview`,
          '/api/me/tasks',
        ]) {
          expectClientOrSuccess(await t.as(u).get(path));
        }
      }),
      { numRuns: 80 },
    );
  });

  it('PUT deadline-policy, POST school-holidays and notifications with random bodies', async () => {
    const owner = (await import('../../libs/persistence/src/seed/demo-data')).DEMO_OWNER.id;
    const policyBody = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.dictionary(
        fc.constantFrom(
          'expectedVersion',
          'schoolDayEndsAt',
          'acknowledgeSchoolDays',
          'acknowledgeStaffOffenceHours',
          'investigationSchoolDays',
          'planSchoolDays',
          'approvalSchoolDays',
          'reminderSchoolDaysBefore',
          'escalateToPrincipalSchoolDays',
          'escalateToOwnerSchoolDays',
          'version',
        ),
        fc.oneof(wild, fc.integer({ min: -1, max: 40 }), fc.constantFrom('16:00', '24:00', '7:5')),
      ),
    );
    const holidayBody = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.record({
        holidays: fc.oneof(
          wild,
          fc.array(
            fc.dictionary(
              fc.constantFrom('from', 'to', 'name', 'unitId', 'x'),
              fc.oneof(wild, fc.constantFrom('2027-02-30', '2027-13-01', '2027-10-04')),
            ),
            { maxLength: 3 },
          ),
        ),
      }),
    );
    const segment = fc.oneof(fc.string({ minLength: 1 }), fc.uuid(), fc.constant(owner));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('kommune', 'rektor', 'revisor', 'drift'),
        segment,
        policyBody,
        holidayBody,
        async (u, seg, pb, hb) => {
          const s = encodeURIComponent(seg);
          expectClientOrSuccess(await t.as(u).put(`/api/owners/${s}/deadline-policy`, pb));
          expectClientOrSuccess(await t.as(u).put(`/api/owners/${s}/retention`, pb));
          expectClientOrSuccess(await t.as(u).post(`/api/owners/${s}/school-holidays`, hb));
          expectClientOrSuccess(await t.as(u).get(`/api/owners/${s}/deadline-policy`));
          expectClientOrSuccess(await t.as(u).get(`/api/me/notifications?cursor=${s}&limit=${s}&unread=${s}`));
          expectClientOrSuccess(await t.as(u).post(`/api/me/notifications/${s}/read`, pb));
          expectClientOrSuccess(await t.as(u).delete(`/api/owners/${owner}/school-holidays/${s}`));
        },
      ),
      { numRuns: 120 },
    );
  });

  it('text PostgreSQL cannot store (NUL) is a 422 naming the field, never a 500', async () => {
    const { schoolConcern } = await import('../harness/flows');
    const opened = await t.as('larer').post('/api/cases', schoolConcern({ concern: 'pushed\u0000away' }));
    expect(opened.status).toBe(422);
    expect(opened.body.errors).toEqual([{ field: 'concern', message: expect.stringMatching(/NUL/) }]);
    const note = await t
      .as('larer')
      .post(`/api/cases/${caseIds[0]}/commands`, { type: 'ADD_NOTE', expectedVersion: 1, kind: 'other', text: '\u0000' });
    expect(note.status).toBe(422);
    expect(note.body.errors).toEqual([expect.objectContaining({ field: 'text' })]);
    const plan = await t
      .as('larer')
      .post(`/api/cases/${caseIds[0]}/commands`, { type: 'SUBMIT_PLAN', expectedVersion: 1, plan: { measures: [{ when: 'a\u0000' }] } });
    expect(plan.body.errors).toEqual([expect.objectContaining({ field: 'plan.measures[0].when' })]);
    expectClientOrSuccess(await t.as('rektor').get(`/api/cases/${caseIds[0]}?purpose=%00`));
    expectClientOrSuccess(await t.as('revisor').get(`/api/cases?purpose=a%00b`));
  });

  it('malformed JSON and wrong content types', async () => {
    const server = t.app.getHttpServer();
    const request = (await import('supertest')).default;
    const token = (await import('../../libs/identity/src')).signDevToken;
    const auth = `Bearer ${await token('larer')}`;
    for (const raw of ['{', '{"unitId":', 'null', '[]', '"x"', '12', '{"a":1}}']) {
      const res = await request(server).post('/api/cases').set('Authorization', auth).set('Content-Type', 'application/json').send(raw);
      expectClientOrSuccess(res);
    }
    const text = await request(server).post('/api/cases').set('Authorization', auth).set('Content-Type', 'text/plain').send('hello');
    expectClientOrSuccess(text);
  });
});
