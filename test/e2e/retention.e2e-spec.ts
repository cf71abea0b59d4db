import { Client } from 'pg';
import { DEMO_OWNER } from '../../libs/persistence/src/seed/demo-data';
import { EVA, ids, ok, open, planFor, schoolConcern, toActive } from '../harness/flows';
import { startTestApp, TestApp } from '../harness/test-app';
import { deposit } from '../harness/deposit-package';

/** Retention: anonymised cases still verify and hold no child's name; a legal hold blocks it. */
describe('retention and anonymisation', () => {
  let t: TestApp;
  let db: Client;
  const owner = DEMO_OWNER.id;
  const NAME = 'Eva Nordmann';

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-01T09:30:00+01:00' });
    db = await t.sql();
  });
  afterAll(() => t.close());

  async function closedCase(): Promise<string> {
    const c = await open(t, 'larer', schoolConcern({ concern: `${NAME} is pushed in the breaks, says her friend Ola Hansen` }));
    await toActive(t, c.id, planFor(ids.larer, { problem: `${NAME} is excluded` }), '2027-03-01T10:00:00+01:00');
    await ok(t, 'larer', c.id, 'ADD_NOTE', 6, { kind: 'conversation', text: `Talked with ${NAME} and her mother` });
    await ok(t, 'rektor', c.id, 'START_EVALUATION', 7);
    // Inside a case the Omni-trappa assessment is kept with the case (its basis is free text).
    await ok(t, 'larer', c.id, 'ASSESS_STAIRCASE', 8, { groupId: await groupOf(), step: 3, basis: `${NAME}'s class shows rule-breaking` });
    await ok(t, 'rektor', c.id, 'EVALUATE', 9, {
      outcome: 'resolved',
      summary: `${NAME} is safe now`,
      childVoice: `${NAME} says she is happy`,
    });
    return c.id;
  }
  async function groupOf(): Promise<string> {
    return (await db.query('SELECT group_id FROM children WHERE id = $1', [EVA])).rows[0].group_id;
  }
  async function rawRows(caseId: string): Promise<string> {
    const q = async (sql: string) => JSON.stringify((await db.query(sql, [caseId])).rows);
    return [
      await q('SELECT * FROM cases WHERE id = $1'),
      await q('SELECT * FROM case_events WHERE case_id = $1'),
      await q('SELECT * FROM case_event_contents WHERE case_id = $1'),
      await q('SELECT * FROM staircase_assessments WHERE case_id = $1'),
      await q('SELECT * FROM access_log WHERE case_id = $1'),
      await q('SELECT * FROM journal_entries WHERE case_id = $1'),
    ].join('\n');
  }

  it('nothing is anonymised until the owner sets a period', async () => {
    const r = (await t.as('kommune').get(`/api/owners/${owner}/retention`).expect(200)).body;
    expect(r).toMatchObject({ retentionYears: null, isDefault: true, version: 1 });
    expect((await t.as('kommune').get(`/api/owners/${owner}/retention/preview`).expect(200)).body).toMatchObject({
      retentionYears: null,
      due: [],
      blocked: [],
    });
  });

  it('anonymises the cases due: the chain still verifies and no child name or id is left; a legal hold blocks it', async () => {
    const due = await closedCase();
    const held = await closedCase();
    await t
      .as('kommune')
      .get(`/api/cases/${due}?purpose=${encodeURIComponent(`complaint about ${NAME}`)}`)
      .expect(200);
    const hv = (await t.as('kommune').get(`/api/cases/${held}`)).body.version;
    await ok(t, 'kommune', held, 'PLACE_LEGAL_HOLD', hv, { reason: 'Complaint to Statsforvalteren' });
    // Parents went to Statsforvalteren after the school closed the case: it is kept while that is open.
    const atSf = await closedCase();
    const sv = (await t.as('rektor').get(`/api/cases/${atSf}`)).body.version;
    await ok(t, 'rektor', atSf, 'RAISED_WITH_PRINCIPAL', sv, { at: '2027-03-01T09:00:00+01:00' });
    await ok(t, 'rektor', atSf, 'REPORTED_TO_STATSFORVALTEREN', sv + 1, { at: '2027-03-01T09:20:00+01:00', specialGrounds: 'violence' });
    await t.as('kommune').put(`/api/owners/${owner}/retention`, { expectedVersion: 1, retentionYears: 0 }).expect(422);
    await t.as('rektor').put(`/api/owners/${owner}/retention`, { expectedVersion: 1, retentionYears: 2 }).expect(403);
    await t.as('kommune').put(`/api/owners/${owner}/retention`, { expectedVersion: 1, retentionYears: 2 }).expect(200);

    // Not yet: closed less than two years ago.
    expect((await t.as('kommune').get(`/api/owners/${owner}/retention/preview`)).body.due).toEqual([]);
    t.clock.set('2029-03-20T09:00:00+01:00');
    // Nothing is erased before the archive has its copy.
    const before = (await t.as('kommune').get(`/api/owners/${owner}/retention/preview`).expect(200)).body;
    expect(before.due).toEqual([]);
    expect(before.blocked).toEqual(
      expect.arrayContaining([expect.objectContaining({ caseId: due, reason: expect.stringMatching(/^not yet in the archive/) })]),
    );
    await deposit(t, owner, { from: '2027-03-01', to: '2027-03-01' });
    const preview = (await t.as('revisor').get(`/api/owners/${owner}/retention/preview`).expect(200)).body;
    expect(preview.due.map((c: { caseId: string }) => c.caseId)).toContain(due);
    expect(preview.blocked).toHaveLength(2);
    expect(preview.blocked).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          caseId: held,
          legalHold: 'Complaint to Statsforvalteren',
          reason: 'legal hold: Complaint to Statsforvalteren',
        }),
        expect.objectContaining({ caseId: atSf, legalHold: null, reason: expect.stringMatching(/Statsforvalteren's case is open/) }),
      ]),
    );
    await t.as('revisor').post(`/api/owners/${owner}/retention/run`).expect(403);

    const run = (await t.as('kommune').post(`/api/owners/${owner}/retention/run`).expect(200)).body;
    expect(run.anonymised).toContain(due);
    expect(run.anonymised).not.toContain(held);
    expect(run.anonymised).not.toContain(atSf);

    const verify = (await t.as('revisor').get(`/api/cases/${due}/verify`).expect(200)).body;
    expect(verify).toMatchObject({ valid: true, firstBrokenSeq: null });
    expect(verify.erasedContents).toBeGreaterThan(3);

    const view = (await t.as('kommune').get(`/api/cases/${due}`).expect(200)).body;
    expect(view).toMatchObject({ childIds: [], concern: '[anonymisert]', allowedCommands: [] });
    expect(view.anonymisedAt).toBe('2029-03-20T09:00:00+01:00');
    const file = JSON.stringify((await t.as('kommune').get(`/api/cases/${due}/export`).expect(200)).body);
    const history = JSON.stringify((await t.as('kommune').get(`/api/cases/${due}/events`).expect(200)).body);
    for (const text of [file, history, await rawRows(due)]) {
      expect(text).not.toMatch(/\bEva\b/);
      expect(text).not.toContain('Ola Hansen');
      expect(text).not.toContain(EVA);
    }
    expect(history).toContain('CASE_ANONYMISED');
    // The archive has the documents; Trygg keeps their numbers and checksums.
    const journal = (await db.query('SELECT document, document_erased_at, document_sha256 FROM journal_entries WHERE case_id = $1', [due]))
      .rows;
    expect(journal.length).toBeGreaterThan(0);
    for (const e of journal)
      expect(e).toMatchObject({ document: null, document_erased_at: expect.any(Date), document_sha256: expect.any(String) });
    // An anonymised case takes no more commands.
    await t.as('rektor').command(due, 'REOPEN', view.version, { reason: 'x' }).expect(409);

    // The held case is untouched, and still names the child.
    expect((await t.as('kommune').get(`/api/cases/${held}`)).body).toMatchObject({ anonymisedAt: null, childIds: [EVA] });
    expect(await rawRows(held)).toContain(NAME);
    expect((await db.query('SELECT basis FROM staircase_assessments WHERE case_id = $1', [due])).rows).toEqual([
      { basis: '[anonymisert]' },
    ]);
  });
});
