import { Client } from 'pg';
import { createDataSource } from '../../libs/persistence/src';
import { LastLinkOnCase1764800000000 } from '../../migrations/1764800000000-last-link-on-case';
import { TrustedHistory1764300000000 } from '../../migrations/1764300000000-trusted-history';
import { ids, ok, open, planFor, schoolConcern, toActive } from '../harness/flows';
import { startTestApp, TestApp } from '../harness/test-app';

/**
 * Running cases survive the deploy that brought the hash chain: histories written before it are
 * chained by the migration, their personal content moved to its own rows, and down() gives the
 * old payloads back.
 */
describe('the trusted-history migration', () => {
  let t: TestApp;
  afterAll(() => t?.close());

  it('chains histories written before it, and down() restores them exactly', async () => {
    t = await startTestApp();
    const c = await open(t, 'larer', schoolConcern());
    await toActive(t, c.id, planFor(ids.larer), '2027-03-01T10:00:00+01:00');
    await ok(t, 'larer', c.id, 'ADD_NOTE', 6, { kind: 'observation', text: 'Eva played with the others' });
    const before = (await t.as('rektor').get(`/api/cases/${c.id}/events`)).body.map((e: Record<string, unknown>) => [
      e.seq,
      e.type,
      e.payload,
    ]);

    const ds = createDataSource(t.databaseUrl, { poolSize: 1 });
    await ds.initialize();
    const runner = ds.createQueryRunner();
    const migration = new TrustedHistory1764300000000();
    try {
      await migration.down(runner);
      const db = new Client({ connectionString: t.databaseUrl });
      await db.connect();
      // What an older Trygg stored: the whole payload in the event.
      const old = (await db.query('SELECT seq, type, payload FROM case_events WHERE case_id = $1 ORDER BY seq', [c.id])).rows.map((r) => [
        r.seq,
        r.type,
        r.payload,
      ]);
      expect(old).toEqual(before);
      await db.end();
      await migration.up(runner);
      // The later migrations ran when this Trygg was upgraded: the case row's last link follows the new chain.
      await runner.query(LastLinkOnCase1764800000000.BACKFILL);
    } finally {
      await runner.release();
      await ds.destroy();
    }
    expect((await t.as('rektor').get(`/api/cases/${c.id}/verify`).expect(200)).body).toMatchObject({ valid: true, events: before.length });
    const after = (await t.as('rektor').get(`/api/cases/${c.id}/events`)).body.map((e: Record<string, unknown>) => [
      e.seq,
      e.type,
      e.payload,
    ]);
    expect(after).toEqual(before);
    // And the case goes on.
    await ok(t, 'larer', c.id, 'ADD_NOTE', 7, { kind: 'observation', text: 'A calm week' });
    expect((await t.as('rektor').get(`/api/cases/${c.id}/verify`)).body.valid).toBe(true);
  });
});
