import { deadline, EVA, ids, ok, open, schoolConcern } from '../harness/flows';
import { startTestApp, TestApp } from '../harness/test-app';

/** Staff offending a child (opplæringslova §12-5): owner informed at once, leadership cases to the owner. */
describe('staff-offence cases (§12-5 / bhl. §43)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-01T09:30:00+01:00' });
  });
  afterAll(() => t.close());

  it('a staff-offence report: §12-5, owner notified at once, acknowledged within hours', async () => {
    const c = await open(t, 'larer', schoolConcern({ staffOffender: true, concern: 'An assistant grabbed Eva hard by the arm' }));
    expect(c).toMatchObject({
      legalBasis: ['opplæringslova §12-4', 'opplæringslova §12-5'],
      ownerNotified: true,
      handledBy: 'principal',
      staffOffender: true,
    });
    expect(deadline(c, 'acknowledge')[0]).toMatchObject({ dueAt: '2027-03-01T11:30:00+01:00', responsibleUserId: ids.rektor });
    const events = await t.as('rektor').get(`/api/cases/${c.id}/events`);
    expect(events.body.map((e: { type: string }) => e.type)).toEqual(['CASE_OPENED', 'OWNER_NOTIFIED']);
    expect(events.body[1]).toMatchObject({ actor: null, payload: { reason: 'staff_offence' } });
    const asOwner = await t.as('kommune').get(`/api/cases/${c.id}`);
    expect(asOwner.status).toBe(200);
    // The owner is informed but does not run the principal's case; it only answers for retention.
    expect(asOwner.body.allowedCommands).toEqual(['PLACE_LEGAL_HOLD']);
    const acked = await ok(t, 'rektor', c.id, 'ACKNOWLEDGE', 1);
    expect(acked.state).toBe('investigating');
  });

  it('the leadership as offender: the owner handles the case and the principal cannot see it', async () => {
    const c = await open(
      t,
      'larer',
      schoolConcern({ staffOffender: true, offenderIsLeadership: true, concern: 'The deputy head shouted at Eva' }),
    );
    expect(c).toMatchObject({ handledBy: 'owner', offenderIsLeadership: true, ownerNotified: true });
    expect(deadline(c, 'acknowledge')[0].responsibleUserId).toBe(ids.kommune);

    expect((await t.as('rektor').get(`/api/cases/${c.id}`)).status).toBe(404);
    expect((await t.as('rektor').get(`/api/cases/${c.id}/events`)).status).toBe(404);
    const hidden = await t.as('rektor').command(c.id, 'ACKNOWLEDGE', 1);
    expect(hidden.status).toBe(404);
    const list = await t.as('rektor').get('/api/cases');
    expect(list.body.items.map((x: { id: string }) => x.id)).not.toContain(c.id);
    const tasks = await t.as('kommune').get('/api/me/tasks');
    expect(tasks.body.map((x: { caseId: string }) => x.caseId)).toContain(c.id);

    let owned = await ok(t, 'kommune', c.id, 'ACKNOWLEDGE', 1);
    expect(owned.state).toBe('investigating');
    await ok(t, 'kommune', c.id, 'RECORD_CHILD_VOICE', 2, {
      childId: EVA,
      heardAt: '2027-03-01T12:00:00+01:00',
      heardBy: 'Kommune',
      summary: 'Eva is scared of the deputy',
    });
    owned = await ok(t, 'kommune', c.id, 'CONCLUDE_INVESTIGATION', 3, { outcome: 'not_safe', summary: 's', bestInterest: 'b' });
    expect(owned.state).toBe('planning');
    expect(owned.deadlines.find((d: { kind: string }) => d.kind === 'plan').responsibleUserId).toBe(ids.kommune);
  });

  it('offenderIsLeadership without staffOffender is refused with 422', async () => {
    const res = await t.as('larer').post('/api/cases', schoolConcern({ offenderIsLeadership: true }));
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'offenderIsLeadership' })]);
  });
});
