import { Client } from 'pg';
import { CASE_COMMAND_TYPES } from '../../libs/cases/src/commands/command.usecase';
import { ok, open, planFor, schoolConcern, toActive, ids } from '../harness/flows';
import { startTestApp, TestApp } from '../harness/test-app';
import { DEMO_OWNER } from '../../libs/persistence/src/seed/demo-data';

/**
 * Issue 5: a history that can be trusted. The hash chain, the trigger that refuses edits, where a
 * forged row is found, the auditor who can only read, and the access log of every read.
 */
describe('trusted history', () => {
  let t: TestApp;
  let db: Client;
  beforeAll(async () => {
    t = await startTestApp();
    db = await t.sql();
  });
  afterAll(() => t.close());

  async function activeCase() {
    const c = await open(t, 'larer', schoolConcern());
    await toActive(t, c.id, planFor(ids.larer), '2027-03-01T10:00:00+01:00');
    return c.id as string;
  }

  it('chains every event and verifies an untouched history', async () => {
    const caseId = await activeCase();
    const res = await t.as('rektor').get(`/api/cases/${caseId}/verify`).expect(200);
    expect(res.body).toMatchObject({ caseId, valid: true, firstBrokenSeq: null, erasedContents: 0 });
    const events = (await t.as('rektor').get(`/api/cases/${caseId}/events`).expect(200)).body;
    expect(res.body.events).toBe(events.length);
    expect(res.body.lastHash).toBe(events[events.length - 1].hash);
    // Personal content sits in its own row; the event keeps the facts and a hash of it.
    const row = (
      await db.query(`SELECT payload, content_hash FROM case_events WHERE case_id = $1 AND type = 'RECORD_CHILD_VOICE'`, [caseId])
    ).rows[0];
    expect(row.payload).not.toHaveProperty('summary');
    expect(row.content_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(events.find((e: { type: string }) => e.type === 'RECORD_CHILD_VOICE').payload.summary).toBe('Eva is afraid in the breaks');
  });

  it('refuses UPDATE, DELETE and TRUNCATE of events, and edits of personal content', async () => {
    const caseId = await activeCase();
    await expect(db.query(`UPDATE case_events SET type = 'X' WHERE case_id = $1 AND seq = 2`, [caseId])).rejects.toThrow(
      /append-only: UPDATE is refused/,
    );
    await expect(db.query(`DELETE FROM case_events WHERE case_id = $1 AND seq = 2`, [caseId])).rejects.toThrow(
      /append-only: DELETE is refused/,
    );
    await expect(db.query('TRUNCATE case_events CASCADE')).rejects.toThrow(/append-only: TRUNCATE is refused/);
    await expect(db.query(`UPDATE case_event_contents SET content = '{}' WHERE case_id = $1`, [caseId])).rejects.toThrow(/only be erased/);
    await expect(db.query(`DELETE FROM case_event_contents WHERE case_id = $1`, [caseId])).rejects.toThrow(/only be erased/);
    expect((await t.as('rektor').get(`/api/cases/${caseId}/verify`).expect(200)).body.valid).toBe(true);
  });

  it('finds a row forged with the trigger switched off at its exact seq', async () => {
    const caseId = await activeCase();
    // Someone with superuser rights switches the guard off and edits seq 3's facts.
    await db.query('ALTER TABLE case_events DISABLE TRIGGER case_events_no_update');
    await db.query(`UPDATE case_events SET payload = payload || '{"outcome":"safe"}' WHERE case_id = $1 AND seq = 4`, [caseId]);
    await db.query('ALTER TABLE case_events ENABLE TRIGGER case_events_no_update');
    const res = await t.as('revisor').get(`/api/cases/${caseId}/verify`).expect(200);
    expect(res.body).toMatchObject({ valid: false, firstBrokenSeq: 4, problem: 'the stored hash does not match the event' });
  });

  it('finds an appended forgery with a wrong hash, and edited personal content', async () => {
    const caseId = await activeCase();
    const last = (
      await db.query('SELECT max(seq) AS n, (array_agg(hash ORDER BY seq DESC))[1] AS h FROM case_events WHERE case_id = $1', [caseId])
    ).rows[0];
    await db.query(
      `INSERT INTO case_events (case_id, seq, type, actor_user_id, actor_role, at, payload, prev_hash, hash)
       VALUES ($1, $2, 'CLOSE', $3, 'principal', now(), '{}', $4, $5)`,
      [caseId, last.n + 1, ids.rektor, last.h, 'f'.repeat(64)],
    );
    expect((await t.as('rektor').get(`/api/cases/${caseId}/verify`).expect(200)).body).toMatchObject({
      valid: false,
      firstBrokenSeq: last.n + 1,
    });

    const other = await activeCase();
    await db.query('ALTER TABLE case_event_contents DISABLE TRIGGER case_event_contents_guard');
    await db.query(`UPDATE case_event_contents SET content = '{"/summary":"nothing happened"}' WHERE case_id = $1 AND seq = 3`, [other]);
    await db.query('ALTER TABLE case_event_contents ENABLE TRIGGER case_event_contents_guard');
    expect((await t.as('rektor').get(`/api/cases/${other}/verify`).expect(200)).body).toMatchObject({
      valid: false,
      firstBrokenSeq: 3,
      problem: 'the personal content does not match its hash',
    });
  });

  it('the auditor: every command is 403 and logged, every read is logged', async () => {
    const caseId = await activeCase();
    const auditor = t.as('revisor');
    for (const type of CASE_COMMAND_TYPES) {
      const res = await auditor.command(caseId, type, 6, {}).expect(403);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.detail).toMatch(/read-only/);
    }
    await auditor.post('/api/cases', schoolConcern()).expect(403);
    // Writes outside cases are refused too, before any controller sees them, and logged against the owner.
    await auditor.put(`/api/owners/${DEMO_OWNER.id}/deadline-policy`, {}).expect(403);
    const refusedOutside = (
      await db.query(`SELECT detail FROM access_log WHERE kind = 'write_refused' AND case_id IS NULL AND role = 'auditor'`)
    ).rows.map((r) => r.detail);
    expect(refusedOutside).toEqual(expect.arrayContaining(['POST /api/cases', 'PUT /api/owners/:ownerId/deadline-policy']));

    await auditor.get(`/api/cases/${caseId}?purpose=tilsyn%202027`).expect(200);
    await auditor.get(`/api/cases/${caseId}/events`).expect(200);
    await auditor.get(`/api/cases/${caseId}/bti-log`).expect(200);
    await auditor.get(`/api/cases/${caseId}/verify`).expect(200);
    await auditor.get(`/api/cases?unitId=${schoolConcern().unitId}&purpose=tilsyn%202027`).expect(200);
    const log = (await auditor.get(`/api/cases/${caseId}/access-log`).expect(200)).body.entries as Array<Record<string, string | null>>;
    const mine = log.filter((e) => e.role === 'auditor');
    expect(mine.filter((e) => e.kind === 'write_refused')).toHaveLength(CASE_COMMAND_TYPES.length);
    expect(mine.filter((e) => e.kind === 'write_refused').map((e) => e.detail)).toEqual(
      CASE_COMMAND_TYPES.map(() => 'POST /api/cases/:caseId/commands'),
    );
    expect(mine.filter((e) => e.kind !== 'write_refused').map((e) => [e.kind, e.purpose])).toEqual([
      ['detail', 'tilsyn 2027'],
      ['history', null],
      ['bti_log', null],
      ['verify', null],
      ['list', 'tilsyn 2027'],
      ['access_log', null],
    ]);
    // Nothing the auditor sent changed the case.
    expect((await t.as('rektor').get(`/api/cases/${caseId}`).expect(200)).body.version).toBe(6);
  });

  it('logs reads by everyone, and shows the log only to the principal, the owner and the auditor', async () => {
    const caseId = await activeCase();
    await t.as('larer').get(`/api/cases/${caseId}`).expect(200);
    await t.as('larer').get(`/api/cases/${caseId}/access-log`).expect(403);
    await t.as('kommune').get(`/api/cases/${caseId}/events?purpose=oppfølging`).expect(200);
    const log = (await t.as('rektor').get(`/api/cases/${caseId}/access-log`).expect(200)).body.entries;
    expect(log.map((e: { role: string; kind: string }) => `${e.role}:${e.kind}`)).toEqual([
      'staff:detail',
      'owner:history',
      'principal:access_log',
    ]);
    await t
      .as('rektor')
      .get(`/api/cases/${caseId}?purpose=${'x'.repeat(501)}`)
      .expect(422);
  });

  it('a staff member refused a command is on record too', async () => {
    const caseId = await activeCase();
    await ok(t, 'larer', caseId, 'ADD_NOTE', 6, { kind: 'observation', text: 'calm week' });
    await t.as('larer').command(caseId, 'CLOSE', 7, { summary: 'done' }).expect(403);
    const log = (await t.as('rektor').get(`/api/cases/${caseId}/access-log`).expect(200)).body.entries;
    expect(log[0]).toMatchObject({ role: 'staff', kind: 'write_refused', detail: 'CLOSE' });
  });
});
