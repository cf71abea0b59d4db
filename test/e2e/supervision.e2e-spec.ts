import { EVA, ids, ok, open, planFor, schoolConcern } from '../harness/flows';
import { startTestApp, TestApp, units } from '../harness/test-app';
import { DEMO_OWNER } from '../../libs/persistence/src/seed/demo-data';

/**
 * The supervision view (tilsyn) over cases seeded with known timings gives the known figures,
 * per case, per unit and across the owner, as JSON and CSV.
 */
describe('supervision view', () => {
  let t: TestApp;
  const skole = units.demoSkole.id;
  const at = (iso: string) => t.clock.set(iso);
  let a: string;
  let b: string;
  let c: string;

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-01T09:30:00+01:00' });
    // Before the window: not counted.
    at('2027-02-26T10:00:00+01:00');
    await open(t, 'larer', schoolConcern({ occurredAt: '2027-02-26T09:00:00+01:00' }));

    // A: reported 30 min after it happened, every duty on time, one measure evaluated late.
    at('2027-03-01T09:30:00+01:00');
    a = (await open(t, 'larer', schoolConcern())).id;
    at('2027-03-01T13:30:00+01:00');
    await ok(t, 'rektor', a, 'ACKNOWLEDGE', 1);
    at('2027-03-01T14:00:00+01:00');
    await ok(t, 'larer', a, 'RECORD_CHILD_VOICE', 2, {
      childId: EVA,
      heardAt: '2027-03-01T14:00:00+01:00',
      heardBy: 'Lærer Larsen',
      summary: 'Eva is afraid in the breaks',
    });
    at('2027-03-03T09:30:00+01:00');
    await ok(t, 'rektor', a, 'CONCLUDE_INVESTIGATION', 3, { outcome: 'not_safe', summary: 's', bestInterest: 'b' });
    at('2027-03-04T09:30:00+01:00');
    await ok(t, 'larer', a, 'SUBMIT_PLAN', 4, { plan: planFor(ids.larer) });
    at('2027-03-04T13:30:00+01:00');
    await ok(t, 'rektor', a, 'APPROVE_PLAN', 5);
    at('2027-03-19T09:55:00+01:00');
    await ok(t, 'rektor', a, 'START_EVALUATION', 6);
    at('2027-03-19T10:00:00+01:00');
    await ok(t, 'rektor', a, 'EVALUATE', 7, { outcome: 'resolved', summary: 'safe now', childVoice: 'Eva is happy' });

    // B: a staff-offence report an hour after it happened, acknowledged after three hours (policy: two).
    at('2027-03-02T09:00:00+01:00');
    b = (await open(t, 'larer', schoolConcern({ staffOffender: true, occurredAt: '2027-03-02T08:00:00+01:00', childSaysUnsafe: false })))
      .id;
    at('2027-03-02T12:00:00+01:00');
    await ok(t, 'rektor', b, 'ACKNOWLEDGE', 1);

    // C: reported four days late and never acknowledged.
    at('2027-03-05T09:30:00+01:00');
    c = (await open(t, 'larer', schoolConcern({ childSaysUnsafe: false }))).id;

    at('2027-03-31T12:00:00+02:00');
  });
  afterAll(() => t.close());

  const window = '?from=2027-03-01&to=2027-03-31';

  it("gives each case's times, hours and duties as recorded", async () => {
    const r = (await t.as('rektor').get(`/api/units/${skole}/supervision${window}`).expect(200)).body;
    expect(r).toMatchObject({ unitId: skole, regime: 'school', from: '2027-03-01', to: '2027-03-31' });
    expect(r.cases.map((x: { caseId: string }) => x.caseId)).toEqual([a, b, c]);
    const [ca, cb, cc] = r.cases;
    expect(ca.dutyToAct).toEqual({
      occurredAt: '2027-03-01T09:00:00+01:00',
      reportedAt: '2027-03-01T09:30:00+01:00',
      acknowledgedAt: '2027-03-01T13:30:00+01:00',
      investigationConcludedAt: '2027-03-03T09:30:00+01:00',
      planApprovedAt: '2027-03-04T13:30:00+01:00',
      firstEvaluationAt: '2027-03-19T10:00:00+01:00',
      hours: {
        occurredToReported: 0.5,
        reportedToAcknowledged: 4,
        acknowledgedToConcluded: 44,
        concludedToPlanApproved: 28,
        planApprovedToFirstEvaluation: 356.5,
      },
      acknowledgedOnTime: true,
      investigatedOnTime: true,
      planOnTime: true,
      childVoiceOnRecord: true,
      planHasFiveElements: true,
    });
    expect(ca.measuresEvaluated).toEqual({
      planVersions: 1,
      evaluationsDue: 3,
      evaluationsOnTime: 2,
      evaluationsLate: 1,
      evaluationsMissed: 0,
    });
    expect(ca.staffOffence).toBeNull();
    expect(cb.staffOffence).toEqual({ reportedImmediately: true, acknowledgedInTime: false, ownerInformedAt: '2027-03-02T09:00:00+01:00' });
    expect(cb.ownerFollowUp.overdueNow.map((d: { kind: string }) => d.kind).sort()).toEqual(['bti_decision', 'investigation']);
    expect(cc.dutyToAct).toMatchObject({
      acknowledgedAt: null,
      acknowledgedOnTime: false,
      investigatedOnTime: null,
      childVoiceOnRecord: false,
      planHasFiveElements: null,
    });
  });

  it('totals per unit give the known figures', async () => {
    const r = (await t.as('revisor').get(`/api/units/${skole}/supervision${window}`).expect(200)).body;
    // The cases by the state they are in now, for the owner's dashboard: every case counted once.
    expect(Object.values(r.totals.byState as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(3);
    expect(r.totals).toEqual({
      cases: 3,
      byState: r.totals.byState,
      dutyToAct: {
        label: expect.stringMatching(/^Tema 1/),
        acknowledged: 2,
        acknowledgedOnTime: { yes: 1, of: 3 },
        investigatedOnTime: { yes: 1, of: 2 },
        planOnTime: { yes: 1, of: 1 },
        childVoiceOnRecord: { yes: 1, of: 3 },
        plansWithFiveElements: { yes: 1, of: 1 },
        medianHours: {
          occurredToReported: 1,
          reportedToAcknowledged: 3.5,
          acknowledgedToConcluded: 44,
          concludedToPlanApproved: 28,
          planApprovedToFirstEvaluation: 356.5,
        },
      },
      staffOffence: {
        label: expect.stringMatching(/^Tema 2/),
        cases: 1,
        reportedImmediately: { yes: 1, of: 1 },
        acknowledgedInTime: { yes: 0, of: 1 },
        ownerInformed: { yes: 1, of: 1 },
      },
      measuresEvaluated: {
        label: expect.stringMatching(/^Tema 3/),
        casesWithPlan: 1,
        revisedPlans: 0,
        evaluationsDue: 3,
        evaluationsOnTime: 2,
        evaluationsLate: 1,
        evaluationsMissed: 0,
      },
      ownerFollowUp: {
        label: expect.stringMatching(/^Tema 4/),
        casesWithOverdueNow: 2,
        overdueItemsNow: 4,
        escalatedToOwner: 0,
        seriousCases: 0,
        ownerInformedOfSerious: { yes: 0, of: 0 },
      },
    });
    // Every case the auditor's view drew on is in its access log.
    for (const id of [a, b, c]) {
      const log = (await t.as('revisor').get(`/api/cases/${id}/access-log`).expect(200)).body.entries;
      expect(log).toEqual(
        expect.arrayContaining([expect.objectContaining({ role: 'auditor', kind: 'supervision', detail: '2027-03-01..2027-03-31' })]),
      );
    }
  });

  it('across the owner: per unit and in total (the forsvarlig system)', async () => {
    const r = (await t.as('kommune').get(`/api/owners/${DEMO_OWNER.id}/supervision${window}`).expect(200)).body;
    const skoleRow = r.units.find((u: { unitId: string }) => u.unitId === skole);
    expect(skoleRow.totals.cases).toBe(3);
    expect(r.units.find((u: { unitId: string }) => u.unitId === units.demoBarnehage.id).totals.cases).toBe(0);
    expect(r.totals.cases).toBe(3);
    expect(r.totals.ownerFollowUp.overdueItemsNow).toBe(4);
  });

  it('as CSV: one row per case, and one per unit plus a total', async () => {
    const res = await t.as('rektor').get(`/api/units/${skole}/supervision${window}`).set('Accept', 'text/csv').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines).toHaveLength(4);
    const header = lines[0].split(',');
    expect(header).toEqual(
      expect.arrayContaining([
        'caseId',
        'dutyToAct.acknowledgedOnTime',
        'dutyToAct.hours.reportedToAcknowledged',
        'staffOffence',
        'measuresEvaluated.evaluationsLate',
      ]),
    );
    const rowA = lines[1].split(',');
    expect(rowA[header.indexOf('caseId')]).toBe(a);
    expect(rowA[header.indexOf('dutyToAct.hours.reportedToAcknowledged')]).toBe('4');
    const owner = await t.as('kommune').get(`/api/owners/${DEMO_OWNER.id}/supervision${window}`).set('Accept', 'text/csv').expect(200);
    expect(owner.text.trim().split('\n').pop()).toMatch(/^,Totalt,,3,/);
  });

  it('who may see it, and bad windows', async () => {
    await t.as('larer').get(`/api/units/${skole}/supervision`).expect(403);
    await t.as('rektor').get(`/api/owners/${DEMO_OWNER.id}/supervision`).expect(403);
    await t
      .as('rektor2')
      .get(`/api/units/${skole}/supervision`)
      .expect((res) => expect([403, 404]).toContain(res.status));
    const bad = await t.as('rektor').get(`/api/units/${skole}/supervision?from=2027-04-01&to=2027-03-01`).expect(422);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'from' })]);
    await t.as('rektor').get(`/api/units/${skole}/supervision?from=yesterday`).expect(422);
  });
});
