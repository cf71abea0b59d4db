import { TryggWorker } from '../../apps/worker/src/worker.runtime';
import { freePort, startRedisServer } from '../../libs/embedded/src';
import { EVA, ids, ok, open, planFor, schoolConcern } from '../harness/flows';
import { startNoark5TestServer, Noark5TestServer } from '../harness/noark5-test-server';
import { startTestApp, TestApp } from '../harness/test-app';
import { sha256 } from '../harness/deposit-package';

/**
 * The archive service (Noark 5 Tjenestegrensesnitt): each journal entry is pushed as it is created,
 * through the outbox; an archive that is down for a while loses nothing and gets each entry once.
 */
describe('archive transport: Noark 5 REST', () => {
  let t: TestApp;
  let archive: Noark5TestServer;
  let worker: TryggWorker;
  let redis: Awaited<ReturnType<typeof startRedisServer>>;

  beforeAll(async () => {
    // Its own Redis, so no other file's worker takes these jobs.
    redis = await startRedisServer({ port: await freePort() });
    archive = await startNoark5TestServer();
    t = await startTestApp({ now: '2027-03-01T09:30:00+01:00', redisUrl: redis.url });
    worker = new TryggWorker({
      databaseUrl: t.databaseUrl,
      redisUrl: redis.url,
      clock: t.clock,
      log: () => undefined,
      relayIdleMs: 20,
      archive: { baseUrl: archive.url, arkivdel: archive.arkivdel, retryBaseMs: 100 },
    });
    await worker.start();
  });
  afterAll(async () => {
    await worker.stop();
    await t.close();
    await archive.close();
    await redis.stop();
  });

  async function until(check: () => Promise<boolean> | boolean, ms = 30_000): Promise<void> {
    const end = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > end) throw new Error('timed out waiting');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('each entry arrives once, in its case folder, with its document; the journal shows the archive reference', async () => {
    const c = await open(t, 'larer', schoolConcern());
    await ok(t, 'rektor', c.id, 'MARK_SERIOUS', 1, { reason: 'weeks' });
    // Each entry is whole once its file is in (the journalpost comes first, its document after).
    await until(() => archive.dokumentobjekter.size === 2 && [...archive.dokumentobjekter.values()].every((o) => o.file));
    expect(archive.saksmapper.size).toBe(1);
    const folder = [...archive.saksmapper.values()][0];
    expect(folder).toMatchObject({ eksternID: `trygg/${c.id}`, mappeID: expect.stringMatching(/^2027\/\d+$/) });
    expect(JSON.stringify(folder)).not.toContain('Eva');
    const objects = [...archive.dokumentobjekter.values()];
    expect(objects).toHaveLength(2);
    const journal = async () => (await t.as('rektor').get(`/api/cases/${c.id}/journal`).expect(200)).body;
    await until(async () => (await journal()).entries.every((e: { archiveRef: string | null }) => e.archiveRef));
    const j = await journal();
    for (const e of j.entries) {
      expect(e.archiveRef).toEqual(expect.any(String));
      const post = archive.journalposter.get(e.archiveRef)!;
      expect(post.eksternID).toBe(`trygg/${e.id}`);
      const object = objects.find((o) => archive.dokumentbeskrivelser.get(o.dokumentbeskrivelse)!.journalpost === e.archiveRef)!;
      expect(object.sjekksum).toBe(e.sha256);
      expect(sha256(object.file!)).toBe(e.sha256);
    }
  });

  it('an archive down for a while: nothing is lost, and every entry arrives exactly once after it comes back', async () => {
    const before = archive.journalposter.size;
    archive.down();
    const c = await open(t, 'larer', schoolConcern());
    await ok(t, 'rektor', c.id, 'ACKNOWLEDGE', 1);
    await ok(t, 'larer', c.id, 'RECORD_CHILD_VOICE', 2, { childId: EVA, heardAt: '2027-03-01T10:00:00+01:00', heardBy: 'L', summary: 's' });
    await ok(t, 'rektor', c.id, 'CONCLUDE_INVESTIGATION', 3, { outcome: 'not_safe', summary: 's', bestInterest: 'b' });
    await ok(t, 'larer', c.id, 'SUBMIT_PLAN', 4, { plan: planFor(ids.larer) });
    await ok(t, 'rektor', c.id, 'APPROVE_PLAN', 5);
    await until(() => archive.refused >= 3);
    expect(archive.journalposter.size).toBe(before);
    archive.up();
    await until(async () => {
      const j = (await t.as('rektor').get(`/api/cases/${c.id}/journal`)).body;
      return j.entries.length === 3 && j.entries.every((e: { archiveRef: string | null }) => e.archiveRef);
    });
    expect(archive.journalposter.size).toBe(before + 3);
    const external = [...archive.journalposter.values()].map((p) => p.eksternID);
    expect(new Set(external).size).toBe(external.length);
    expect([...archive.saksmapper.values()].filter((m) => m.eksternID === `trygg/${c.id}`)).toHaveLength(1);

    // A send that reached the archive but crashed before Trygg recorded it is found, not repeated.
    const db = await t.sql();
    const [first] = (await t.as('rektor').get(`/api/cases/${c.id}/journal`)).body.entries;
    await db.query('UPDATE journal_entries SET archive_ref = NULL, archived_at = NULL WHERE id = $1', [first.id]);
    await worker.reconcile();
    await until(async () => (await db.query('SELECT archive_ref FROM journal_entries WHERE id = $1', [first.id])).rows[0].archive_ref);
    expect((await db.query('SELECT archive_ref FROM journal_entries WHERE id = $1', [first.id])).rows[0].archive_ref).toBe(
      first.archiveRef,
    );
    expect(archive.journalposter.size).toBe(before + 3);
  });
});
