import { caseScopeOf, CaseRecord, factsOf, roleInCase, verifyChain } from '../../libs/cases/src';
import { DEMO_CHILDREN, DEMO_USERNAMES } from '../../libs/persistence/src/seed/demo-data';
import { concern, MediumRig, noteWrites, startMediumRig, unchangedOf } from './medium-rig';

const child = (name: string) => DEMO_CHILDREN.find((c) => c.name === name)!.id;

/** The case store against the real PostgreSQL: its SQL, not the HTTP around it. */
describe('TypeormCaseStore', () => {
  let rig: MediumRig;
  const ids: string[] = [];
  beforeAll(async () => {
    rig = await startMediumRig();
    const as = (u: string) => rig.user(u);
    // A spread of cases that every branch of the scope must get right.
    ids.push((await rig.open.execute(await as('larer'), concern('demoSkole', [child('Eva Nordmann')]))).id);
    ids.push((await rig.open.execute(await as('rektor'), concern('demoSkole', [child('Ola Hansen')]))).id);
    ids.push((await rig.open.execute(await as('ansatt'), concern('demoBarnehage', [child('Emma Lie')]))).id);
    ids.push((await rig.open.execute(await as('larer2'), concern('naboSkole', [child('Jonas Moe')]))).id);
    // The leadership reported as the offender: the owner leads, the unit's principal must not see it.
    ids.push(
      (
        await rig.open.execute(
          await as('larer'),
          concern('demoSkole', [child('Sara Berg')], { staffOffender: true, offenderIsLeadership: true }),
        )
      ).id,
    );
    // PPT asked anonymously into the principal's case; a staff member of another unit assigned as coordinator.
    const rektor = await as('rektor');
    await rig.run.execute(rektor, {
      caseId: ids[1],
      type: 'REQUEST_PPT',
      expectedVersion: 1,
      payload: { question: 'How can the school help?', anonymous: true, anonymousSummary: 'A pupil in year 5 is excluded.' },
    });
    const larer2 = await as('larer2');
    await rig.run.execute(rektor, { caseId: ids[1], type: 'ASSIGN_COORDINATOR', expectedVersion: 2, payload: { userId: larer2.id } });
  });
  afterAll(() => rig.close());

  it('list() returns for each demo user exactly the cases roleInCase allows', async () => {
    const now = rig.clock.now();
    const all = (await Promise.all(ids.map((id) => rig.store.get(id)))) as CaseRecord[];
    const seen: Record<string, number> = {};
    for (const username of DEMO_USERNAMES) {
      const user = await rig.user(username);
      const listed = (await rig.store.list({ scope: caseScopeOf(user, now), limit: 1000 }))
        .map((c) => c.id)
        .filter((id) => ids.includes(id));
      const allowed = all.filter((rec) => roleInCase(user, factsOf(rec, now)) !== undefined).map((c) => c.id);
      expect({ username, cases: listed.sort() }).toEqual({ username, cases: allowed.sort() });
      seen[username] = listed.length;
    }
    // The policy itself, for the record: the owner and its auditor see all five, the principal not the leadership case.
    expect(seen).toEqual({ larer: 2, rektor: 2, ansatt: 1, styrer: 1, larer2: 1, rektor2: 1, kommune: 5, ppt: 1, revisor: 5, drift: 0 });
  });

  it('keeps each journal document as registered, byte for byte, two from one command included, without compressing it again', async () => {
    const rows: Array<{ together: number; whole: boolean; compression: string | null }> = await rig.ds.query(
      `SELECT count(*) OVER (PARTITION BY case_id, created_at)::int AS together,
         encode(sha256(document), 'hex') = document_sha256 AND octet_length(document) = document_size AS whole,
         pg_column_compression(document) AS compression
       FROM journal_entries WHERE case_id = ANY($1::uuid[])`,
      [ids],
    );
    expect(rows.filter((r) => !r.whole || r.compression !== null)).toEqual([]);
    // The leadership case journals its concern and the owner's notification in its one opening statement.
    expect(Math.max(...rows.map((r) => r.together))).toBeGreaterThanOrEqual(2);
    // PDFs are compressed already: PostgreSQL keeps the column out of line without trying again (decision 104).
    const [{ storage }] = await rig.ds.query(
      `SELECT attstorage AS storage FROM pg_attribute WHERE attrelid = 'journal_entries'::regclass AND attname = 'document'`,
    );
    expect(storage).toBe('e');
  });

  it('a stale version writes nothing', async () => {
    const rec = (await rig.store.get(ids[0])) as CaseRecord;
    const before = await rig.store.events(rec.id);
    const at = rig.clock.now();
    expect(await rig.store.commit(rec.id, rec.version + 1, unchangedOf(rec), noteWrites(at), at)).toBe(false);
    expect(await rig.store.commit(rec.id, rec.version - 1, unchangedOf(rec), noteWrites(at), at)).toBe(false);
    expect(await rig.store.events(rec.id)).toEqual(before);
    expect(((await rig.store.get(rec.id)) as CaseRecord).version).toBe(rec.version);
    // The right version writes, once.
    expect(await rig.store.commit(rec.id, rec.version, unchangedOf(rec), noteWrites(at), at)).toBeTruthy();
    expect(await rig.store.events(rec.id)).toHaveLength(before.length + 1);
  });

  it('history alone goes in one statement, which writes nothing when the version or the last link moved since the case was read', async () => {
    const rec = (await rig.store.get(ids[1])) as CaseRecord;
    expect(rec.lastLink).toEqual(expect.objectContaining({ seq: expect.any(Number), hash: expect.any(String) }));
    const at = rig.clock.now();
    const before = await rig.store.events(rec.id);
    // A stale version with the right link: refused, and nothing is written.
    expect(await rig.store.commit(rec.id, rec.version - 1, unchangedOf(rec), noteWrites(at), at, rec.lastLink)).toBe(false);
    expect(await rig.store.events(rec.id)).toEqual(before);
    // The right version and link: written, and the case row's link moves with it.
    expect(await rig.store.commit(rec.id, rec.version, unchangedOf(rec), noteWrites(at), at, rec.lastLink)).toBeTruthy();
    const moved = (await rig.store.get(rec.id)) as CaseRecord;
    expect(moved.lastLink!.seq).toBe(rec.lastLink!.seq + 1);
    // A link read before the last append (as when a deadline step appended meanwhile): the statement
    // writes nothing, and the note goes after the real last link, under the row lock.
    expect(await rig.store.commit(rec.id, moved.version, unchangedOf(moved), noteWrites(at), at, rec.lastLink)).toBeTruthy();
    const chain = await rig.store.chain(rec.id);
    expect(chain.map((r) => r.seq)).toEqual(Array.from({ length: before.length + 2 }, (_, i) => i + 1));
    expect(verifyChain(chain)).toMatchObject({ valid: true });
    expect(((await rig.store.get(rec.id)) as CaseRecord).lastLink).toEqual({ seq: chain.at(-1)!.seq, hash: chain.at(-1)!.hash });
  });

  it('an on_date deadline moved twice keeps one row; a policy deadline started again keeps its due date; the write gives the deadlines as it left them', async () => {
    const caseId = ids[2];
    const start = async (kind: 'plan_evaluation' | 'plan', due: string, rule: 'on_date' | 'plan') => {
      const rec = (await rig.store.get(caseId)) as CaseRecord;
      const at = rig.clock.now();
      const dueAt = new Date(due);
      const schedule = { remind: null, start_evaluation: null, overdue: dueAt, escalate_principal: null, escalate_owner: null };
      const basis = rule === 'on_date' ? { rule, date: due.slice(0, 10) } : { rule };
      const writes = noteWrites(at);
      writes.deadlines.push({ op: 'start', kind, ref: '', dueAt, schedule, responsibleUserId: null, basis, policyVersion: 1 });
      // In one statement (the last link as read), which also gives the case's deadlines as it left them.
      const committed = await rig.store.commit(caseId, rec.version, unchangedOf(rec), writes, at, rec.lastLink);
      expect(committed && committed.deadlines).toEqual(await rig.store.deadlines(caseId));
    };
    await start('plan_evaluation', '2027-03-10T16:00:00+01:00', 'on_date');
    await start('plan_evaluation', '2027-03-17T16:00:00+01:00', 'on_date');
    await start('plan_evaluation', '2027-03-24T16:00:00+01:00', 'on_date');
    await start('plan', '2027-03-08T16:00:00+01:00', 'plan');
    await start('plan', '2027-03-15T16:00:00+01:00', 'plan');

    const rows = await rig.ds.query(
      `SELECT kind, status, rev, due_at FROM deadlines WHERE case_id = $1 AND kind IN ('plan_evaluation', 'plan') ORDER BY kind`,
      [caseId],
    );
    expect(rows).toEqual([
      { kind: 'plan', status: 'pending', rev: 1, due_at: new Date('2027-03-08T16:00:00+01:00') },
      { kind: 'plan_evaluation', status: 'pending', rev: 3, due_at: new Date('2027-03-24T16:00:00+01:00') },
    ]);
    // Every move left a row for the relay, which replaces the previous revision's jobs.
    const [{ moved }] = await rig.ds.query(
      `SELECT count(*)::int AS moved FROM outbox o JOIN deadlines d ON d.id = o.ref::uuid WHERE d.case_id = $1 AND d.kind = 'plan_evaluation'`,
      [caseId],
    );
    expect(moved).toBe(3);
  });
});
