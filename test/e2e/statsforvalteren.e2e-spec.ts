import { Client } from 'pg';
import { ids, ok, open, planFor, schoolConcern, toActive } from '../harness/flows';
import { startTestApp, TestApp, units, children } from '../harness/test-app';

/** Statsforvalteren's enforcement (opplæringslova §12-6), corrections beside the original, and legal hold. */
describe('Statsforvalteren and corrections', () => {
  let t: TestApp;
  let db: Client;
  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-01T09:30:00+01:00' });
    db = await t.sql();
  });
  afterAll(() => t.close());
  beforeEach(() => t.clock.set('2027-03-01T09:30:00+01:00'));

  it('parents to the rektor: raised automatically; reported six days later is refused with the one-week rule; a week later it is accepted', async () => {
    const c = await open(t, 'rektor', schoolConcern({ source: 'parent_told' }));
    expect(c.enforcement).toMatchObject({
      state: 'raised',
      raisedAt: '2027-03-01T09:30:00+01:00',
      raisedAutomatically: true,
      earliestReportAt: '2027-03-08T09:30:00+01:00',
    });
    const events = (await t.as('rektor').get(`/api/cases/${c.id}/events`).expect(200)).body;
    expect(events.map((e: { type: string }) => e.type)).toContain('RAISED_WITH_PRINCIPAL');

    t.clock.set('2027-03-07T12:00:00+01:00');
    const early = await t.as('rektor').command(c.id, 'REPORTED_TO_STATSFORVALTEREN', 1, { at: '2027-03-07T09:30:00+01:00' }).expect(409);
    expect(early.body.detail).toMatch(
      /oneWeekSinceRaised: .*one week after it was raised with the rektor \(opplæringslova §12-6 second paragraph\), here from 2027-03-08T09:30:00\+01:00/,
    );
    expect(early.body.detail).toMatch(/specialGrounds/);
    t.clock.set('2027-03-08T10:00:00+01:00');
    const reported = await ok(t, 'rektor', c.id, 'REPORTED_TO_STATSFORVALTEREN', 1, { at: '2027-03-08T09:45:00+01:00' });
    expect(reported.enforcement).toMatchObject({ state: 'reported', reportedAt: '2027-03-08T09:45:00+01:00', specialGrounds: null });
  });

  it('special grounds let a report in before the week, and are recorded', async () => {
    const c = await open(t, 'larer', schoolConcern());
    expect(c.enforcement).toMatchObject({ state: 'not_raised' });
    await t.as('rektor').command(c.id, 'REPORTED_TO_STATSFORVALTEREN', 1, { at: '2027-03-01T09:00:00+01:00' }).expect(409);
    await ok(t, 'rektor', c.id, 'RAISED_WITH_PRINCIPAL', 1, { at: '2027-02-26T14:00:00+01:00' });
    t.clock.set('2027-03-04T10:00:00+01:00');
    const refused = await t.as('rektor').command(c.id, 'REPORTED_TO_STATSFORVALTEREN', 2, { at: '2027-03-04T09:00:00+01:00' }).expect(409);
    expect(refused.body).toMatchObject({ currentState: 'reported', version: 2 });
    const v = await ok(t, 'rektor', c.id, 'REPORTED_TO_STATSFORVALTEREN', 2, {
      at: '2027-03-04T09:00:00+01:00',
      specialGrounds: 'The pupil has been hurt and is afraid to come to school',
    });
    expect(v.enforcement).toMatchObject({ state: 'reported', specialGrounds: 'The pupil has been hurt and is afraid to come to school' });
    // A date in the future, or a missing one, is refused without writing anything.
    await t
      .as('rektor')
      .command(c.id, 'SF_DECISION', 3, { at: '2027-03-05T09:00:00+01:00', requirements: ['x'], deadline: '2027-04-01' })
      .expect(409);
    await t
      .as('rektor')
      .command(c.id, 'SF_DECISION', 3, { requirements: ['x'], deadline: '2027-04-01' })
      .expect(422);
  });

  it('a kindergarten case is refused, naming the law', async () => {
    const c = await open(t, 'styrer', {
      unitId: units.demoBarnehage.id,
      childIds: [children.find((x) => x.unitId === units.demoBarnehage.id)!.id],
      concern: 'Parents say their child is left out',
      source: 'parent_told',
    });
    expect(c.enforcement).toBeNull();
    expect(c.allowedCommands).not.toContain('RAISED_WITH_PRINCIPAL');
    const res = await t.as('styrer').command(c.id, 'RAISED_WITH_PRINCIPAL', 1, { at: '2027-03-01T09:00:00+01:00' });
    // The policy lets the styrer try; the law (the machine) says no, with a 409 naming it.
    expect(res.status).toBe(409);
    expect(res.body.detail).toMatch(/opplæringslova §12-6 applies to schools only|applies to schools only/);
    expect(res.body.detail).toMatch(/barnehageloven has no complaint route to Statsforvalteren/);
  });

  it("a decision's deadline: pending for the principal, kept when the case closes, escalated to the owner when overdue, met by compliance", async () => {
    const c = await open(t, 'larer', schoolConcern());
    await toActive(t, c.id, planFor(ids.larer), '2027-03-01T10:00:00+01:00');
    await ok(t, 'rektor', c.id, 'RAISED_WITH_PRINCIPAL', 6, { at: '2027-03-01T09:30:00+01:00' });
    t.clock.set('2027-03-09T10:00:00+01:00');
    await ok(t, 'rektor', c.id, 'REPORTED_TO_STATSFORVALTEREN', 7, { at: '2027-03-09T09:00:00+01:00' });
    t.clock.set('2027-04-20T10:00:00+02:00');
    const decided = await ok(t, 'kommune', c.id, 'SF_DECISION', 8, {
      at: '2027-04-19T12:00:00+02:00',
      requirements: ['Investigate again with the pupil heard', 'A new plan with evaluation dates'],
      deadline: '2027-05-14',
    });
    expect(decided.enforcement.state).toBe('decided');
    const d = decided.deadlines.find((x: { kind: string }) => x.kind === 'sf_compliance');
    expect(d).toMatchObject({ dueAt: '2027-05-14T16:00:00+02:00', status: 'pending', responsibleUserId: ids.rektor });
    expect(d.escalation.toOwnerAt).toBe('2027-05-14T16:00:01+02:00');
    expect(d.escalation.toPrincipalAt).toBeNull();

    // Closing the school's case leaves Statsforvalteren's deadline running.
    await ok(t, 'rektor', c.id, 'START_EVALUATION', 9);
    const closed = await ok(t, 'rektor', c.id, 'CLOSE', 10, { summary: 'Closed by the school' });
    expect(closed.deadlines.find((x: { kind: string }) => x.kind === 'sf_compliance').status).toBe('pending');
    const tasks = (await t.as('rektor').get('/api/me/tasks').expect(200)).body;
    expect(tasks).toEqual(expect.arrayContaining([expect.objectContaining({ caseId: c.id, kind: 'sf_compliance' })]));

    t.clock.set('2027-05-10T13:00:00+02:00');
    const complied = await ok(t, 'rektor', c.id, 'SF_COMPLIANCE', 11, {
      at: '2027-05-10T12:00:00+02:00',
      summary: 'New investigation and plan done',
    });
    expect(complied.enforcement).toMatchObject({
      state: 'complied',
      compliances: [expect.objectContaining({ summary: 'New investigation and plan done' })],
    });
    expect(complied.deadlines.find((x: { kind: string }) => x.kind === 'sf_compliance').status).toBe('met');
  });

  it('a decision finding the duty met ends the enforcement without a deadline', async () => {
    const c = await open(t, 'rektor', schoolConcern({ source: 'parent_told' }));
    t.clock.set('2027-03-09T10:00:00+01:00');
    await ok(t, 'rektor', c.id, 'REPORTED_TO_STATSFORVALTEREN', 1, { at: '2027-03-09T09:00:00+01:00' });
    const v = await ok(t, 'rektor', c.id, 'SF_DECISION', 2, { at: '2027-03-09T09:30:00+01:00', requirements: [] });
    expect(v.enforcement.state).toBe('duty_met');
    expect(v.deadlines.some((x: { kind: string }) => x.kind === 'sf_compliance')).toBe(false);
    const bad = await t
      .as('rektor')
      .command(c.id, 'SF_DECISION', 3, { at: '2027-03-09T09:30:00+01:00', requirements: ['x'] })
      .expect(422);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'deadline' })]);
  });

  it('CORRECT_ENTRY: a new entry beside the original, nothing edited; only the author or the leader; only what was written', async () => {
    const c = await open(t, 'larer', schoolConcern());
    await ok(t, 'larer', c.id, 'ADD_NOTE', 1, {
      kind: 'observation',
      text: 'Three pupils pushed Eva',
      occurredAt: '2027-03-01T09:00:00+01:00',
    });
    const seqOfNote = (await t.as('larer').get(`/api/cases/${c.id}/events`)).body.find((e: { type: string }) => e.type === 'ADD_NOTE').seq;
    const rowBefore = (await db.query('SELECT * FROM case_events WHERE case_id = $1 AND seq = $2', [c.id, seqOfNote])).rows[0];
    expect(rowBefore).toBeDefined();
    const v = await ok(t, 'larer', c.id, 'CORRECT_ENTRY', 2, {
      seq: seqOfNote,
      reason: 'Miscounted',
      corrected: { text: 'Two pupils pushed Eva' },
    });
    expect(v.version).toBe(3);
    const history = (await t.as('rektor').get(`/api/cases/${c.id}/events`).expect(200)).body;
    const note = history.find((e: { seq: number }) => e.seq === seqOfNote);
    expect(note.payload.text).toBe('Three pupils pushed Eva');
    expect(note.corrections).toEqual([
      expect.objectContaining({
        reason: 'Miscounted',
        corrected: { text: 'Two pupils pushed Eva' },
        actor: { userId: ids.larer, role: 'staff', name: 'Lærer Larsen' },
      }),
    ]);
    expect(history[history.length - 1]).toMatchObject({ type: 'CORRECT_ENTRY', payload: { seq: seqOfNote } });
    expect((await db.query('SELECT * FROM case_events WHERE case_id = $1 AND seq = $2', [c.id, seqOfNote])).rows[0]).toEqual(rowBefore);

    const bad = await t
      .as('larer')
      .command(c.id, 'CORRECT_ENTRY', 3, { seq: seqOfNote, reason: 'r', corrected: { kind: 'other', nope: 'x' } })
      .expect(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['corrected.kind', 'corrected.nope']);
    await t
      .as('larer')
      .command(c.id, 'CORRECT_ENTRY', 3, { seq: 999, reason: 'r', corrected: { text: 'x' } })
      .expect(422);
    // An entry Trygg wrote itself (the owner notice, deadlines) is not anyone's to correct.
    const own = history.find((e: { actor: unknown }) => e.actor === null || (e.actor as { role: string }).role === 'system');
    if (own)
      await t
        .as('rektor')
        .command(c.id, 'CORRECT_ENTRY', 3, { seq: own.seq, reason: 'r', corrected: { reason: 'x' } })
        .expect(422);
    // The principal leads the case and may correct the teacher's entry; another teacher may not.
    await ok(t, 'rektor', c.id, 'CORRECT_ENTRY', 3, {
      seq: 1,
      reason: 'Typo in the concern',
      corrected: { concern: 'Eva says the others push her away in breaks' },
    });
    expect((await t.as('rektor').get(`/api/cases/${c.id}/verify`)).body.valid).toBe(true);
  });

  it('legal hold: the owner places and releases it, on the record', async () => {
    const c = await open(t, 'larer', schoolConcern());
    await t.as('rektor').command(c.id, 'PLACE_LEGAL_HOLD', 1, { reason: 'complaint' }).expect(403);
    const held = await ok(t, 'kommune', c.id, 'PLACE_LEGAL_HOLD', 1, { reason: 'Complaint to Statsforvalteren pending' });
    expect(held).toMatchObject({ legalHold: 'Complaint to Statsforvalteren pending' });
    expect(held.allowedCommands).toContain('RELEASE_LEGAL_HOLD');
    await t.as('kommune').command(c.id, 'PLACE_LEGAL_HOLD', 2, { reason: 'again' }).expect(422);
    const released = await ok(t, 'kommune', c.id, 'RELEASE_LEGAL_HOLD', 2, { reason: 'Complaint decided' });
    expect(released.legalHold).toBeNull();
  });
});
