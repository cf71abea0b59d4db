import { Client } from 'pg';
import { ok, open, schoolConcern } from '../harness/flows';
import { startTestApp, TestApp } from '../harness/test-app';

/** Optimistic concurrency: a stale version writes nothing; racing commands leave no gaps. */
describe('versions and concurrency', () => {
  let t: TestApp;
  let db: Client;
  beforeAll(async () => {
    t = await startTestApp();
    db = await t.sql();
  });
  afterAll(() => t.close());

  const counts = async (caseId: string) => {
    const r = await db.query(
      `SELECT (SELECT count(*) FROM case_events WHERE case_id = $1)::int AS events,
              (SELECT count(*) FROM deadlines WHERE case_id = $1)::int AS deadlines,
              (SELECT version FROM cases WHERE id = $1) AS version,
              (SELECT snapshot FROM cases WHERE id = $1) AS snapshot`,
      [caseId],
    );
    return r.rows[0];
  };

  it('a stale expectedVersion gives 409 and writes nothing', async () => {
    const c = await open(t, 'larer', schoolConcern());
    await ok(t, 'rektor', c.id, 'ACKNOWLEDGE', 1);
    const before = await counts(c.id);
    const stale = await t.as('rektor').command(c.id, 'MARK_SERIOUS', 1, { reason: 'violence' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ currentState: 'investigating', version: 2 });
    expect(stale.body.allowedCommands).toEqual([
      'MARK_SERIOUS',
      'ADD_NOTE',
      'RECORD_CHILD_VOICE',
      'CONCLUDE_INVESTIGATION',
      'ASSESS_STAIRCASE',
      'BTI_DECIDE',
      'ASSIGN_COORDINATOR',
      'RECORD_CONSENT',
      'RECORD_CONSENT_REFUSAL',
      'REQUEST_PPT',
      'RAISED_WITH_PRINCIPAL',
      'CORRECT_ENTRY',
    ]);
    expect(await counts(c.id)).toEqual(before);
  });

  it('50 concurrent commands on one case: only valid ones succeed and seq has no gaps', async () => {
    const c = await open(t, 'larer', schoolConcern());
    await ok(t, 'rektor', c.id, 'ACKNOWLEDGE', 1);
    // Everyone read version 2 and races; plus commands that are never valid.
    const racing = Array.from({ length: 50 }, (_, i) => {
      if (i % 10 === 9) return t.as('rektor').command(c.id, 'APPROVE_PLAN', 2); // wrong state
      if (i % 10 === 8) return t.as('larer').command(c.id, 'ACKNOWLEDGE', 2); // wrong role
      return i % 2 === 0
        ? t.as('rektor').command(c.id, 'ADD_NOTE', 2, { kind: 'observation', text: `note ${i}` })
        : t.as('rektor').command(c.id, 'MARK_SERIOUS', 2, { reason: `reason ${i}` });
    });
    const results = await Promise.all(racing);
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 403)).toHaveLength(5);
    expect(statuses.every((s) => [200, 403, 409].includes(s))).toBe(true);

    const after = await counts(c.id);
    expect(after.version).toBe(3);
    const seqs = (await db.query('SELECT seq FROM case_events WHERE case_id = $1 ORDER BY seq', [c.id])).rows.map((r) => r.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));

    // Then a second wave, each reading the latest version and retrying on 409, all succeed in turn.
    let succeeded = 0;
    await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        for (let attempt = 0; attempt < 50; attempt++) {
          const cur = await t.as('rektor').get(`/api/cases/${c.id}`);
          const res = await t.as('rektor').command(c.id, 'ADD_NOTE', cur.body.version, { kind: 'other', text: `retry ${i}` });
          if (res.status === 200) return void succeeded++;
          expect(res.status).toBe(409);
        }
      }),
    );
    expect(succeeded).toBe(10);
    const final = await db.query('SELECT seq FROM case_events WHERE case_id = $1 ORDER BY seq', [c.id]);
    expect(final.rows.map((r) => r.seq)).toEqual(Array.from({ length: final.rowCount! }, (_, i) => i + 1));
    expect((await counts(c.id)).version).toBe(13);
  });

  it('a failure inside the transaction leaves no half-written case', async () => {
    const c = await open(t, 'larer', schoolConcern());
    const before = await counts(c.id);
    // A deadline row that makes the transition's deadline insert fail (foreign key to a missing user).
    await db.query(`ALTER TABLE deadlines ADD CONSTRAINT test_block CHECK (kind <> 'investigation') NOT VALID`);
    try {
      const res = await t.as('rektor').command(c.id, 'ACKNOWLEDGE', 1);
      expect(res.status).toBe(500);
      expect(res.body).toMatchObject({ status: 500, type: expect.stringContaining('internal') });
      expect(JSON.stringify(res.body)).not.toMatch(/test_block|constraint/);
    } finally {
      await db.query('ALTER TABLE deadlines DROP CONSTRAINT test_block');
    }
    expect(await counts(c.id)).toEqual(before);
  });
});
