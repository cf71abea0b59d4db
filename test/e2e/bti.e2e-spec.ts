import { deadline, ids, ok, open, schoolConcern } from '../harness/flows';
import { startTestApp, TestApp } from '../harness/test-app';
import { DEMO_OWNER } from '../../libs/persistence/src/seed/demo-data';

/** BTI responsibility levels over HTTP (docs/domain.md §4): coordinator, consent, the stafettlogg. */
describe('BTI on a case', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-01T09:30:00+01:00' });
  });
  afterAll(() => t.close());

  it('level 0 → 2 needs a coordinator and consent; handover; consent expiry; withdrawal; the stafettlogg', async () => {
    let c = await open(t, 'larer', schoolConcern());
    expect(c.bti).toMatchObject({ level: 0, state: 'level0', coordinator: null, services: [], consents: [] });
    expect(deadline(c, 'bti_decision')[0]).toMatchObject({ dueAt: '2027-03-15T16:00:00+01:00', responsibleUserId: ids.rektor });

    const toLevel2 = { decision: 'level2', reason: 'School and PPT together', services: ['ppt'] };
    let refused = await t.as('rektor').command(c.id, 'BTI_DECIDE', 1, toLevel2);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/coordinatorAssigned/);

    c = await ok(t, 'rektor', c.id, 'ASSIGN_COORDINATOR', 1, { userId: ids.larer });
    expect(c.bti).toMatchObject({ coordinator: null, pendingCoordinator: ids.larer });
    refused = await t.as('rektor').command(c.id, 'BTI_DECIDE', 2, toLevel2);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/consentForEachService: no valid consent for ppt/);

    const badService = await t.as('rektor').command(c.id, 'RECORD_CONSENT', 2, {
      service: 'astrology',
      givenBy: 'mother',
      form: 'oral',
      scope: 's',
      givenAt: '2027-03-01T09:00:00+01:00',
    });
    expect(badService.status).toBe(422);
    expect(badService.body.errors).toEqual([expect.objectContaining({ field: 'service' })]);

    c = await ok(t, 'rektor', c.id, 'RECORD_CONSENT', 2, {
      service: 'ppt',
      givenBy: 'Eva’s mother (parental responsibility)',
      form: 'oral',
      scope: 'the school environment case, to PPT',
      givenAt: '2027-03-01T09:00:00+01:00',
      expiresAt: '2027-06-01T00:00:00+02:00',
    });
    // The coordinator (assigned) answers for the consent and is reminded 14 days before it runs out.
    expect(deadline(c, 'consent_expiry', 'ppt')[0]).toMatchObject({
      dueAt: '2027-06-01T00:00:00+02:00',
      reminderAt: '2027-05-18T00:00:00+02:00',
      responsibleUserId: ids.larer,
      escalation: { toPrincipalAt: null, toOwnerAt: null },
    });

    c = await ok(t, 'rektor', c.id, 'BTI_DECIDE', 3, toLevel2);
    expect(c.bti).toMatchObject({
      level: 2,
      state: 'level2',
      services: ['ppt'],
      consents: [expect.objectContaining({ service: 'ppt', status: 'given', valid: true })],
    });
    expect(deadline(c, 'bti_decision')[0].status).toBe('met');

    // Handover: only the assigned person accepts.
    expect((await t.as('rektor').command(c.id, 'ACCEPT_COORDINATION', 4)).status).toBe(403);
    c = await ok(t, 'larer', c.id, 'ACCEPT_COORDINATION', 4);
    expect(c.bti).toMatchObject({ coordinator: ids.larer, pendingCoordinator: null });

    // The coordinator records consent matters and holds the evaluation meeting.
    c = await ok(t, 'larer', c.id, 'RECORD_CONSENT_REFUSAL', 5, { service: 'helsestasjon', refusedBy: 'Eva’s father' });
    c = await ok(t, 'larer', c.id, 'WITHDRAW_CONSENT', 6, { service: 'ppt', reason: 'The parents want to wait' });
    expect(c.bti.consents).toEqual(
      expect.arrayContaining([expect.objectContaining({ service: 'ppt', status: 'withdrawn', valid: false })]),
    );
    expect(deadline(c, 'consent_expiry', 'ppt')[0].status).toBe('cancelled');
    refused = await t.as('rektor').command(c.id, 'BTI_ESCALATE', 7, { toLevel: 3, reason: 'More services' });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/consentForEachService/);
    c = await ok(t, 'larer', c.id, 'BTI_EVALUATE', 7, {
      participants: ['Lærer Larsen', 'Rektor Ruud', 'Eva’s mother'],
      decision: 'change_level',
      toLevel: 1,
      summary: 'Without PPT for now',
    });
    expect(c.bti.level).toBe(1);

    // Auditors read, never write.
    expect(
      (await t.as('revisor').command(c.id, 'BTI_EVALUATE', 8, { participants: ['x'], decision: 'continue', summary: 's' })).status,
    ).toBe(403);

    const log = (await t.as('rektor').get(`/api/cases/${c.id}/bti-log`)).body;
    expect(log).toMatchObject({ level: 1, state: 'level1', coordinator: ids.larer });
    expect(log.entries.map((e: { type: string }) => e.type)).toEqual([
      'BTI_LEVEL_0_STARTED',
      'ASSIGN_COORDINATOR',
      'RECORD_CONSENT',
      'BTI_DECIDE',
      'ACCEPT_COORDINATION',
      'RECORD_CONSENT_REFUSAL',
      'WITHDRAW_CONSENT',
      'BTI_EVALUATE',
    ]);
    expect(log.entries[3]).toMatchObject({
      by: { userId: ids.rektor, role: 'principal' },
      details: { decision: 'level2', services: ['ppt'] },
    });
    expect((await t.as('larer2').get(`/api/cases/${c.id}/bti-log`)).status).toBe(404);
  });

  it('the owner extends the list of services', async () => {
    const c = await open(t, 'larer', schoolConcern());
    const consent = { service: 'familievern', givenBy: 'parents', form: 'written', scope: 's', givenAt: '2027-03-01T09:00:00+01:00' };
    expect((await t.as('rektor').command(c.id, 'RECORD_CONSENT', 1, consent)).status).toBe(422);
    const url = `/api/owners/${DEMO_OWNER.id}/guidance`;
    const current = (await t.as('kommune').get(url)).body;
    const put = await t.as('kommune').put(url, {
      expectedVersion: current.version,
      ffssWarningFromStep: current.ffssWarningFromStep,
      rules: current.rules,
      btiServices: ['familievern'],
    });
    expect(put.status).toBe(200);
    expect(put.body.btiServices).toEqual(['ppt', 'helsestasjon', 'skolehelsetjeneste', 'barnevern', 'bup', 'other', 'familievern']);
    expect((await t.as('rektor').command(c.id, 'RECORD_CONSENT', 1, consent)).status).toBe(200);
  });

  it('a report to barnevern needs no consent; closing BTI at level 0 is possible', async () => {
    let c = await open(t, 'larer', schoolConcern());
    c = await ok(t, 'rektor', c.id, 'ASSIGN_COORDINATOR', 1, { userId: ids.rektor });
    c = await ok(t, 'rektor', c.id, 'BTI_DECIDE', 2, {
      decision: 'level3',
      reason: 'Concern about care at home',
      services: ['barnevern'],
      barnevernReported: true,
      barnevernReportedAt: '2027-03-01T09:15:00+01:00',
    });
    expect(c.bti).toMatchObject({ level: 3, barnevernReportedAt: '2027-03-01T09:15:00+01:00' });
    const wrong = await t.as('rektor').command((await open(t, 'larer', schoolConcern())).id, 'BTI_DECIDE', 1, {
      decision: 'level1',
      reason: 'r',
      barnevernReported: true,
      barnevernReportedAt: '2027-03-01T09:15:00+01:00',
    });
    expect(wrong.status).toBe(422);
    const other = await open(t, 'larer', schoolConcern());
    const closed = await ok(t, 'rektor', other.id, 'BTI_DECIDE', 1, {
      decision: 'close',
      reason: 'No reason for concern beyond the school case',
    });
    expect(closed.bti.state).toBe('closed');
  });
});
