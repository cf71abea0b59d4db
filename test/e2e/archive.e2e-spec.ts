import { Client } from 'pg';
import { DEMO_OWNER, DEMO_UNITS } from '../../libs/persistence/src/seed/demo-data';
import { addmlFiles, deposit, sha256, xmllint, XML_SCHEMAS } from '../harness/deposit-package';
import { EVA, ids, ok, open, planFor, schoolConcern } from '../harness/flows';
import { children, startTestApp, TestApp } from '../harness/test-app';
import { seedDemoCases } from '../../apps/launcher/src/demo-cases.seed';
import { DataSource } from 'typeorm';
import { BuildArchiveDeposit } from '../../libs/cases/src';
import { TypeormDirectory } from '../../libs/persistence/src';

/**
 * The municipal archive (Noark 5): each archived document becomes a journalpost in the command's
 * transaction, and a deposit of a period validates file by file against Arkivverket's schemas.
 */
describe('archive: journal entries and Noark 5 deposits', () => {
  let t: TestApp;
  let db: Client;
  const owner = DEMO_OWNER.id;

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-01T09:30:00+01:00' });
    db = await t.sql();
  });
  afterAll(() => t.close());

  /** Concern → serious (owner told) → investigation → plan → evaluation → closed. */
  async function caseToClosed(): Promise<{ id: string; caseNumber: string }> {
    const c = await open(t, 'larer', schoolConcern());
    await ok(t, 'rektor', c.id, 'MARK_SERIOUS', 1, { reason: 'Repeated for weeks' });
    const v = 2;
    await ok(t, 'rektor', c.id, 'ACKNOWLEDGE', v);
    await ok(t, 'larer', c.id, 'RECORD_CHILD_VOICE', v + 1, {
      childId: EVA,
      heardAt: '2027-03-01T10:00:00+01:00',
      heardBy: 'Lærer',
      summary: 'afraid',
    });
    await ok(t, 'rektor', c.id, 'CONCLUDE_INVESTIGATION', v + 2, {
      outcome: 'not_safe',
      summary: 'Eva is excluded',
      bestInterest: 'safe breaks',
    });
    await ok(t, 'larer', c.id, 'SUBMIT_PLAN', v + 3, { plan: planFor(ids.larer) });
    await ok(t, 'rektor', c.id, 'APPROVE_PLAN', v + 4);
    await ok(t, 'rektor', c.id, 'START_EVALUATION', v + 5);
    const closed = await ok(t, 'rektor', c.id, 'EVALUATE', v + 6, {
      outcome: 'resolved',
      summary: 'Eva is safe now',
      childVoice: 'Eva is happy',
    });
    expect(closed.state).toBe('closed');
    return { id: c.id, caseNumber: closed.caseNumber };
  }

  it('a case from concern to closed yields exactly the journal entries the law names, in order, numbered without gaps', async () => {
    const c = await caseToClosed();
    expect(c.caseNumber).toMatch(/^2027\/\d+$/);
    const j = (await t.as('rektor').get(`/api/cases/${c.id}/journal`).expect(200)).body;
    expect(j.caseNumber).toBe(c.caseNumber);
    expect(j.entries.map((e: { kind: string }) => e.kind)).toEqual([
      'concern',
      'owner_notification',
      'investigation_conclusion',
      'approved_plan',
      'evaluation',
    ]);
    const seqs = j.entries.map((e: { journalSeq: number }) => e.journalSeq);
    expect(seqs).toEqual(seqs.map((_: number, i: number) => seqs[0] + i));
    for (const e of j.entries) {
      expect(e.title).not.toMatch(/\bEva\b/);
      expect(e.skjermingshjemmel).toBe('Offl. § 13, jf. fvl. § 13 første ledd nr. 1');
      expect(e.journalNumber).toBe(`2027/${e.journalSeq}`);
    }
    // The document is the registered one, byte for byte, and an archival PDF.
    const plan = j.entries.find((e: { kind: string }) => e.kind === 'approved_plan');
    const pdf = (await t.as('revisor').get(`/api/cases/${c.id}/journal/${plan.id}/document`).buffer(true).expect(200)).body as Buffer;
    expect(sha256(pdf)).toBe(plan.sha256);
    expect(pdf.subarray(0, 8).toString()).toBe('%PDF-1.7');
    expect(pdf.toString('latin1')).toContain('pdfaid:part');
    // A teacher works in the case but hands nothing to the archive.
    await t.as('larer').get(`/api/cases/${c.id}/journal`).expect(403);
    // The journal is a record: SQL cannot rewrite it.
    await expect(db.query(`UPDATE journal_entries SET title = 'x' WHERE case_id = $1`, [c.id])).rejects.toThrow(
      /journal_entries is a record/,
    );
  });

  it("a staff offence journals the owner's notification at once, and Statsforvalteren's decision comes in as an incoming document", async () => {
    const c = await open(t, 'larer', schoolConcern({ staffOffender: true, source: 'parent_told' }));
    const v = (await t.as('rektor').get(`/api/cases/${c.id}`)).body.version;
    await ok(t, 'rektor', c.id, 'RAISED_WITH_PRINCIPAL', v, { at: '2027-03-01T09:00:00+01:00' });
    await ok(t, 'rektor', c.id, 'REPORTED_TO_STATSFORVALTEREN', v + 1, { at: '2027-03-01T09:20:00+01:00', specialGrounds: 'violence' });
    await ok(t, 'kommune', c.id, 'SF_DECISION', v + 2, {
      at: '2027-03-01T09:25:00+01:00',
      requirements: ['Make a plan'],
      deadline: '2027-03-19',
    });
    const j = (await t.as('kommune').get(`/api/cases/${c.id}/journal`).expect(200)).body;
    expect(j.entries.map((e: { kind: string; journalposttype: string }) => [e.kind, e.journalposttype])).toEqual([
      ['concern', 'Organinternt dokument for oppfølging'],
      ['owner_notification', 'Organinternt dokument for oppfølging'],
      ['sf_decision', 'Inngående dokument'],
    ]);
  });

  it('journal numbers stay gap-free per owner under 50 concurrent commands in different cases', async () => {
    const opened = await Promise.all(Array.from({ length: 50 }, () => open(t, 'larer', schoolConcern())));
    await Promise.all(opened.map((c) => ok(t, 'rektor', c.id, 'MARK_SERIOUS', 1, { reason: 'at once' })));
    const { rows } = await db.query(`SELECT journal_year, journal_seq FROM journal_entries WHERE owner_id = $1 ORDER BY 1, 2`, [owner]);
    const seqs = rows.map((r) => r.journal_seq as number);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    const cases = await db.query(`SELECT case_seq FROM cases WHERE owner_id = $1 AND case_year = 2027 ORDER BY 1`, [owner]);
    expect(cases.rows.map((r) => r.case_seq)).toEqual(cases.rows.map((_, i) => i + 1));
  });

  it('a deposit validates file by file, its checksums match, the public journal names no child; a second deposit takes nothing twice', async () => {
    const c = await caseToClosed();
    const { res, files } = await deposit(t, owner, { from: '2027-03-01', to: '2027-03-01' });
    expect(res.headers['content-type']).toBe('application/x-tar');
    for (const name of Object.keys(XML_SCHEMAS)) {
      const verdict = xmllint(name, files.get(name)!);
      expect({ name, ...verdict }).toEqual({ name, valid: true, output: '' });
    }
    const listed = addmlFiles(files.get('arkivuttrekk.xml')!.toString());
    expect(listed.length).toBe(files.size - 1);
    for (const f of listed) {
      expect(files.has(f.name)).toBe(true);
      expect({ name: f.name, size: files.get(f.name)!.length, sha256: sha256(files.get(f.name)!) }).toEqual(f);
    }
    const publicJournal = files.get('offentligJournal.xml')!.toString();
    for (const child of children) {
      expect(publicJournal).not.toContain(child.name);
      expect(publicJournal).not.toContain(child.id);
    }
    const structure = files.get('arkivstruktur.xml')!.toString();
    expect(structure).toContain(`<mappeID>${c.caseNumber}</mappeID>`);
    expect(files.has(`dokumenter/${c.id}-historikk.json`)).toBe(true);
    const depositedCases = Number(res.headers['x-trygg-case-count']);
    expect(depositedCases).toBeGreaterThanOrEqual(1);
    expect((await t.as('kommune').get(`/api/cases/${c.id}`)).body.depositedAt).toEqual(expect.any(String));
    const again = await t.as('kommune').post(`/api/owners/${owner}/archive-deposits`, { from: '2027-03-01', to: '2027-03-01' });
    expect(again.status).toBe(422);
    expect(again.body.errors[0]).toMatchObject({ field: 'from' });
  });

  it('a package that never reached its receiver gives its cases back, and the next deposit takes them', async () => {
    const c = await caseToClosed();
    const deposits = t.app.get(BuildArchiveDeposit);
    const kommune = (await new TypeormDirectory(t.app.get(DataSource)).userByUsername('kommune'))!;
    const broken = await deposits.execute(kommune, owner, { from: '2027-03-01', to: '2027-03-01' });
    expect(broken.caseCount).toBe(1);
    // Meanwhile the cases are claimed: another deposit of the period finds nothing.
    await t.as('kommune').post(`/api/owners/${owner}/archive-deposits`, { from: '2027-03-01', to: '2027-03-01' }).expect(422);
    await broken.settle(false);
    expect((await db.query('SELECT deposit_id, deposited_at FROM cases WHERE id = $1', [c.id])).rows[0]).toEqual({
      deposit_id: null,
      deposited_at: null,
    });
    expect((await db.query('SELECT count(*)::int AS n FROM archive_deposits WHERE id = $1', [broken.depositId])).rows[0].n).toBe(0);
    const { res } = await deposit(t, owner, { from: '2027-03-01', to: '2027-03-01' });
    expect(res.headers['x-trygg-case-count']).toBe('1');
  });

  it('refuses bad input and other roles, and only the owner deposits', async () => {
    await t.as('kommune').post(`/api/owners/${owner}/archive-deposits`, { from: '2027-13-01', to: '2027-03-01' }).expect(422);
    const r = await t.as('kommune').post(`/api/owners/${owner}/archive-deposits`, { from: '2027-03-05', to: '2027-03-01' }).expect(422);
    expect(r.body.errors).toEqual([expect.objectContaining({ field: 'from' })]);
    await t
      .as('kommune')
      .post(`/api/owners/${owner}/archive-deposits`, {
        from: '2027-03-01',
        to: '2027-03-01',
        unitIds: ['00000000-0000-4000-8000-000000000000'],
      })
      .expect(422);
    await t.as('rektor').post(`/api/owners/${owner}/archive-deposits`, { from: '2027-03-01', to: '2027-03-01' }).expect(403);
    await t.as('revisor').post(`/api/owners/${owner}/archive-deposits`, { from: '2027-03-01', to: '2027-03-01' }).expect(403);
    expect(DEMO_UNITS.demoSkole.id).toBeDefined();
  });
});

describe('archive: the demo data', () => {
  it('deposits as a Noark 5 package whose every XML file validates with xmllint', async () => {
    const t = await startTestApp({ now: '2027-03-01T09:30:00+01:00' });
    try {
      const made = await seedDemoCases(t.databaseUrl, process.env.TRYGG_TEST_REDIS_URL as string, new Date('2027-03-01T09:30:00+01:00'));
      expect(made).toBeGreaterThan(10);
      const { res, files } = await deposit(t, DEMO_OWNER.id, { from: '2020-01-01', to: '2027-03-01' });
      expect(Number(res.headers['x-trygg-case-count'])).toBeGreaterThanOrEqual(1);
      for (const name of Object.keys(XML_SCHEMAS))
        expect({ name, ...xmllint(name, files.get(name)!) }).toEqual({ name, valid: true, output: '' });
      const publicJournal = files.get('offentligJournal.xml')!.toString();
      for (const child of children) {
        expect(publicJournal).not.toContain(child.name);
        expect(publicJournal).not.toContain(child.id);
      }
    } finally {
      await t.close();
    }
  }, 120_000);
});
